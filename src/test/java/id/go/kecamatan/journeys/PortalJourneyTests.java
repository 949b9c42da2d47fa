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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident who applied twice signs in to the portal on a 360 px phone with the code the office
 * administrator reads in the message log (no gateway in the demo), is refused a wrong code with a
 * clear message, sees both applications and opens one without typing the phone digits. Asking for a
 * code for an unknown number looks the same. Every portal page passes the WCAG 2.2 AA scan.
 */
@IntegrationTest
class PortalJourneyTests extends BrowserJourney {

  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;

  @Test
  void aResidentWhoAppliedTwiceSignsInWithTheCodeFromTheMessageLogAndSeesBoth() {
    limits.reset();
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    UUID village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    String phone = "0858 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
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

    String code;
    try (BrowserContext office = newDesktopContext()) {
      Page admin = office.newPage();
      CaseworkJourneyTests.signIn(admin, "admin.jetis");
      admin.navigate("/admin/pesan");
      Locator message =
          admin.locator("article").filter(new Locator.FilterOptions().setHasText("otp")).first();
      String text = message.locator(".message-text").innerText();
      Matcher matcher = CODE.matcher(text);
      assertThat(matcher.find()).as(text).isTrue();
      code = matcher.group(1);
    }

    page.getByLabel("Kode masuk (6 angka)").fill(code.equals("000000") ? "111111" : "000000");
    button(page, "Masuk").click();
    assertThat(page.locator(".error-summary, [role=alert]").first())
        .containsText("Kode masuk salah. Anda masih dapat mencoba 4 kali lagi.");
    assertThat(page).hasTitle(Pattern.compile("^Kesalahan"));
    axeScan(page);

    page.getByLabel("Kode masuk (6 angka)").fill(code);
    button(page, "Masuk").click();
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
  void askingForAnUnknownNumberLooksTheSameWithoutJavaScript() {
    limits.reset();
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/masuk-warga");
      phone.getByLabel("Nomor WhatsApp atau alamat e-mail").fill("0859 0000 0001");
      button(phone, "Kirim kode").click();
      assertThat(heading(phone)).hasText("Masukkan kode masuk");
      assertThat(phone.getByRole(AriaRole.STATUS))
          .containsText("Jika 6285900000001 tercantum di permohonan");
      assertThat(
              jdbc.sql("select count(*) from notification where recipient = '6285900000001'")
                  .query(Integer.class)
                  .single())
          .isZero();
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
