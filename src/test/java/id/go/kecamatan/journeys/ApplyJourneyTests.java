package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A resident of Jetis applies for a Surat Keterangan Domisili from a 360 px phone: fills in the
 * identity and the purpose, uploads a photo of the KTP and a PDF, leaves half way, resumes on
 * another device with the resume code, checks the answers, consents, submits and sees the tracking
 * code and the deadline. Once with JavaScript (uploads show progress) and once without.
 */
@IntegrationTest
class ApplyJourneyTests extends BrowserJourney {

  @Test
  void aResidentAppliesOnAPhoneLeavesHalfWayAndResumesWithTheCode() {
    apply(page, this::newPhoneContext, true);
  }

  @Test
  void theSameWorksWithoutJavaScript() {
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      // axe runs as a script in the page: the scans belong to the journey with JavaScript
      apply(noScript.newPage(), this::newPhoneContextWithoutJavaScript, false);
    }
  }

  private void apply(Page phone, Supplier<BrowserContext> otherDevice, boolean scan) {
    phone.navigate("/kecamatan/jetis/layanan/DOMISILI");
    link(phone, "Ajukan secara daring").click();
    assertThat(heading(phone)).hasText("Ajukan Surat Keterangan Domisili");
    scan(phone, scan);
    button(phone, "Mulai sekarang").click();

    // identity: a mistake first, then right
    assertThat(heading(phone)).hasText("Data diri pemohon");
    phone.getByLabel("NIK").fill("3516160101900002");
    phone.getByLabel("Nama lengkap").fill("Siti <b>Aminah</b>");
    phone.getByLabel("Tempat lahir").fill("Mojokerto");
    // a birth date as three fields, with a day February does not have
    fillDate(phone, "Tanggal lahir", "31", "2", "1990");
    phone.getByLabel("Perempuan").check();
    phone
        .getByLabel("Desa/kelurahan tempat tinggal")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
    phone
        .getByLabel("Alamat", new Page.GetByLabelOptions().setExact(true))
        .fill("Dusun Krajan RT 01 RW 02");
    phone.getByLabel("Nomor WhatsApp atau telepon").fill("0812 3456 7890");
    button(phone, "Simpan dan lanjutkan").click();
    assertThat(phone.locator(".error-summary")).isVisible();
    assertThat(phone.locator(".error-summary")).containsText("NIK");
    assertThat(phone.locator(".error-summary"))
        .containsText("Tanggal ini tidak ada: periksa tanggal, bulan dan tahunnya.");
    assertThat(phone.getByLabel("Nama lengkap")).hasValue("Siti <b>Aminah</b>");
    Locator birthDate = dateGroup(phone, "Tanggal lahir");
    assertThat(birthDate.getByLabel("Tanggal", exact())).hasValue("31");
    assertThat(birthDate.getByLabel("Bulan", exact())).hasValue("2");
    assertThat(birthDate.getByLabel("Tahun", exact())).hasValue("1990");
    scan(phone, scan);
    fillDate(phone, "Tanggal lahir", "1", "1", "1990");
    phone.getByLabel("NIK").fill("3516164101900001");
    phone.getByLabel("Nama lengkap").fill("Siti Aminah");
    button(phone, "Simpan dan lanjutkan").click();

    // the purpose of the letter
    assertThat(heading(phone)).hasText("Keperluan permohonan");
    phone.getByLabel("Keperluan pribadi").check();
    phone.getByLabel("Keperluan surat").fill("Persyaratan bank");
    scan(phone, scan);
    button(phone, "Simpan dan lanjutkan").click();

    // uploads: one control per requirement, no separate upload button, a short page
    assertThat(heading(phone)).hasText("Dokumen persyaratan");
    String resumeCode = phone.locator(".saved .code").textContent().strip();
    assertThat(resumeCode).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
    Locator slots = phone.locator("section.slot");
    assertThat(phone.locator("section.slot input[type=file]")).hasCount(slots.count());
    assertThat(phone.locator("input[capture]")).hasCount(0);
    assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah")))
        .hasCount(0);
    assertThat(pageHeight(phone)).isLessThan(200 + 300 * slots.count() + 700);

    // continuing with nothing chosen: every error names its requirement and leads to its field
    button(phone, "Simpan dan lanjutkan").click();
    assertThat(phone.locator(".error-summary")).containsText("Pilih file untuk KTP elektronik");
    assertThat(phone.locator(".error-summary")).containsText("Surat pengantar");
    String target =
        phone
            .locator(".error-summary a", new Page.LocatorOptions().setHasText("KTP elektronik"))
            .getAttribute("href");
    assertThat(target)
        .isEqualTo(
            "#" + slot(phone, "KTP elektronik").locator("input[type=file]").getAttribute("id"));
    scan(phone, scan);

    // a photo of the KTP chosen, continued without any other step: it is kept, not dropped
    slot(phone, "KTP elektronik")
        .locator("input[type=file]")
        .setInputFiles(
            new FilePayload(
                "ktp.jpg", "image/jpeg", TestFiles.jpegWithExif(TestFiles.photo(2400, 1600), 1)));
    button(phone, "Simpan dan lanjutkan").click();
    // the photo is normalised on the server while the page shows the progress: allow for it
    assertThat(slot(phone, "KTP elektronik").locator(".file-list"))
        .containsText(
            "ktp.jpg",
            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                .setTimeout(60_000));
    assertThat(heading(phone)).hasText("Dokumen persyaratan");
    assertThat(slot(phone, "KTP elektronik").locator(".file-list img")).hasCount(1);
    assertThat(phone.locator(".error-summary")).not().containsText("KTP elektronik");
    assertThat(phone.locator(".error-summary")).containsText("Surat pengantar");
    scan(phone, scan);
    assertThat(scrollWidth(phone)).isLessThanOrEqualTo(PHONE_WIDTH);
    phone.context().close();

    // later, on another device: resume with the code
    try (BrowserContext laptop = otherDevice.get()) {
      Page page = laptop.newPage();
      page.navigate("/lanjutkan");
      assertThat(heading(page)).hasText("Lanjutkan permohonan");
      scan(page, scan);
      page.getByLabel("Kode lanjutkan").fill(resumeCode.toLowerCase());
      button(page, "Lanjutkan").click();
      assertThat(heading(page)).hasText("Dokumen persyaratan");
      assertThat(slot(page, "KTP elektronik").locator(".file-list")).containsText("ktp.jpg");

      // a file in every other required slot (an office may have added some), then continue
      slot(page, "Surat pengantar")
          .locator("input[type=file]")
          .setInputFiles(new FilePayload("pengantar.pdf", "application/pdf", TestFiles.pdf(1)));
      Locator others = page.locator("section.slot");
      for (int i = 0; i < others.count(); i++) {
        Locator slot = others.nth(i);
        boolean optional = slot.locator("h2 .optional").count() > 0;
        boolean chosen =
            (Boolean) slot.locator("input[type=file]").evaluate("i => i.files.length > 0");
        if (!optional && !chosen && slot.locator(".file-list").count() == 0) {
          slot.locator("input[type=file]")
              .setInputFiles(
                  new FilePayload("berkas-" + i + ".pdf", "application/pdf", TestFiles.pdf(1)));
        }
      }
      button(page, "Simpan dan lanjutkan").click();

      assertThat(heading(page)).hasText("Periksa jawaban Anda sebelum mengirim");
      assertThat(page.locator("main")).containsText("Siti Aminah");
      assertThat(page.locator("main")).containsText("Keperluan pribadi");
      assertThat(page.locator("main")).containsText("pengantar.pdf");
      scan(page, scan);
      button(page, "Kirim permohonan").click();
      assertThat(page.locator(".error-summary")).containsText("Centang persetujuan");
      page.getByLabel("Saya menyatakan data yang saya isi benar", new Page.GetByLabelOptions())
          .check();
      button(page, "Kirim permohonan").click();

      assertThat(heading(page)).hasText("Permohonan terkirim");
      assertThat(page.locator("#tracking-code")).hasText(Pattern.compile("351616-[A-Z0-9]{8}"));
      assertThat(page.locator("#deadline")).hasText(Pattern.compile("\\d{1,2} [A-Z][a-z]+ \\d{4}"));
      scan(page, scan);
      assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
      String trackingCode = page.locator("#tracking-code").textContent().strip();
      String deadline = page.locator("#deadline").textContent().strip();

      // the status page opens from the confirmation without typing the code again
      link(page, "Lihat status permohonan").click();
      assertThat(heading(page)).hasText("Surat Keterangan Domisili");
      assertThat(page.locator("main")).containsText(trackingCode);
      assertThat(page.locator("main")).containsText(deadline);
      assertThat(page.locator("main")).containsText("Diajukan");
      scan(page, scan);
    }
  }

  private static int pageHeight(Page page) {
    return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
  }

  private static void scan(Page page, boolean scan) {
    if (scan) {
      axeScan(page);
    }
  }

  private static Locator slot(Page page, String requirement) {
    return page.locator("section.slot")
        .filter(
            new Locator.FilterOptions()
                .setHas(page.locator("h2", new Page.LocatorOptions().setHasText(requirement))));
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
