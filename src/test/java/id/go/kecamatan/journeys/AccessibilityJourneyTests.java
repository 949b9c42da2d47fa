package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

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
