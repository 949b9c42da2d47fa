package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.portal.internal.PortalLimits;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident who applied twice signs in to the portal on a 360 px phone with the code shown on the
 * demo's own page (no gateway in the demo; the office administrator's message log shows that a code
 * was sent, never the code), is refused a wrong code with a clear message, sees both applications
 * and opens one without typing the phone digits. An expired code, the sixth attempt and a code used
 * before are refused, each with a message that says what happened and what to do. Asking for a code
 * for an unknown number looks the same. Every portal page, the error pages too, passes the WCAG 2.2
 * AA scan.
 */
@IntegrationTest
class PortalJourneyTests extends BrowserJourney {

  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    limits.reset();
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    village = fixtures.operatorVillage("desa.jetis");
  }

  @Test
  void aResidentWhoAppliedTwiceSignsInWithTheCodeFromTheDemoPageAndSeesBoth() {
    String phone = newPhone();
    Application first = fixtures.domisiliFrom(jetis, village, "Rini Portal", phone, null);
    Application second =
        fixtures.domisiliFrom(jetis, village, "Rini Portal", phone.replace(" ", "-"), null);

    page.navigate("/masuk-warga");
    assertThat(heading(page)).hasText("Masuk portal warga");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    page.getByLabel("Nomor WhatsApp atau alamat e-mail").fill(phone);
    button(page, "Kirim kode").click();
    assertThat(heading(page)).hasText("Masukkan kode masuk");
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("kami sudah mengirim kode masuk");
    axeScan(page);

    link(page, "Lihat kode Anda di halaman khusus demo").click();
    assertThat(heading(page)).hasText("Kode masuk dan kode janji temu (khusus demo)");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    String code = codeFromDemoPage(page, phone);
    try (BrowserContext office = newDesktopContext()) {
      Page messageLog = office.newPage();
      signIn(messageLog, "admin.jetis");
      messageLog.navigate("/admin/pesan");
      Locator codeMessage =
          messageLog
              .locator("article")
              .filter(new Locator.FilterOptions().setHasText("Kode masuk portal warga"))
              .filter(
                  new Locator.FilterOptions()
                      .setHasText("•" + phone.substring(phone.length() - 4)));
      assertThat(codeMessage.first())
          .containsText("Isi pesan kode masuk portal warga tidak ditampilkan");
      assertThat(messageLog.locator("main")).not().containsText(code);
    }
    page.navigate("/masuk-warga/kode");

    typeCode(page, wrongFor(code));
    assertThat(page.locator(".error-summary, [role=alert]").first())
        .containsText("Kode masuk salah. Anda masih dapat mencoba 4 kali lagi.");
    assertThat(page).hasTitle(Pattern.compile("^Kesalahan"));
    axeScan(page);

    typeCode(page, code);
    assertThat(page).hasURL(Pattern.compile("/portal$"));
    assertThat(heading(page)).hasText("Permohonan saya");
    assertThat(page.getByText(first.trackingCode().value())).isVisible();
    assertThat(page.getByText(second.trackingCode().value())).isVisible();
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    axeScan(page);

    page.locator("a[href='/status/" + first.trackingCode().value() + "']").click();
    assertThat(page).hasURL(Pattern.compile("/status/" + first.trackingCode().value() + "$"));

    page.navigate("/portal");
    button(page, "Keluar dari semua perangkat").click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .containsText("keluar dari portal warga di semua perangkat");
    page.navigate("/portal");
    assertThat(heading(page)).hasText("Masuk portal warga");
  }

  @Test
  void anExpiredCodeTheSixthAttemptAndAUsedCodeAreRefusedWithMessagesThatSayWhatToDo() {
    String phone = newPhone();
    fixtures.domisiliFrom(jetis, village, "Sari Portal", phone, null);

    try (BrowserContext demo = newDesktopContext()) {
      Page demoPage = demo.newPage();

      // when the ten minutes pass before the resident types the code
      page.navigate("/masuk-warga");
      askForACode(page, phone);
      String expired = codeFromDemoPage(demoPage, phone);
      theTenMinutesPass(phone);
      typeCode(page, expired);
      assertRefused(
          page,
          "Kode masuk sudah kedaluwarsa: kode hanya berlaku 10 menit. Pilih \"Minta kode baru\" di"
              + " bawah, lalu pakai kode dari pesan terbaru.");
      assertThat(portalSessions(phone)).isZero();

      // when the resident asks for a new code and mistypes it five times
      link(page, "Minta kode baru").click();
      askForACode(page, phone);
      String locked = codeFromDemoPage(demoPage, phone);
      for (int left = 4; left >= 1; left--) {
        typeCode(page, wrongFor(locked));
        assertThat(page.getByRole(AriaRole.ALERT))
            .containsText("Kode masuk salah. Anda masih dapat mencoba " + left + " kali lagi.");
      }
      String tooMany =
          "Kode masuk salah terlalu sering. Demi keamanan, kode ini tidak dapat dipakai lagi,"
              + " walaupun benar. Pilih \"Minta kode baru\" di bawah, lalu pakai kode dari pesan"
              + " terbaru.";
      typeCode(page, wrongFor(locked));
      assertThat(page.getByRole(AriaRole.ALERT)).containsText(tooMany);
      typeCode(page, locked);
      assertRefused(page, tooMany);
      assertThat(portalSessions(phone)).isZero();

      // when the resident signs in, goes back and types the same code again
      link(page, "Minta kode baru").click();
      askForACode(page, phone);
      String used = codeFromDemoPage(demoPage, phone);
      typeCode(page, used);
      assertThat(page).hasURL(Pattern.compile("/portal$"));
      page.goBack();
      assertThat(heading(page)).hasText("Masukkan kode masuk");
      typeCode(page, used);
      assertRefused(
          page,
          "Kode masuk ini sudah dipakai, dan Anda sudah masuk di browser ini. Pilih \"Buka"
              + " Permohonan saya\" di bawah.");
      assertThat(portalSessions(phone)).isOne();
      link(page, "Buka Permohonan saya").click();
      assertThat(heading(page)).hasText("Permohonan saya");

      // after signing out the spent code has no page left to be typed in
      button(page, "Keluar").click();
      page.navigate("/masuk-warga/kode");
      assertThat(heading(page)).hasText("Masuk portal warga");
    }
  }

  @Test
  void askingForAnUnknownNumberLooksTheSameWithoutJavaScript() {
    limits.reset();
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/masuk-warga");
      phone.getByLabel("Nomor WhatsApp atau alamat e-mail").fill("0859 0000 0001");
      button(phone, "Kirim kode").click();
      assertThat(heading(phone)).hasText("Masukkan kode masuk");
      assertThat(phone.getByRole(AriaRole.STATUS))
          .containsText("Jika 0859-0000-0001 tercantum di permohonan"); // as a resident writes it
      assertThat(
              jdbc.sql("select count(*) from notification where recipient = '6285900000001'")
                  .query(Integer.class)
                  .single())
          .isZero();
    }
  }

  /** A phone number no other test uses, as a resident types it. */
  private static String newPhone() {
    return "0858 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  private static String international(String phone) {
    return "62" + phone.replaceAll("[^0-9]", "").substring(1);
  }

  private static void askForACode(Page page, String phone) {
    assertThat(heading(page)).hasText("Masuk portal warga");
    page.getByLabel("Nomor WhatsApp atau alamat e-mail").fill(phone);
    button(page, "Kirim kode").click();
    assertThat(heading(page)).hasText("Masukkan kode masuk");
  }

  private static void typeCode(Page page, String code) {
    page.getByLabel("Kode masuk (6 angka)").fill(code);
    button(page, "Masuk").click();
  }

  private static String wrongFor(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  /**
   * The newest sign-in code to the phone as a demo user reads it on the demo's page of codes, which
   * the code page links to (the demo sends no messages). The code is stored with the request, so it
   * is there as soon as the code page is.
   */
  private static String codeFromDemoPage(Page page, String phone) {
    page.navigate("/demo/kode-masuk");
    assertThat(heading(page)).hasText("Kode masuk dan kode janji temu (khusus demo)");
    assertThat(page.getByRole(AriaRole.NOTE)).containsText("Halaman ini hanya ada di demo");
    Locator newest =
        page.locator("li")
            .filter(
                new Locator.FilterOptions().setHasText("•" + phone.substring(phone.length() - 4)))
            .first()
            .locator(".demo-code");
    String text = newest.innerText();
    Matcher matcher = CODE.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  /**
   * The ten minutes of the phone's open code pass. The application's clock is the system clock,
   * shared by every test, so the request's end moves into the past instead.
   */
  private void theTenMinutesPass(String phone) {
    int moved =
        jdbc.sql(
                """
                update portal_code_request set expires_at = now() - interval '1 second'
                where contact = ? and used_at is null and expires_at > now()
                """)
            .param(international(phone))
            .update();
    assertThat(moved).isOne();
  }

  private int portalSessions(String phone) {
    return jdbc.sql("select count(*) from portal_session where contact = ?")
        .param(international(phone))
        .query(Integer.class)
        .single();
  }

  /**
   * The code page refuses with the message: announced at the top (role alert), read with the code
   * field after its hint, on an error page that fits 360 px and passes the scan.
   */
  private static void assertRefused(Page page, String message) {
    assertThat(page).hasURL(Pattern.compile("/masuk-warga/kode$"));
    assertThat(page).hasTitle(Pattern.compile("^Kesalahan"));
    assertThat(page.getByRole(AriaRole.ALERT)).containsText(message);
    assertThat(page.getByLabel("Kode masuk (6 angka)"))
        .hasAccessibleDescription(
            "Lihat pesan WhatsApp, SMS, atau e-mail dari kantor kecamatan. Kesalahan: " + message);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    axeScan(page);
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
