package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import id.go.kecamatan.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident on a 360 px phone opens the page of Kecamatan Padangsidimpuan Batunadua: the services
 * people ask for most come first in their category, the office's phone and the way to its address
 * and hours are on the first screen, the header is one line, and the search works without
 * JavaScript.
 */
@IntegrationTest
class OfficePageJourneyTests extends BrowserJourney {

  static final int MANY = 100_000;

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void theServicesAskedForMostComeFirstGroupedByCategory() {
    demand("SKTS", MANY);
    demand("IZIN-JALAN", MANY);
    try {
      // figures written past the application's count show within a second
      // (ServiceDemandCounts.FRESH): a view of the office a moment ago may still be kept
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                page.navigate("/kecamatan/padangsidimpuan-batunadua");
                return page.locator(".service-list li a").first().textContent().contains("SKTS");
              });
    } finally {
      demand("SKTS", -MANY);
      demand("IZIN-JALAN", -MANY);
    }

    assertThat(page.locator("h3.group-title")).hasText(new String[] {"Non-perizinan", "Perizinan"});
    Locator nonLicensing = page.locator(".service-list").nth(0).locator(":scope > li");
    assertThat(nonLicensing.first().getByRole(AriaRole.LINK))
        .hasText("Surat Keterangan Tinggal Sementara (SKTS)");
    assertThat(nonLicensing.first()).containsText("Sering diajukan");
    assertThat(nonLicensing).hasCount(11);
    Locator licensing = page.locator(".service-list").nth(1).locator(":scope > li");
    assertThat(licensing.first().getByRole(AriaRole.LINK)).hasText("Izin Penggunaan Jalan");
    assertThat(licensing).hasCount(3);
    assertThat(page.locator(".tag", new Page.LocatorOptions().setHasText("Sering diajukan")))
        .hasCount(3);
  }

  @Test
  void onAPhoneTheHeaderIsOneLineAndTheContactIsOnTheFirstScreen() {
    for (String path :
        new String[] {
          "/kecamatan/padangsidimpuan-batunadua", "/kecamatan/padangsidimpuan-batunadua?lang=en"
        }) {
      page.navigate(path);
      assertHeaderIsOneLine(page, path);
    }
    page.navigate("/kecamatan/padangsidimpuan-batunadua?lang=id");
    Locator call = page.locator(".quick-contact a[href^='tel:']");
    assertThat(call).hasText(Pattern.compile("^Telepon \\(0634\\)"));
    Locator address = link("Alamat dan jam pelayanan");
    for (Locator shortcut : new Locator[] {call, link("WhatsApp"), address}) {
      BoundingBox box = shortcut.boundingBox();
      assertThat(box.y + box.height)
          .as("%s on the first screen of a %d px high phone", shortcut, PHONE_HEIGHT)
          .isLessThanOrEqualTo(PHONE_HEIGHT);
    }
    assertThat(call).hasAttribute("href", Pattern.compile("^tel:0634"));

    address.click();
    assertThat(page).hasURL(Pattern.compile("#kontak$"));
    Locator contact =
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontak"));
    assertThat(contact).isInViewport();
    assertThat(page.locator("#kontak")).containsText("Jl. Sisingamangaraja Km. 7");
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    axeScan(page);
  }

  @Test
  void withoutJavaScriptTheSearchFiltersTheListOnTheServer() {
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/kecamatan/padangsidimpuan-batunadua");
      assertHeaderIsOneLine(phone, "without JavaScript");
      phone.getByLabel("Cari layanan").fill("pindah");
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
      assertThat(phone).hasURL(Pattern.compile("/kecamatan/padangsidimpuan-batunadua\\?q=pindah$"));
      assertThat(phone.getByRole(AriaRole.STATUS))
          .containsText("2 layanan cocok dengan \"pindah\"");
      assertThat(phone.locator(".service-list > li > a"))
          .hasText(new String[] {"Surat Pindah Keluar", "Surat Pindah Datang"});
    }
  }

  @Test
  void theOfficePageStaysLightAndAccessibleOnADesktop() {
    pageWeight(page, "/kecamatan/padangsidimpuan-batunadua");
    try (BrowserContext desktop = newDesktopContext()) {
      Page wide = desktop.newPage();
      wide.navigate("/kecamatan/padangsidimpuan-batunadua");
      assertThat(wide.locator(".top-nav")).containsText("English");
      axeScan(wide);
    }
  }

  /** Every item of the header sits on the brand's line, and the header is one line high. */
  private static void assertHeaderIsOneLine(Page page, String what) {
    BoundingBox brand = page.locator(".brand").boundingBox();
    Locator items = page.locator(".top-bar a, .top-bar button");
    assertThat(items.count()).as("header items of %s", what).isGreaterThanOrEqualTo(3);
    double middle = brand.y + brand.height / 2;
    for (int i = 0; i < items.count(); i++) {
      BoundingBox box = items.nth(i).boundingBox();
      assertThat(box.y + box.height / 2)
          .as("header item %d of %s on the brand's line", i, what)
          .isBetween(middle - 6, middle + 6);
      assertThat(box.x + box.width)
          .as("header item %d inside the screen", i)
          .isLessThanOrEqualTo(PHONE_WIDTH);
    }
    BoundingBox header = page.locator("header.top").boundingBox();
    assertThat(header.height).as("header height of %s", what).isLessThan(2 * brand.height + 24);
  }

  private Locator link(String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private void demand(String code, int count) {
    LocalDate month = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).withDayOfMonth(1);
    jdbc.sql(
            """
            insert into service_demand (office_id, service_id, month, submitted)
            select s.office_id, s.id, ?, ? from service_type s join office o on o.id = s.office_id
            where o.slug = ? and s.code = ?
            on conflict (office_id, service_id, month)
            do update set submitted = service_demand.submitted + excluded.submitted
            """)
        .params(month, count, "padangsidimpuan-batunadua", code)
        .update();
  }
}
