package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.LetterFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The letter's journey (product.md journeys 5 and 6): the Camat signs an approved application from
 * the signing queue; the resident downloads the letter on a phone; the QR code printed on the
 * letter, decoded from the rendered page, opens the verification page, which says authentic; a
 * changed copy does not match; after the office revokes the letter the page says so.
 */
@IntegrationTest
class LettersJourneyTests extends BrowserJourney {

  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;

  @Test
  void theCamatSignsTheResidentDownloadsAndAnyoneVerifiesByTheQrCode() throws Exception {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    String name = CaseworkFixtures.unique("Wulan");
    Application approved = fixtures.approved(fixtures.office("35.16.16"), name);
    String code = approved.trackingCode().value();

    // the Camat signs from the queue, on a desktop
    try (BrowserContext desk = newDesktopContext()) {
      Page camat = desk.newPage();
      signIn(camat, "camat.jetis");
      // the letters' pages are in the navigation's section "Surat"
      camat
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Surat").setExact(true))
          .click();
      camat
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tanda tangan surat"))
          .click();
      assertThat(heading(camat)).hasText("Surat menunggu tanda tangan");
      assertThat(camat.locator(".lead").first()).containsText("Camat Jetis");
      axeScan(camat);
      Locator item = camat.locator("li.card").filter(new Locator.FilterOptions().setHasText(code));
      assertThat(item).hasCount(1);
      item.getByRole(AriaRole.CHECKBOX).check();
      camat.getByLabel("Passphrase tanda tangan elektronik").fill(LetterFixtures.PASSPHRASE);
      button(camat, "Tandatangani surat yang dipilih").click();
      assertThat(camat.getByRole(AriaRole.STATUS)).containsText("Surat yang ditandatangani: 1");
      assertThat(camat.getByRole(AriaRole.STATUS)).containsText(code);
      assertThat(camat.locator("li.card").filter(new Locator.FilterOptions().setHasText(code)))
          .hasCount(0);
      axeScan(camat);
    }

    // the resident downloads the letter from the status page, on a phone without JavaScript
    byte[] letter;
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/status");
      phone.getByLabel("Kode pelacakan").fill(code);
      phone.getByLabel("4 angka terakhir nomor telepon").fill("7890");
      button(phone, "Lihat status").click();
      assertThat(phone.locator(".summary-list")).containsText("Surat terbit");
      Download download =
          phone.waitForDownload(
              () ->
                  phone
                      .getByRole(
                          AriaRole.LINK, new Page.GetByRoleOptions().setName("Unduh surat (PDF)"))
                      .click());
      letter = Files.readAllBytes(download.path());
    }
    assertThat(new String(letter, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    // the QR code of the printed page leads to the verification page
    URI link = URI.create(id.go.kecamatan.letters.PdfChecks.qrOnFirstPage(letter));
    assertThat(link.getPath()).startsWith("/v/");
    String verification = link.getPath();
    page.navigate(verification);
    assertThat(heading(page)).hasText("Surat asli dan berlaku");
    assertThat(page.locator(".summary-list")).containsText("Surat Keterangan Domisili");
    assertThat(page.locator(".summary-list")).containsText("Drs. Bambang Wahyudi, M.Si.");
    assertThat(page.locator(".summary-list")).not().containsText(name);
    axeScan(page);

    // the exact file matches, a changed copy does not
    page.getByLabel("Berkas PDF surat")
        .setInputFiles(new FilePayload("surat.pdf", "application/pdf", letter));
    button(page, "Cocokkan").click();
    assertThat(page.locator("#hasil")).containsText("sama persis");
    byte[] changed = letter.clone();
    int at = changed.length / 2;
    changed[at] = (byte) (changed[at] ^ 0x20);
    page.getByLabel("Berkas PDF surat")
        .setInputFiles(new FilePayload("surat-ubahan.pdf", "application/pdf", changed));
    button(page, "Cocokkan").click();
    assertThat(page.locator("#hasil")).containsText("tidak sama");
    // the result of the upload is the headline: no green "valid" banner above it
    assertThat(heading(page)).hasText("Berkas ini tidak sama dengan surat asli");
    assertThat(page.locator("main")).not().containsText("Surat asli dan berlaku");
    assertThat(page.locator(".panel")).hasCount(0);
    axeScan(page);

    // the office admin revokes the letter
    try (BrowserContext desk = newDesktopContext()) {
      Page admin = desk.newPage();
      signIn(admin, "admin.jetis");
      admin
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Surat").setExact(true))
          .click();
      admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Surat terbit")).click();
      admin.getByLabel("Cari surat").fill(code);
      button(admin, "Cari").click();
      admin.locator("table a").first().click();
      admin
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cabut surat ini"))
          .click();
      admin.getByLabel("Alasan pencabutan").fill("Data alamat pemohon keliru");
      button(admin, "Cabut surat").click();
      assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Surat sudah dicabut");
    }
    page.navigate(verification);
    assertThat(heading(page)).hasText("Surat ini sudah dicabut");
    assertThat(page.locator("main")).containsText("Data alamat pemohon keliru");

    // the resident's status page says the letter was revoked, when and why, with no download
    try (BrowserContext noScript = newPhoneContext()) {
      Page phone = noScript.newPage();
      phone.navigate("/status");
      phone.getByLabel("Kode pelacakan").fill(code);
      phone.getByLabel("4 angka terakhir nomor telepon").fill("7890");
      button(phone, "Lihat status").click();
      assertThat(phone.locator(".summary-list")).containsText("Surat dicabut");
      assertThat(phone.locator(".summary-list")).not().containsText("Surat terbit");
      assertThat(phone.locator("main")).not().containsText("Surat Anda sudah terbit");
      assertThat(phone.locator(".warning")).containsText("Surat Anda sudah dicabut");
      assertThat(phone.locator(".warning")).containsText("Data alamat pemohon keliru");
      assertThat(phone.locator(".warning"))
          .containsText(Pattern.compile("\\d{1,2} [A-Z][a-z]+ \\d{4} pukul \\d{2}\\.\\d{2} WIB"));
      assertThat(
              phone.getByRole(
                  AriaRole.LINK, new Page.GetByRoleOptions().setName("Unduh surat (PDF)")))
          .hasCount(0);
      assertThat(phone.locator(".timeline li").last()).containsText("Surat dicabut");
      assertThat(phone.locator(".timeline li").last()).containsText("Data alamat pemohon keliru");
      axeScan(phone);
    }
  }

  @Test
  void theLetterPagesWorkOnAPhoneAndPassTheAccessibilityScan() {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    java.util.UUID jetis = fixtures.office("35.16.16");
    fixtures.approved(jetis, CaseworkFixtures.unique("Rahmat"));
    String service =
        jdbc.sql("select id from service_type where office_id = ? and code = 'DOMISILI'")
            .param(jetis)
            .query(String.class)
            .single();
    String letter =
        jdbc.sql("select id from letter where office_id = ? order by signed_at limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    String code =
        jdbc.sql("select verification_code from letter where id = ?::uuid")
            .param(letter)
            .query(String.class)
            .single();
    java.util.Map<String, java.util.List<String>> pagesBy =
        java.util.Map.of(
            "admin.jetis",
            java.util.List.of(
                "/admin/surat/templat",
                "/admin/surat/templat/" + service,
                "/admin/surat/penomoran",
                "/admin/surat/penandatangan",
                "/admin/surat/delegasi",
                "/admin/surat/terbit",
                "/admin/surat/terbit/" + letter,
                "/admin/surat/terbit/" + letter + "/cabut"),
            "camat.jetis",
            java.util.List.of("/admin/surat/tanda-tangan", "/admin/surat/kunci"));
    for (var entry : pagesBy.entrySet()) {
      try (BrowserContext phone = newPhoneContext()) {
        Page screen = phone.newPage();
        signIn(screen, entry.getKey());
        for (String path : entry.getValue()) {
          screen.navigate(path);
          assertThat(heading(screen)).isVisible();
          assertThat(scrollWidth(screen)).as(path).isLessThanOrEqualTo(PHONE_WIDTH);
          axeScan(screen);
        }
      }
    }
    for (String path : java.util.List.of("/v", "/v/" + code, "/v/TIDAKADA")) {
      page.navigate(path);
      assertThat(heading(page)).isVisible();
      assertThat(scrollWidth(page)).as(path).isLessThanOrEqualTo(PHONE_WIDTH);
      assertThat(brokenWords(page)).as(path).isEmpty();
      axeScan(page);
    }
  }

  /**
   * The words of the page's summary lists that the browser broke across lines (such as
   * "Ditandatan/gani" in a column too narrow for it).
   */
  @SuppressWarnings("unchecked")
  static java.util.List<String> brokenWords(Page page) {
    return (java.util.List<String>)
        page.evaluate(
            """
            () => {
              const broken = [];
              for (const cell of document.querySelectorAll('.summary-list dt, .summary-list dd')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const re = /\\S+/g;
                  let m;
                  while ((m = re.exec(node.data)) !== null) {
                    if (m[0].length < 4 || /^[0-9a-f]{16,}$/.test(m[0])) continue;
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    if (tops.size > 1) broken.push(m[0]);
                  }
                }
              }
              return broken;
            }
            """);
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }
}
