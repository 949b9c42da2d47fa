package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A resident on a 360 px phone, with JavaScript off, opens the statistics of Kecamatan Jetis from
 * its office page, reads the chart and its table, picks an earlier month with the picker, and finds
 * the open data of that month; the regency's page lists its offices. Every page passes axe-core.
 */
@IntegrationTest
class TransparencyJourneyTests extends BrowserJourney {

  @Test
  void aResidentReadsTheStatisticsAndPicksAnEarlierMonthWithoutJavaScript() {
    page.navigate("/kecamatan/jetis/statistik");
    axeScan(page);
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page phone = noScript.newPage();
      phone.navigate("/kecamatan/jetis/statistik");
      assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .containsText("Statistik pelayanan");
      assertThat(phone.locator("svg[role=img] title")).hasText("Permohonan diterima per bulan");
      assertThat(phone.getByRole(AriaRole.TABLE).first()).containsText("Daring");
      assertThat(phone.locator("body")).containsText("Data per");
      assertThat(scrollWidth(phone))
          .as("no sideways scrolling of the page on a 360 px phone")
          .isLessThanOrEqualTo(PHONE_WIDTH);

      phone.getByLabel("Bulan", new Page.GetByLabelOptions().setExact(true)).selectOption("1");
      phone.getByLabel("Tahun", new Page.GetByLabelOptions().setExact(true)).selectOption("2026");
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tampilkan")).click();

      assertThat(phone).hasURL(Pattern.compile("bulan=1&tahun=2026"));
      assertThat(phone.locator("body")).containsText("Februari 2025 sampai Januari 2026");
      assertThat(
              phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("XLSX")).first())
          .hasAttribute("href", "/kecamatan/jetis/statistik/2026-01.xlsx");
    }
  }

  @Test
  void theRegencyPageListsItsOfficesAndPassesAxe() {
    page.navigate("/kecamatan/jetis/statistik");
    page.locator("nav.crumbs a").nth(1).click();
    page.navigate(page.url().replaceAll("/?$", "") + "/statistik");
    assertThat(page.locator("h1")).containsText("Statistik pelayanan");
    assertThat(page.getByRole(AriaRole.TABLE).last()).containsText("Jetis");
    axeScan(page);
  }
}
