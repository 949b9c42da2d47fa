package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.documents.TestFiles;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident on a 360 px phone without JavaScript complains about their application with a photo;
 * the verifier verifies it and asks for information (the clock pauses), the resident answers, the
 * verifier answers with a standard text; the resident is not satisfied and asks to reopen; the
 * verifier reopens and answers again, and the resident is satisfied. Each side sees the other's
 * step; the resident received a message for each. With JavaScript on, every complaint page passes
 * the WCAG 2.2 AA scan.
 */
@IntegrationTest
class ComplaintJourneyTests extends BrowserJourney {

  @Autowired JdbcClient jdbc;

  @Test
  void aResidentComplainsIsAskedAnswersIsNotSatisfiedAndIsAnsweredAgain() {
    String application =
        jdbc.sql(
                "select a.tracking_code from application a join office o on o.id = a.office_id where o.code = '35.16.16' limit 1")
            .query(String.class)
            .single();
    String phone = TestPhones.unique("0857");
    String text = "Surat domisili saya belum jadi " + UUID.randomUUID();
    String code;
    String secret;
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript();
        BrowserContext office = newPhoneContext()) {
      Page resident = noScript.newPage();
      resident.navigate("/kecamatan/jetis");
      resident
          .getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Sampaikan pengaduan atau saran"))
          .click();
      resident.navigate(resident.url() + "?permohonan=" + application);
      assertThat(heading(resident)).containsText("Sampaikan pengaduan ke");
      assertThat(resident.getByLabel("Kode permohonan")).hasValue(application);
      button(resident, "Kirim pengaduan").click();
      assertThat(resident.locator(".error-summary")).containsText("Pilih kategori dari daftar");
      assertThat(resident).hasTitle(Pattern.compile("^Kesalahan: "));

      resident
          .getByLabel("Kategori")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption().setLabel("Lama pelayanan"));
      resident.getByLabel("Apa yang terjadi").fill(text);
      resident
          .getByLabel("Foto atau dokumen")
          .setInputFiles(
              new FilePayload("loket.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(80, 60))));
      resident.getByLabel("Anonim").check();
      resident.locator("#name").fill("Siti Aminah");
      resident.getByLabel("Nomor telepon").fill(phone);
      org.assertj.core.api.Assertions.assertThat(scrollWidth(resident))
          .isLessThanOrEqualTo(PHONE_WIDTH);
      button(resident, "Kirim pengaduan").click();
      assertThat(heading(resident)).hasText("Pengaduan terkirim");
      Matcher m = Pattern.compile("(351616-[2-9A-Z]{8})").matcher(resident.content());
      org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
      code = m.group(1);
      Matcher s =
          Pattern.compile("([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})").matcher(resident.content());
      org.assertj.core.api.Assertions.assertThat(s.find()).isTrue();
      secret = s.group(1);
      resident
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lihat pengaduan"))
          .click();
      assertThat(resident.locator(".summary-list")).containsText("Diterima");
      assertThat(resident.locator(".summary-list")).containsText(application);

      Page officer = office.newPage();
      signIn(officer, "verifikator.jetis");
      officer.navigate("/admin/pengaduan?q=" + code);
      officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
      assertThat(officer.locator("main")).containsText(text);
      assertThat(officer.locator("main")).containsText(phone);
      button(officer, "Verifikasi").click();
      assertThat(officer.getByRole(AriaRole.STATUS)).containsText("diverifikasi");
      officer
          .getByLabel("Teks standar")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption()
                  .setLabel("Menunggu tanggapan pelapor: Minta kode permohonan"));
      button(officer, "Sisipkan").click();
      assertThat(officer.getByLabel("Pertanyaan"))
          .hasValue(Pattern.compile("Yth. Siti Aminah, agar dapat kami periksa"));
      officer.getByLabel("Pertanyaan").fill("Kapan Anda mengajukan dan di loket mana?");
      button(officer, "Kirim pertanyaan").click();
      assertThat(officer.locator(".summary-list")).containsText("Ditunda");

      resident.reload();
      assertThat(resident.locator(".summary-list")).containsText("Menunggu tanggapan pelapor");
      assertThat(resident.locator(".summary-list")).containsText("Ditunda sampai Anda menanggapi");
      assertThat(resident.locator(".thread")).containsText("Kapan Anda mengajukan");
      button(resident, "Kirim tanggapan").click();
      assertThat(resident.locator(".error-summary")).containsText("Wajib diisi");
      resident.getByLabel("Tanggapan Anda").fill("Senin lalu, di loket 1.");
      button(resident, "Kirim tanggapan").click();
      assertThat(resident.getByRole(AriaRole.STATUS)).containsText("Tanggapan Anda terkirim");
      assertThat(resident.locator(".summary-list")).containsText("Diproses");

      officer.reload();
      assertThat(officer.locator(".thread")).containsText("Senin lalu, di loket 1.");
      officer
          .getByLabel("Teks standar")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption()
                  .setLabel("Dijawab: Permohonan sudah selesai"));
      button(officer, "Sisipkan").click();
      assertThat(officer.getByLabel("Jawaban", new Page.GetByLabelOptions().setExact(true)))
          .hasValue(Pattern.compile(code));
      button(officer, "Kirim jawaban").click();
      assertThat(officer.locator(".summary-list")).containsText("Dijawab");

      resident.reload();
      assertThat(resident.locator(".thread")).containsText("Permohonan Anda sudah selesai");
      resident.getByLabel("Tidak puas, minta dibuka kembali").check();
      button(resident, "Kirim penilaian").click();
      assertThat(resident.locator(".error-summary")).containsText("Wajib diisi");
      resident.getByLabel("Tidak puas, minta dibuka kembali").check();
      resident.getByLabel("Alasan").fill("Surat belum bisa diunduh.");
      button(resident, "Kirim penilaian").click();
      assertThat(resident.locator(".summary-list")).containsText("Permintaan dibuka kembali");

      officer.reload();
      assertThat(officer.locator(".thread")).containsText("Surat belum bisa diunduh.");
      button(officer, "Buka kembali").click();
      officer
          .getByLabel("Jawaban", new Page.GetByLabelOptions().setExact(true))
          .fill("Mohon maaf, tautan unduhan sudah kami perbaiki.");
      button(officer, "Kirim jawaban").click();
      assertThat(officer.locator(".summary-list")).containsText("Dijawab");

      // the reporter chose Anonim: the officer approves the text for the public register, redacted
      assertThat(officer.getByLabel("Teks yang diterbitkan")).hasValue(text);
      officer.getByLabel("Teks yang diterbitkan").fill(text + " (nama loket dihapus)");
      button(officer, "Setujui dan terbitkan").click();
      assertThat(officer.getByRole(AriaRole.STATUS)).containsText("diterbitkan di register");
      resident.navigate("/kecamatan/jetis");
      resident
          .getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Register pengaduan publik"))
          .click();
      assertThat(heading(resident)).containsText("Register pengaduan");
      Locator entry =
          resident.locator(".register-entry").filter(new Locator.FilterOptions().setHasText(text));
      assertThat(entry).containsText(text + " (nama loket dihapus)");
      assertThat(entry).containsText("Lama pelayanan");
      assertThat(entry).containsText("tautan unduhan sudah kami perbaiki");
      // the same day (or the next working day, when the test runs over midnight)
      assertThat(entry)
          .containsText(
              java.util.regex.Pattern.compile("Dijawab (pada hari yang sama|dalam 1 hari kerja)"));
      assertThat(resident.locator("main")).not().containsText("Siti Aminah");
      assertThat(resident.locator("main")).not().containsText(phone);
      assertThat(resident.locator("main")).not().containsText(code);
      org.assertj.core.api.Assertions.assertThat(scrollWidth(resident))
          .isLessThanOrEqualTo(PHONE_WIDTH);

      // another browser opens it with the phone's last digits
      try (BrowserContext other = newPhoneContextWithoutJavaScript()) {
        Page again = other.newPage();
        again.navigate("/pengaduan/status");
        again.getByLabel("Kode pengaduan").fill(code);
        again
            .getByLabel("Kunci rahasia atau 4 digit terakhir telepon")
            .fill(phone.substring(phone.length() - 4));
        button(again, "Buka pengaduan").click();
        assertThat(again.locator(".thread")).containsText("tautan unduhan sudah kami perbaiki");
        again.getByLabel("Ya, puas").check();
        button(again, "Kirim penilaian").click();
        assertThat(again.getByRole(AriaRole.STATUS)).containsText("Pengaduan Anda selesai");
        assertThat(again.locator(".thread")).not().containsText("internal");
      }
    }
    String digits = "62" + phone.substring(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql(
                                "select kind || ':' || coalesce(substring(text from 'kini ([A-Za-z ]+)'), '') from notification where recipient = ? order by created_at")
                            .param(digits)
                            .query(String.class)
                            .list())
                    .containsExactly(
                        "complaint.received:",
                        "complaint.updated:Diverifikasi",
                        "complaint.updated:Menunggu tanggapan pelapor",
                        "complaint.updated:Dijawab",
                        "complaint.updated:Dibuka kembali",
                        "complaint.updated:Dijawab",
                        "complaint.updated:Selesai"));
    org.assertj.core.api.Assertions.assertThat(secret).isNotBlank();
  }

  @Test
  void everyComplaintPagePassesTheAccessibilityScan() {
    page.navigate("/kecamatan/jetis/pengaduan");
    axeScan(page);
    button(page, "Kirim pengaduan").click();
    assertThat(page.locator(".error-summary")).isVisible();
    axeScan(page);
    page.getByLabel("Kategori")
        .selectOption(
            new com.microsoft.playwright.options.SelectOption().setLabel("Kebersihan dan sampah"));
    page.getByLabel("Apa yang terjadi").fill("Selokan tersumbat " + UUID.randomUUID());
    button(page, "Kirim pengaduan").click();
    assertThat(heading(page)).hasText("Pengaduan terkirim");
    axeScan(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lihat pengaduan")).click();
    axeScan(page);
    page.navigate("/pengaduan/status");
    axeScan(page);
    page.navigate("/pengaduan");
    axeScan(page);
    page.navigate("/kecamatan/jetis/pengaduan/register");
    axeScan(page);
    try (BrowserContext office = newPhoneContext()) {
      Page admin = office.newPage();
      signIn(admin, "admin.jetis");
      admin.navigate("/admin/pengaduan");
      axeScan(admin);
      admin.locator(".complaint-list a").first().click();
      axeScan(admin);
      // assisted filing at the front desk: the form, its errors and the printable receipt
      admin.navigate("/admin/pengaduan/baru");
      axeScan(admin);
      button(admin, "Simpan dan buat tanda terima").click();
      assertThat(admin.locator(".error-summary")).containsText("Pilih kategori dari daftar");
      axeScan(admin);
      admin
          .getByLabel("Kategori")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption().setLabel("Lama pelayanan"));
      admin
          .getByLabel("Apa yang terjadi")
          .fill("Warga di loket: antrean lama " + UUID.randomUUID());
      button(admin, "Simpan dan buat tanda terima").click();
      assertThat(heading(admin)).hasText("Tanda terima pengaduan");
      assertThat(admin.locator("main")).containsText("Kunci rahasia");
      assertThat(admin.locator("main")).containsText("Loket");
      org.assertj.core.api.Assertions.assertThat(scrollWidth(admin))
          .isLessThanOrEqualTo(PHONE_WIDTH);
      axeScan(admin);
      admin.navigate("/admin/pengaduan/kategori");
      axeScan(admin);
      admin.locator(".category-tree a").first().click();
      axeScan(admin);
    }
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
