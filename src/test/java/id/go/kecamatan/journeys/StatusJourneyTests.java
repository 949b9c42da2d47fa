package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident on a 360 px phone, without JavaScript, follows an application whose documents the
 * office asked to complete: opens it with the tracking code and the phone digits, reads why, sends
 * a new file, sees it back in review and withdraws it. With JavaScript on (axe needs it), every
 * status page passes the WCAG 2.2 AA scan.
 */
@IntegrationTest
class StatusJourneyTests extends BrowserJourney {

  @Autowired Applications applications;
  @Autowired Completions completions;
  @Autowired ApplicationRepository repository;
  @Autowired JdbcClient jdbc;

  /** A Legalisir application of Jetis whose first requirement the office rejected. */
  Application needingCompletion(String reason) {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    List<UUID> requirements =
        jdbc.sql(
                """
                select r.id from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(UUID.class)
            .list();
    Map<String, List<Upload>> files = new HashMap<>();
    requirements.forEach(
        r ->
            files.put(
                r.toString(),
                List.of(
                    new Upload(
                        "ktp.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(TestFiles.pdf(1))))));
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    Application submitted =
        applications
            .submit(
                jetis,
                "LEGALISIR",
                new SubmitCommand(
                    Channel.ONLINE,
                    "3516164101900001",
                    "Siti Aminah",
                    "Mojokerto",
                    "1990-01-01",
                    "FEMALE",
                    village,
                    "Dusun Jetis RT 01 RW 02",
                    "0812 3456 7890",
                    null,
                    null,
                    Map.of(
                        "jenis_dokumen", List.of("Surat keterangan"),
                        "jumlah_lembar", List.of("2"),
                        "keperluan", List.of("Melamar kerja")),
                    files,
                    null))
            .value();
    Application application = repository.find(jetis, submitted.id()).orElseThrow();
    application.startReview(Instant.now(), "Budi (verifikator)");
    repository.saveChanges(application);
    assertThat(
            completions
                .requestCompletion(
                    jetis,
                    application.id(),
                    Map.of(requirements.get(0), reason),
                    "Budi (verifikator)")
                .ok())
        .isTrue();
    return application;
  }

  @Test
  void aResidentWithoutJavaScriptReplacesTheRejectedDocumentFromAPhone() {
    String code = needingCompletion("Foto < 2 MB & buram, kirim ulang").trackingCode().value();
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/status");
      assertThat(heading(phone)).hasText("Cek status permohonan");

      phone.getByLabel("Kode pelacakan").fill(code);
      phone.getByLabel("4 angka terakhir nomor telepon").fill("1234");
      button(phone, "Lihat status").click();
      assertThat(phone.locator(".error-summary")).containsText("tidak cocok");
      assertThat(phone).hasTitle(Pattern.compile("^Kesalahan: "));

      phone.getByLabel("4 angka terakhir nomor telepon").fill("7890");
      button(phone, "Lihat status").click();
      assertThat(phone).hasURL(Pattern.compile("/status/" + code + "$"));
      assertThat(heading(phone)).containsText("Legalisir");
      assertThat(phone.locator(".summary-list")).containsText("Perlu dilengkapi");
      assertThat(phone.locator(".summary-list")).containsText("berhenti sementara");
      // needing action stands out; the reason is body text, not a grey hint; no date while paused
      assertThat(phone.locator(".action-needed")).containsText("Perlu tindakan Anda");
      assertThat(phone.locator(".upload .reason").first())
          .containsText("Foto < 2 MB & buram, kirim ulang");
      assertThat(phone.locator(".upload .hint").first())
          .not()
          .containsText("Foto < 2 MB & buram, kirim ulang");
      assertThat(phone.locator(".summary-list"))
          .not()
          .containsText(
              java.util.regex.Pattern.compile("\\d{1,2} [A-Z][a-z]+ 20\\d\\d\\b(?! pukul)"));
      assertThat(scrollWidth(phone)).as("no sideways scrolling").isLessThanOrEqualTo(PHONE_WIDTH);

      button(phone, "Kirim kelengkapan").click();
      assertThat(phone.locator(".error-summary")).containsText("Pilih file yang akan diunggah");
      // the summary names the requirement
      assertThat(phone.locator(".error-summary a").first()).containsText(": Pilih file");

      phone
          .locator(".upload input[type=file]")
          .setInputFiles(new FilePayload("kk-baru.pdf", "application/pdf", TestFiles.pdf(1)));
      button(phone, "Kirim kelengkapan").click();
      assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Berkas Anda sudah kami terima");
      assertThat(phone.locator(".summary-list")).containsText("Sedang diperiksa");
      assertThat(phone.locator(".timeline > li")).hasCount(4);

      phone
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Batalkan permohonan"))
          .click();
      assertThat(heading(phone)).hasText("Batalkan permohonan?");
      assertThat(scrollWidth(phone)).isLessThanOrEqualTo(PHONE_WIDTH);
      phone.getByLabel("Alasan pembatalan").fill("Sudah diurus di desa");
      button(phone, "Ya, batalkan permohonan").click();
      assertThat(phone.getByRole(AriaRole.STATUS)).containsText("sudah dibatalkan");
      assertThat(phone.locator(".timeline")).containsText("Sudah diurus di desa");
    }
  }

  @Test
  void everyStatusPagePassesTheAccessibilityScan() {
    String code = needingCompletion("Fotokopi buram").trackingCode().value();
    page.navigate("/status");
    axeScan(page);
    button(page, "Lihat status").click();
    assertThat(page.locator(".error-summary")).isVisible();
    axeScan(page);

    page.getByLabel("Kode pelacakan").fill(code);
    page.getByLabel("4 angka terakhir nomor telepon").fill("7890");
    button(page, "Lihat status").click();
    assertThat(page).hasURL(Pattern.compile("/status/" + code + "$"));
    axeScan(page);
    button(page, "Kirim kelengkapan").click();
    assertThat(page.locator(".error-summary")).containsText("Pilih file yang akan diunggah");
    axeScan(page);
    page.navigate("/status/" + code + "?lang=en");
    assertThat(heading(page)).isVisible();
    axeScan(page);
    page.navigate("/status/" + code + "/batalkan?lang=id");
    assertThat(heading(page)).hasText("Batalkan permohonan?");
    axeScan(page);
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }
}
