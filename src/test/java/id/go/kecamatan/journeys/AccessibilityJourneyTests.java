package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public page passes an automated WCAG 2.2 AA check on a phone and stays within 50 KB on the
 * wire, so it opens quickly on a weak 3G signal in the villages; one page of each layout passes it
 * at a computer's width too.
 */
@IntegrationTest
class AccessibilityJourneyTests extends BrowserJourney {

  @ParameterizedTest(name = "{0}")
  @FieldSource("id.go.kecamatan.journeys.BrowserJourney#PUBLIC_PAGES")
  void aResidentOnAPhoneGetsAnAccessibleLightPage(String path) {
    pageWeight(page, path);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .isVisible();
    axeScan(page);
  }

  /**
   * Text at 200 % (WCAG 1.4.4) on a 360 px phone reflows instead of running off the side: grids of
   * cards and of filter fields, the three boxes of a date and a long question of the survey.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/kecamatan/jetis/pengumuman",
        "/kecamatan/jetis/ikm",
        "/kecamatan/jetis/survei",
        "/kecamatan/jetis/pengaduan"
      })
  void aResidentWithTextAtTwiceItsSizeNeverScrollsSideways(String path) {
    page.navigate(path);
    // as the browser's text size setting does: everything sized in rem and em doubles
    page.evaluate("document.documentElement.style.fontSize = '200%'");
    org.assertj.core.api.Assertions.assertThat(scrollWidth(page))
        .as("page width at 200 %% text on %s", path)
        .isLessThanOrEqualTo(PHONE_WIDTH);
  }

  @Test
  void theScanFailsOnAPageThatBreaksTheRules() {
    page.navigate("/privasi");
    // an image without a text and a field without a label: what the scan must catch
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
            + " '<img src=\"/favicon.svg\"><input type=\"text\">')");
    assertThatThrownBy(() -> axeScan(page))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("image-alt")
        .hasMessageContaining("- label [critical]");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("id.go.kecamatan.journeys.BrowserJourney#DESKTOP_PAGES")
  void aResidentOnAComputerGetsAnAccessiblePage(String path) {
    try (var desktop = newDesktopContext()) {
      Page wide = desktop.newPage();
      wide.navigate(path);
      assertThat(wide.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .isVisible();
      axeScan(wide);
    }
  }
}
