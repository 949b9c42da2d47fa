package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A front-office officer of Jetis enters an application for a walk-in resident who has no phone,
 * scans the documents, submits and prints the receipt; at home the resident checks the status with
 * the tracking code and the last digits of the NIK, as the receipt says.
 */
@IntegrationTest
class IntakeJourneyTests extends BrowserJourney {

  @Test
  void aFrontOfficeOfficerEntersAWalkInApplicationAndTheResidentChecksItAtHome() throws Exception {
    String trackingCode;
    try (BrowserContext counter = newDesktopContext()) {
      Page desk = counter.newPage();
      signIn(desk, "loket.jetis");
      desk.navigate("/admin/loket");
      assertThat(heading(desk)).hasText("Pendaftaran permohonan di loket");
      axeScan(desk);
      button(desk, "Surat Keterangan Domisili").click();

      assertThat(heading(desk)).hasText("Data pemohon");
      desk.getByLabel("NIK").fill("3516164505800003");
      desk.getByLabel("Nama lengkap").fill("Mbah Sumiati");
      desk.getByLabel("Tempat lahir").fill("Mojokerto");
      fillDate(desk, "Tanggal lahir", "5", "5", "1980");
      desk.getByLabel("Perempuan").check();
      desk.getByLabel("Desa/kelurahan tempat tinggal").selectOption(new SelectOption().setIndex(1));
      desk.getByLabel("Alamat", new Page.GetByLabelOptions().setExact(true))
          .fill("Dusun Sumber RT 03 RW 01");
      desk.getByLabel("Keperluan pribadi").check();
      axeScan(desk);
      button(desk, "Simpan dan lanjut ke berkas").click();

      assertThat(heading(desk)).hasText("Berkas dan kirim");
      // files are chosen per requirement and go with "Kirim permohonan", no upload one by one;
      // the officer forgets the resident's consent first, and no chosen file is lost
      Locator slots = desk.locator("section.slot");
      List<Integer> required = new ArrayList<>();
      for (int i = 0; i < slots.count(); i++) {
        Locator slot = slots.nth(i);
        if (slot.locator(".optional").count() == 0) {
          required.add(i);
          slot.locator("input[type=file]")
              .setInputFiles(
                  new FilePayload("pindaian-" + i + ".pdf", "application/pdf", TestFiles.pdf(1)));
        }
      }
      assertThat(desk.locator("section.slot button")).hasCount(0);
      axeScan(desk);
      button(desk, "Kirim permohonan").click();
      assertThat(desk.locator(".error-summary")).isVisible();
      for (int i : required) {
        assertThat(desk.locator("section.slot").nth(i).locator(".file-list"))
            .containsText("pindaian-" + i + ".pdf");
      }
      desk.getByLabel("Pemohon menyatakan datanya benar", new Page.GetByLabelOptions()).check();
      button(desk, "Kirim permohonan").click();

      assertThat(heading(desk)).hasText("Permohonan diterima");
      trackingCode = desk.locator("#tracking-code").textContent().strip();
      assertThat(trackingCode).startsWith("351616-");
      assertThat(desk.locator("main")).containsText("4 angka terakhir NIK");
      axeScan(desk);

      String receiptUrl = desk.locator("#receipt").getAttribute("href");
      APIResponse receipt = counter.request().get(receiptUrl);
      assertThat(receipt.status()).isEqualTo(200);
      assertThat(receipt.headers().get("content-type")).startsWith("application/pdf");
      try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
        String text = new PDFTextStripper().getText(pdf);
        assertThat(text).contains(trackingCode, "Mbah Sumiati", "4 angka terakhir NIK");
      }
    }

    // at home, on a phone: the code from the receipt and the last 4 digits of the NIK
    page.navigate("/status");
    page.getByLabel("Kode pelacakan").fill(trackingCode);
    page.getByLabel("4 angka terakhir nomor telepon").fill("0003");
    button(page, "Lihat status").click();
    assertThat(heading(page)).hasText("Surat Keterangan Domisili");
    assertThat(page.locator("main")).containsText(trackingCode);
    assertThat(page.locator("main")).containsText("Diajukan");
    assertThat(page.locator("main")).containsText("Dibantu oleh petugas");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
