package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import id.go.kecamatan.IntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A resident on a cheap 360 px phone looks up what to bring to the kecamatan office. */
@IntegrationTest
class PublicCatalogueJourneyTests extends BrowserJourney {

  static final String[] SKTM_REQUIREMENTS = {
    "Surat pengantar dari desa/kelurahan", "KTP elektronik", "Kartu Keluarga"
  };

  @Test
  void aResidentFindsAServiceOfJetisReadsItsRequirementsAndPrintsTheChecklist() {
    page.navigate("/");
    assertThat(heading()).hasText("Kantor kecamatan");

    link("Kabupaten Mojokerto").click();
    assertThat(heading()).hasText("Kabupaten Mojokerto");

    link("Kecamatan Jetis").click();
    assertThat(heading()).hasText("Kecamatan Jetis");

    page.getByLabel("Cari layanan").fill("tidak mampu");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .containsText("1 layanan cocok dengan \"tidak mampu\"");
    assertThat(page.locator(".service-list > li > a"))
        .hasText(new String[] {"Surat Keterangan Tidak Mampu (SKTM)"});

    link("Surat Keterangan Tidak Mampu (SKTM)").click();
    assertThat(page).hasURL(Pattern.compile("/kecamatan/jetis/layanan/SKTM$"));
    assertThat(heading()).hasText("Surat Keterangan Tidak Mampu (SKTM)");
    assertThat(page.locator("#persyaratan")).hasText("Persyaratan");
    assertThat(page.locator("ol.requirements > li > strong")).hasText(SKTM_REQUIREMENTS);
    assertThat(page.locator(".facts")).containsText("Gratis (Rp0)");

    link("Cetak daftar persyaratan").click();
    assertThat(page).hasURL(Pattern.compile("/kecamatan/jetis/layanan/SKTM/daftar-persyaratan$"));
    assertThat(heading()).hasText("Daftar persyaratan: Surat Keterangan Tidak Mampu (SKTM)");
    assertThat(page.locator(".sheet-office")).hasText("Kecamatan Jetis");
    assertThat(page.locator(".checklist > li > strong")).hasText(SKTM_REQUIREMENTS);
    assertThat(link("← Kembali ke halaman layanan")).isVisible();

    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(page.locator(".no-print")).isHidden();
    assertThat(heading()).isVisible();
    assertThat(page.locator(".checklist .box").first()).isVisible();
    byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4"));
    assertThat(Pdfs.pageCount(pdf)).as("printed checklist pages").isEqualTo(1);
  }

  @Test
  void aResidentSwitchesToEnglishAndTheSiteStaysInEnglish() {
    page.navigate("/kecamatan/jetis");
    assertThat(page.locator("html")).hasAttribute("lang", "id");

    link("English").click();
    assertThat(page).hasURL(Pattern.compile("/kecamatan/jetis\\?lang=en$"));
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator(".brand")).hasText("Kecamatan Services");
    assertThat(link("Staff sign in")).isVisible();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Services").setLevel(2)))
        .isVisible();
    assertThat(page.getByLabel("Search services")).isVisible();
    assertThat(context.cookies())
        .as("the language cookie")
        .anySatisfy(cookie -> assertThat(cookie.name + "=" + cookie.value).isEqualTo("lang=en"));

    page.navigate("/kecamatan/jetis/layanan/SKTM");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("#persyaratan")).hasText("Requirements");
    assertThat(link("Print the list of requirements")).isVisible();

    link("Bahasa Indonesia").click();
    assertThat(page.locator("html")).hasAttribute("lang", "id");
    page.navigate("/");
    assertThat(heading()).hasText("Kantor kecamatan");
  }

  @Test
  void everyPublicPageFitsA360PixelPhoneWithoutScrollingSideways() {
    for (String path : PUBLIC_PAGES) {
      page.navigate(path);
      assertThat(heading()).isVisible();
      assertThat(scrollWidth(page))
          .as("width of %s on a %d px phone", path, PHONE_WIDTH)
          .isLessThanOrEqualTo(PHONE_WIDTH);
    }
  }

  private Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private Locator link(String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
