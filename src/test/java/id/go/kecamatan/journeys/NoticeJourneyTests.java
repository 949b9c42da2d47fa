package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident reads the privacy notice and the accessibility statement from the footer of any page;
 * the regency administrator adapts the privacy notice, and markup typed into it is refused.
 */
@IntegrationTest
class NoticeJourneyTests extends BrowserJourney {

  @Autowired JdbcClient jdbc;

  @AfterEach
  void backToTheDefault() {
    jdbc.sql("delete from site_notice").update();
  }

  @Test
  void aResidentReadsWhatIsKeptAndForHowLongFromTheFooter() {
    page.navigate("/kecamatan/jetis/layanan/SKTM");
    footerLink("Pemberitahuan privasi").click();
    assertThat(page).hasURL(Pattern.compile("/privasi$"));
    assertThat(heading(1)).hasText("Pemberitahuan privasi");
    assertThat(heading(2, "Berapa lama")).isVisible();
    Locator text = page.locator("main");
    assertThat(text).containsText("Nomor 27 Tahun 2022");
    assertThat(text).containsText("30 hari setelah perubahan terakhir");
    assertThat(text).containsText("180 hari setelah dibuat");
    assertThat(text).containsText("setelah 1 hari");
    axeScan(page);

    footerLink("Pernyataan aksesibilitas").click();
    assertThat(heading(1)).hasText("Pernyataan aksesibilitas");
    assertThat(text).containsText("WCAG) 2.2 tingkat AA");
    assertThat(heading(2, "Melaporkan masalah")).isVisible();
    axeScan(page);

    page.navigate("/privasi?lang=en");
    assertThat(heading(1)).hasText("Privacy notice");
    assertThat(text).containsText("deleted 180 days after they were written");
  }

  @Test
  void theRegencyAdministratorAdaptsThePrivacyNotice() {
    signIn(page, "kab.3516");
    AdminJourneyTests.openFromNav(page, "Kabupaten", "Privasi dan aksesibilitas");
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Pemberitahuan privasi").setExact(true))
        .first()
        .click();
    Locator indonesian = page.getByLabel("Teks dalam Bahasa Indonesia");
    assertThat(indonesian).hasValue(Pattern.compile("^Pemberitahuan ini menjelaskan"));

    indonesian.fill("Teks <script>alert('x')</script> dari kabupaten");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).click();
    assertThat(page.locator(".error-summary"))
        .containsText("Tidak boleh berisi tag HTML atau skrip");
    assertThat(indonesian).hasValue("Teks <script>alert('x')</script> dari kabupaten");
    axeScan(page);

    indonesian.fill(
        "Kabupaten Mojokerto menyimpan data Anda sesuai Perbup No. 1/2026.\n\n"
            + "## Pejabat pelindungan data\n- ppid@mojokertokab.example");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Teks disimpan.");

    footerLink("Pemberitahuan privasi").click();
    assertThat(heading(2, "Pejabat pelindungan data")).isVisible();
    assertThat(page.locator("main li")).hasText("ppid@mojokertokab.example");
    assertThat(page.locator("main")).containsText("Terakhir diubah");
  }

  private Locator footerLink(String name) {
    return page.locator("footer")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator heading(int level) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(level));
  }

  private Locator heading(int level, String name) {
    return page.getByRole(
        AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(level).setName(name));
  }
}
