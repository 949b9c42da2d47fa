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
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.documents.TestFiles;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident applies for a Domisili letter online; the verifier of Jetis finds it in the worklist,
 * rejects the KTP photo as unreadable and asks for completion; the resident reads the reason on a
 * phone without JavaScript and sends only that file again; the verifier accepts every requirement
 * and approves; the resident's timeline shows every step with its date. The staff pages pass the
 * WCAG 2.2 AA scan, on a desktop and on a 360 px phone. (That the deadline moves by the paused
 * working days is asserted with fixed clocks in {@code CompletionsIntegrationTests}.)
 */
@IntegrationTest
class CaseworkJourneyTests extends BrowserJourney {

  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;

  @Test
  void aVerifierAsksForTheKtpAgainAndApprovesAfterTheResidentSendsIt() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    Application submitted =
        fixtures.domisili(
            jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("Ratna"));
    String code = submitted.trackingCode().value();

    try (BrowserContext desk = newDesktopContext()) {
      Page staff = desk.newPage();
      signIn(staff, "verifikator.jetis");
      staff
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daftar permohonan"))
          .click();
      assertThat(heading(staff)).hasText("Daftar permohonan");
      axeScan(staff);
      staff.getByLabel("Cari").fill(code);
      button(staff, "Terapkan saringan").click();
      Locator firstRow = staff.locator("table.worklist tbody tr").first();
      assertThat(firstRow).containsText(code);
      assertThat(firstRow).containsText("••••••••••••0001");
      axeScan(staff);
      firstRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code)).click();
      assertThat(heading(staff)).containsText("Surat Keterangan Domisili");
      axeScan(staff);

      button(staff, "Mulai periksa").click();
      assertThat(staff.getByRole(AriaRole.STATUS)).containsText("sedang diperiksa");
      Locator ktp = requirement(staff, "KTP elektronik");
      assertThat(ktp.locator("img")).hasCount(1);
      // the files beside their checks on a desktop
      var files = ktp.locator(".requirement-files").boundingBox();
      var check = ktp.locator(".requirement-check").boundingBox();
      assertThat(check.x).isGreaterThan(files.x + files.width - 1);
      assertThat(Math.abs(check.y - files.y)).isLessThan(2.0);
      // the reason fields show once "Tolak" is chosen
      assertThat(ktp.getByLabel("Atau tulis alasannya")).isHidden();
      ktp.getByLabel("Tolak", new Locator.GetByLabelOptions().setExact(true)).check();
      ktp.getByLabel("Atau tulis alasannya").fill("Foto KTP tidak terbaca");
      button(staff, "Simpan pemeriksaan").click();
      assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Hasil pemeriksaan sudah disimpan");
      assertThat(requirement(staff, "KTP elektronik")).containsText("Foto KTP tidak terbaca");
      button(staff, "Setujui permohonan").click();
      assertThat(staff.locator(".error-message")).containsText("sudah diterima");
      axeScan(staff);
      button(staff, "Minta kelengkapan").click();
      assertThat(staff.locator(".summary-list").first()).containsText("Perlu dilengkapi");

      // the resident, on a phone without JavaScript
      try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
        Page phone = noScript.newPage();
        phone.navigate("/status");
        phone.getByLabel("Kode pelacakan").fill(code);
        phone.getByLabel("4 angka terakhir nomor telepon").fill("7890");
        button(phone, "Lihat status").click();
        assertThat(phone.locator(".summary-list")).containsText("Perlu dilengkapi");
        assertThat(phone.locator(".upload")).hasCount(1);
        assertThat(phone.locator(".upload")).containsText("Foto KTP tidak terbaca");
        phone
            .locator(".upload input[type=file]")
            .setInputFiles(
                new FilePayload(
                    "ktp-baru.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(800, 500))));
        button(phone, "Kirim kelengkapan").click();
        assertThat(phone.locator(".summary-list")).containsText("Sedang diperiksa");

        // the verifier accepts every requirement with files, the new KTP too, and approves
        staff.reload();
        assertThat(staff.locator(".summary-list").first()).containsText("Sedang diperiksa");
        // every requirement with files (other tests may have added one to the service)
        String withFiles = "section.requirement:has(ul.files)";
        int count = staff.locator(withFiles).count();
        assertThat(count).isGreaterThanOrEqualTo(3);
        // the new KTP accepted and every requirement not yet checked with it, in one go
        requirement(staff, "KTP elektronik")
            .getByLabel("Terima", new Locator.GetByLabelOptions().setExact(true))
            .check();
        button(staff, "Terima semua yang belum diperiksa").click();
        assertThat(staff.getByRole(AriaRole.STATUS))
            .containsText("Hasil pemeriksaan sudah disimpan");
        for (int i = 0; i < count; i++) {
          assertThat(staff.locator(withFiles).nth(i).locator(".check-state"))
              .containsText("Diterima");
        }
        assertThat(button(staff, "Terima semua yang belum diperiksa")).hasCount(0);
        button(staff, "Setujui permohonan").click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Permohonan disetujui");
        assertThat(staff.locator(".summary-list").first()).containsText("tepat waktu");
        axeScan(staff);

        phone.reload();
        assertThat(phone.locator(".summary-list")).containsText("Disetujui");
        Locator steps = phone.locator(".timeline > li");
        assertThat(steps).hasCount(5);
        String[] expected = {
          "Diajukan", "Sedang diperiksa", "Perlu dilengkapi", "Sedang diperiksa", "Disetujui"
        };
        for (int i = 0; i < expected.length; i++) {
          assertThat(steps.nth(i)).containsText(expected[i]);
          assertThat(steps.nth(i))
              .containsText(
                  Pattern.compile("\\d{1,2} [A-Z][a-z]+ \\d{4} pukul \\d{2}\\.\\d{2} WIB"));
        }
      }
    }
  }

  @Test
  void theStaffPagesWorkOnAPhone() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    Application submitted =
        fixtures.domisili(
            fixtures.jetis(),
            fixtures.operatorVillage("desa.jetis"),
            CaseworkFixtures.unique("Dewi"));
    signIn(page, "desa.jetis");
    page.navigate("/admin/permohonan?q=" + submitted.trackingCode().value());
    assertThat(page.locator("table.worklist")).containsText(submitted.trackingCode().value());
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH + 1);
    page.navigate("/admin/permohonan/" + submitted.id().value());
    assertThat(heading(page)).containsText("Surat Keterangan Domisili");
    assertThat(
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mulai periksa")))
        .hasCount(0);
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH + 1);
  }

  @Test
  void aVerifierChecksSeveralRequirementsInOneGoOnAPhoneWithoutJavaScript() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    Application submitted =
        fixtures.domisili(
            fixtures.jetis(),
            fixtures.operatorVillage("desa.jetis"),
            CaseworkFixtures.unique("Sari"));
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      signIn(phone, "verifikator.jetis");
      phone.navigate("/admin/permohonan/" + submitted.id().value());
      button(phone, "Mulai periksa").click();
      // stacked on a phone: the check under the files
      Locator ktp = requirement(phone, "KTP elektronik");
      var files = ktp.locator(".requirement-files").boundingBox();
      var check = ktp.locator(".requirement-check").boundingBox();
      assertThat(check.y).isGreaterThanOrEqualTo(files.y + files.height - 1);
      assertThat(scrollWidth(phone)).isLessThanOrEqualTo(PHONE_WIDTH + 1);

      // a rejection without a reason: nothing saved, the error names the requirement
      ktp.getByLabel("Tolak", new Locator.GetByLabelOptions().setExact(true)).check();
      Locator kk = requirement(phone, "Kartu Keluarga");
      kk.getByLabel("Terima", new Locator.GetByLabelOptions().setExact(true)).check();
      button(phone, "Simpan pemeriksaan").click();
      assertThat(phone.locator(".error-summary"))
          .containsText("Pilih atau tulis alasan penolakan untuk KTP elektronik");
      assertThat(requirement(phone, "Kartu Keluarga").locator(".check-state"))
          .containsText("Belum diperiksa");
      // what was chosen is kept
      assertThat(
              requirement(phone, "Kartu Keluarga")
                  .getByLabel("Terima", new Locator.GetByLabelOptions().setExact(true)))
          .isChecked();

      // with a reason from the list both are saved by one submit
      requirement(phone, "KTP elektronik")
          .getByLabel("Alasan penolakan dari daftar")
          .selectOption("unreadable");
      button(phone, "Simpan pemeriksaan").click();
      assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Hasil pemeriksaan sudah disimpan");
      assertThat(requirement(phone, "KTP elektronik").locator(".check-state"))
          .containsText("Ditolak");
      assertThat(requirement(phone, "Kartu Keluarga").locator(".check-state"))
          .containsText("Diterima");
    }
  }

  private static Locator requirement(Page page, String name) {
    return page.locator("section.requirement")
        .filter(
            new Locator.FilterOptions()
                .setHas(
                    page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(name).setExact(true))));
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }
}
