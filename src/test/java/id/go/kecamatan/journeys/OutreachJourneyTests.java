package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The office administrator of Jetis makes a short code for a poster at a village, downloads its A4
 * poster and prints it; a resident scans the poster's QR code (decoded here from the PDF rendered
 * at 150 dpi), lands on the service, applies on a phone without JavaScript; the administrator then
 * sees that scan, that started application and that submission under the poster's code.
 */
@IntegrationTest
class OutreachJourneyTests extends BrowserJourney {

  @Test
  void aPosterScanLeadsToAnApplicationThatTheAdministratorSeesUnderItsCode() throws Exception {
    signIn(page, "admin.jetis");
    page.navigate("/admin/bagian/layanan");
    link(page, "Kode QR dan poster").click();
    assertThat(heading(page)).hasText("Kode QR dan poster");
    axeScan(page);
    link(page, "Buat kode baru").click();
    assertThat(heading(page)).hasText("Buat kode baru");

    // a poster at a village without naming the village: refused, nothing lost
    page.getByLabel("Nama kampanye").fill("Poster balai desa, Agustus");
    page.getByLabel("Poster di desa/kelurahan").check();
    page.getByLabel("Kode membuka")
        .selectOption(new SelectOption().setLabel("Surat Keterangan Domisili"));
    button(page, "Buat kode").click();
    assertThat(page.locator(".error-summary"))
        .containsText("Pilih desa/kelurahan tempat poster dipasang.");
    assertThat(page.getByLabel("Nama kampanye")).hasValue("Poster balai desa, Agustus");
    axeScan(page);
    page.getByLabel("Desa/kelurahan tempat poster dipasang")
        .selectOption(new SelectOption().setIndex(1));
    String village = page.locator("#village option:checked").textContent().strip();
    button(page, "Buat kode").click();

    assertThat(page.locator(".notice")).containsText("Kode dibuat.");
    assertThat(heading(page)).hasText("Poster balai desa, Agustus");
    assertThat(page.locator("main")).containsText(village);
    assertThat(page.locator("#scans")).hasText("0");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    String shortUrl = page.locator("#short-url").getAttribute("href");
    assertThat(shortUrl).matches("http://localhost:\\d+/q/[A-Z2-9]{6}");

    Download download = page.waitForDownload(() -> link(page, "Unduh poster A4 (PDF)").click());
    byte[] poster = Files.readAllBytes(download.path());
    String scanned = qrAt150Dpi(poster);
    assertThat(scanned).isEqualTo(shortUrl);

    // the resident scans the poster with a phone that runs no JavaScript, and applies
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate(scanned);
      assertThat(heading(phone)).hasText("Surat Keterangan Domisili");
      link(phone, "Ajukan secara daring").click();
      assertThat(heading(phone)).hasText("Ajukan Surat Keterangan Domisili");
      button(phone, "Mulai sekarang").click();

      assertThat(heading(phone)).hasText("Data diri pemohon");
      phone.getByLabel("NIK").fill("3516164101900001");
      phone.getByLabel("Nama lengkap").fill("Siti Aminah");
      phone.getByLabel("Tempat lahir").fill("Mojokerto");
      fillDate(phone, "Tanggal lahir", "1", "1", "1990");
      phone.getByLabel("Perempuan").check();
      phone
          .getByLabel("Desa/kelurahan tempat tinggal")
          .selectOption(new SelectOption().setIndex(1));
      phone
          .getByLabel("Alamat", new Page.GetByLabelOptions().setExact(true))
          .fill("Dusun Krajan RT 01 RW 02");
      phone.getByLabel("Nomor WhatsApp atau telepon").fill("0812 3456 7890");
      button(phone, "Simpan dan lanjutkan").click();

      assertThat(heading(phone)).hasText("Keperluan permohonan");
      phone.getByLabel("Keperluan pribadi").check();
      phone.getByLabel("Keperluan surat").fill("Persyaratan bank");
      button(phone, "Simpan dan lanjutkan").click();

      assertThat(heading(phone)).hasText("Dokumen persyaratan");
      Locator slots = phone.locator("section.slot");
      for (int i = 0; i < slots.count(); i++) {
        Locator slot = slots.nth(i);
        if (slot.locator("h2 .optional").count() == 0) {
          slot.locator("input[type=file]")
              .setInputFiles(
                  new FilePayload("berkas-" + i + ".pdf", "application/pdf", TestFiles.pdf(1)));
        }
      }
      button(phone, "Simpan dan lanjutkan").click();
      assertThat(heading(phone)).hasText("Periksa jawaban Anda sebelum mengirim");
      phone.getByLabel("Saya menyatakan data yang saya isi benar").check();
      button(phone, "Kirim permohonan").click();
      assertThat(heading(phone)).hasText("Permohonan terkirim");
      assertThat(phone.locator("#tracking-code")).hasText(Pattern.compile("351616-[A-Z0-9]{8}"));
    }

    // the administrator sees the scan, the started and the submitted application
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              page.reload();
              assertThat(page.locator("#scans")).hasText("1");
              assertThat(page.locator("#started")).hasText("1");
              assertThat(page.locator("#submitted")).hasText("1");
            });
    assertThat(page.locator("table")).containsText("1");
    link(page, "Kode QR dan poster").first().click();
    Locator row =
        page.locator("tbody tr")
            .filter(new Locator.FilterOptions().setHasText("Poster balai desa, Agustus"));
    assertThat(row).containsText(village);
    assertThat(row.locator("td")).hasText(new String[] {"1", "1", "1"});
    axeScan(page);
  }

  @Test
  void anAnnouncementShowsWithItsBannerAndShareLinkAndIsGoneFromEveryPageOnceEnded() {
    signIn(page, "admin.jetis");
    page.navigate("/admin/bagian/layanan");
    link(page, "Pengumuman kecamatan").click();
    link(page, "Tulis pengumuman").click();
    assertThat(heading(page)).hasText("Tulis pengumuman");
    // a link to another site is refused, nothing typed is lost
    page.getByLabel("Judul").fill("Listrik padam, loket tutup sementara");
    page.getByLabel("Isi pengumuman")
        .fill(
            "Loket tutup sampai listrik menyala.\n\nInfo lengkap: https://contoh-penipuan.example/");
    page.getByLabel("Darurat").check();
    page.getByLabel("Tampilkan sebagai spanduk di beranda kecamatan").check();
    button(page, "Simpan pengumuman").click();
    assertThat(page.locator(".error-summary"))
        .containsText("Tautan ke situs lain tidak diperbolehkan");
    assertThat(page.getByLabel("Judul")).hasValue("Listrik padam, loket tutup sementara");
    axeScan(page);
    page.getByLabel("Isi pengumuman")
        .fill(
            "Loket tutup sampai listrik menyala.\n\nStatus permohonan tetap bisa dilihat di /status.");
    button(page, "Simpan pengumuman").click();
    assertThat(page.locator(".notice")).containsText("Pengumuman disimpan.");
    axeScan(page);

    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/kecamatan/jetis");
      Locator banner = phone.locator(".banner");
      assertThat(banner).containsText("Darurat:");
      banner.getByRole(AriaRole.LINK).click();
      assertThat(heading(phone)).hasText("Listrik padam, loket tutup sementara");
      assertThat(phone.locator("main")).containsText("Terakhir diperbarui");
      assertThat(phone.locator("main")).containsText("Ditinjau ulang");
      String announcement = phone.url();
      assertThat(phone.locator("#share-whatsapp"))
          .hasAttribute("href", Pattern.compile("^https://wa\\.me/\\?text=Listrik%20padam.*"));
      assertThat(phone.locator("meta[property='og:url']")).hasAttribute("content", announcement);
      assertThat(scrollWidth(phone)).isLessThanOrEqualTo(PHONE_WIDTH);

      // the administrator ends it: it is gone from every page the resident opens
      page.navigate("/admin/sosialisasi/pengumuman");
      page.locator("li.card")
          .filter(new Locator.FilterOptions().setHasText("Listrik padam, loket tutup sementara"))
          .getByRole(AriaRole.BUTTON)
          .click();
      assertThat(page.locator(".notice")).containsText("tidak tampil lagi");

      phone.navigate("/kecamatan/jetis");
      assertThat(phone.locator("main")).not().containsText("Listrik padam");
      phone.navigate("/kecamatan/jetis/pengumuman");
      assertThat(phone.locator("main")).not().containsText("Listrik padam");
      assertThat(phone.navigate(announcement).status()).isEqualTo(404);
    }
  }

  /**
   * The QR code of the first page rendered at 150 dpi, as a cheap printer and a phone see it; read
   * with the local binarizer, then the global one, as a phone's reader tries both.
   */
  static String qrAt150Dpi(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
      BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
      Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
      try {
        return new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
            .getText();
      } catch (com.google.zxing.ReaderException e) {
        return new QRCodeReader()
            .decode(
                new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)),
                hints)
            .getText();
      }
    }
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
