package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.statistics.Statistics;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office administrator of Kecamatan Jetis on a 360 px phone: narrows the statistics dashboard
 * to one officer with the filter and sees that officer's figures, then downloads the register of
 * outgoing letters and the office's audit-trail extract, which lists that download. Every page
 * passes axe-core.
 */
@IntegrationTest
class StatisticsDashboardJourneyTests extends BrowserJourney {

  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  @Test
  void theOfficeAdminNarrowsTheDashboardToOneOfficer() {
    record Staff(UUID id, String name) {}
    Staff verifier =
        jdbc.sql("select id, full_name from staff where username = 'verifikator.jetis'")
            .query((rs, i) -> new Staff(rs.getObject(1, UUID.class), rs.getString(2)))
            .single();
    UUID jetis = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    YearMonth to = statistics.currentMonth();
    YearMonth from = to.minusMonths(11);
    long office = received(jetis, from, to);
    long officer = received(verifier.id(), from, to);
    assertThat(officer)
        .as("the demo's verifier has some of the office's applications")
        .isLessThan(office);

    signIn(page, "admin.jetis");
    page.navigate("/admin/statistik");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Statistik pelayanan");
    assertThat(receivedTotal(page)).hasText(String.valueOf(office));
    assertThat(page.locator("main")).not().containsText("Angka seorang petugas");
    axeScan(page);

    page.getByLabel("Petugas", new Page.GetByLabelOptions().setExact(true))
        .selectOption(new SelectOption().setLabel(verifier.name()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tampilkan")).click();

    assertThat(page).hasURL(Pattern.compile("petugas=" + verifier.id()));
    assertThat(page.locator("#petugas option:checked")).hasText(verifier.name());
    assertThat(page.locator("main")).containsText("Angka seorang petugas");
    assertThat(receivedTotal(page)).hasText(String.valueOf(officer));
    // the drill-down to the worklist keeps the officer
    assertThat(
            page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName(Pattern.compile("Permohonan yang masih"))))
        .hasAttribute("href", Pattern.compile("petugas=" + verifier.id()));
    // and so does the register of the applications behind the figures
    assertThat(link(page, "Register permohonan (XLSX)"))
        .hasAttribute("href", Pattern.compile("petugas=" + verifier.id()));
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    axeScan(page);
  }

  @Test
  void theOfficeAdminDownloadsTheAuditTrailExtractThatListsTheirDownloads() throws Exception {
    String name =
        jdbc.sql("select full_name from staff where username = 'admin.jetis'")
            .query(String.class)
            .single();
    signIn(page, "admin.jetis");
    page.navigate("/admin/statistik");

    Download letters =
        page.waitForDownload(() -> link(page, "Register surat keluar (XLSX)").click());
    assertThat(rows(letters).get(0).getCellText(0)).isNotBlank();

    Download audit = page.waitForDownload(() -> link(page, "Jejak audit kantor (XLSX)").click());
    assertThat(audit.suggestedFilename()).endsWith(".xlsx");
    List<Row> rows = rows(audit);
    assertThat(rows.get(0).getCellText(1)).isEqualTo("Pelaku");
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.getCellText(1)).isEqualTo(name + " (admin.jetis)");
              assertThat(r.getCellText(2)).isEqualTo("Register surat keluar diunduh");
            });
  }

  private long received(UUID scope, YearMonth from, YearMonth to) {
    return statistics
        .figures(Statistics.Selection.of(scope, from, to))
        .total()
        .get(Measure.RECEIVED);
  }

  /** The total of applications received: the first figure of the first table's total row. */
  private static Locator receivedTotal(Page page) {
    return page.locator("table.figures").first().locator("tfoot td").first();
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
  }

  private static List<Row> rows(Download download) throws Exception {
    try (InputStream in = Files.newInputStream(download.path());
        ReadableWorkbook wb = new ReadableWorkbook(in)) {
      return wb.getFirstSheet().read();
    }
  }
}
