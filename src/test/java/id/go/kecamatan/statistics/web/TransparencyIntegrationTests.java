package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.statistics.Statistics;
import id.go.kecamatan.statistics.internal.FactStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public transparency page and its open data: no sign-in, small counts suppressed, the chosen
 * month respected by the files, hostile months and years refused without an error page.
 */
@IntegrationTest
class TransparencyIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  @Test
  void officePageShowsTheFiguresWithSmallCountsSuppressed() {
    WebClient web = new WebClient(port);
    HttpResponse<String> page = web.get("/kecamatan/jetis/statistik");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Statistik pelayanan", "Permohonan diterima", "<svg", "role=\"img\"")
        .contains("Definisi", "Median hari kerja sampai selesai")
        .doesNotContain("<script");
    // the demo's ten applications of this month: 10 received, the channel counts below 5
    YearMonth month = statistics.currentMonth();
    assertThat(page.body()).contains("/kecamatan/jetis/statistik/" + month + ".xlsx");
    assertThat(page.body()).contains("&lt; 5");
  }

  @Test
  void regencyPageListsItsOffices() {
    String code =
        jdbc.sql(
                "select r.code from regency r join office o on o.regency_id = r.id where o.slug = 'jetis'")
            .query(String.class)
            .single();
    HttpResponse<String> page = new WebClient(port).get("/kabupaten/" + code + "/statistik");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Per kecamatan", "Jetis", "Peringkat hanya memuat");
  }

  @Test
  void openDataRespectTheChosenMonth() throws Exception {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID office = fixtures.jetis();
    fixtures.domisili(office, fixtures.operatorVillage("desa.jetis"), "Data Terbuka");
    YearMonth month = statistics.currentMonth();
    Statistics.Selection selection = Statistics.Selection.of(office, month, month);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> statistics.figures(selection).total().get(Measure.RECEIVED) >= 1);
    long received = statistics.figures(selection).total().get(Measure.RECEIVED);
    WebClient web = new WebClient(port);

    HttpResponse<byte[]> xlsx = web.getBytes("/kecamatan/jetis/statistik/" + month + ".xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", "statistik-jetis-" + month + ".xlsx");
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(3)).isEqualTo("Permohonan diterima");
      assertThat(rows.get(1).getCellText(3)).startsWith("Permohonan yang diajukan dalam bulan itu");
      Row total = rows.get(rows.size() - 1);
      assertThat(total.getCellText(2)).isEqualTo("Jumlah");
      assertThat(total.getCellText(1)).isEqualTo(month.toString());
      // Other tests' applications of this month may still be counted meanwhile (the context is
      // shared): the file's figure lies between what was counted before and after it was made.
      assertThat(total.getCellAsNumber(3).orElseThrow().longValue())
          .isBetween(received, receivedNow(selection));
    }

    // an earlier month without applications: its own figures, not this month's
    YearMonth before = month.minusMonths(13);
    HttpResponse<byte[]> old = web.getBytes("/kecamatan/jetis/statistik/" + before + ".xlsx");
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(old.body()))) {
      List<Row> rows = wb.getFirstSheet().read();
      Row total = rows.get(rows.size() - 1);
      assertThat(total.getCellText(1)).isEqualTo(before.toString());
      assertThat(total.getCellAsNumber(3).orElseThrow().longValue()).isZero();
    }

    HttpResponse<byte[]> csv = web.getBytes("/kecamatan/jetis/statistik/" + month + ".csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    List<String> lines = text.lines().collect(Collectors.toList());
    assertThat(lines.get(0)).contains("Permohonan diterima");
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("Kecamatan Jetis," + month + ",Jumlah,");
    long inCsv = Long.parseLong(last.split(",")[3]);
    assertThat(inCsv).isBetween(received, receivedNow(selection));
  }

  private long receivedNow(Statistics.Selection selection) {
    return statistics.figures(selection).total().get(Measure.RECEIVED);
  }

  @Test
  void hostileMonthsAndYearsGiveTheLastTwelveMonths() {
    WebClient web = new WebClient(port);
    for (String query :
        List.of(
            "bulan=13&tahun=2026",
            "bulan=%3Cscript%3E&tahun=2026",
            "bulan=1&tahun=99999999999",
            "bulan=1&tahun=1999",
            "bulan=12&tahun=2999",
            "bulan=" + "9".repeat(5000) + "&tahun=2026",
            "bulan=%00&tahun=%1B")) {
      HttpResponse<String> page = web.get("/kecamatan/jetis/statistik?" + query);
      assertThat(page.statusCode()).as(query).isIn(200, 400);
      if (page.statusCode() == 200) {
        assertThat(page.body()).as(query).contains("Bulan atau tahun tidak dikenal");
        assertThat(page.body()).doesNotContain("<script>");
      }
    }
    for (String path :
        List.of(
            "/kecamatan/jetis/statistik/2026-13.csv",
            "/kecamatan/jetis/statistik/2999-01.xlsx",
            "/kecamatan/jetis/statistik/1999-01.csv",
            "/kecamatan/jetis/statistik/2026-01.exe",
            "/kecamatan/tidak-ada/statistik/2026-01.csv",
            "/kecamatan/tidak-ada/statistik")) {
      assertThat(web.getBytes(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Autowired FactStore factStore;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aSuppressedCountCannotBeWorkedOutFromTheFiguresBesideIt() {
    // an office of a regency of its own, counted by hand: January 2026 received 15 = 7 online + 5
    // at the counter + 3 at a village office, finished 13 = 11 approved + 2 rejected; complaints 1
    // in November and 8 in December 2025 (9 in the twelve months up to January)
    String n = String.valueOf(10 + (int) (Math.random() * 90));
    UUID regency = UUID.randomUUID();
    jdbc.sql("insert into regency (id, code, name) values (?, ?, ?)")
        .params(regency, "96." + n, "Kabupaten Sekunder " + n)
        .update();
    UUID office = UUID.randomUUID();
    String slug = "sekunder-" + n;
    jdbc.sql("insert into office (id, regency_id, code, slug, name) values (?, ?, ?, ?, ?)")
        .params(office, regency, "96." + n + ".01", slug, "Sekunder " + n)
        .update();
    UUID service = UUID.randomUUID();
    YearMonth january = YearMonth.of(2026, 1);
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              for (var channel :
                  java.util.Map.of("ONLINE", 7L, "COUNTER", 5L, "VILLAGE", 3L).entrySet()) {
                factStore.count(
                    office,
                    new FactStore.Dimensions(regency, service, channel.getKey(), null),
                    january,
                    java.util.Map.of(Measure.RECEIVED, channel.getValue()));
              }
              FactStore.Dimensions all = new FactStore.Dimensions(regency, service, null, null);
              factStore.count(
                  office,
                  all,
                  january,
                  java.util.Map.of(
                      Measure.FINISHED, 13L,
                      Measure.FINISHED_ON_TIME, 12L,
                      Measure.APPROVED, 11L,
                      Measure.REJECTED, 2L));
              FactStore.Dimensions none = new FactStore.Dimensions(regency, null, null, null);
              factStore.count(
                  office,
                  none,
                  YearMonth.of(2025, 11),
                  java.util.Map.of(Measure.COMPLAINTS_RECEIVED, 1L));
              factStore.count(
                  office,
                  none,
                  YearMonth.of(2025, 12),
                  java.util.Map.of(Measure.COMPLAINTS_RECEIVED, 8L));
            });
    WebClient web = new WebClient(port);

    String page = web.get("/kecamatan/" + slug + "/statistik?bulan=1&tahun=2026").body();

    // the volume table comes first, then the time table, ... then the complaints
    List<List<String>> januaries = rows(page, "Jan 2026");
    assertThat(januaries.get(0).subList(0, 4)).containsExactly("15", "7", "x", "&lt; 5");
    assertThat(januaries.get(1).get(0)).isEqualTo("13");
    assertThat(januaries.get(1).subList(5, 7)).containsExactly("x", "&lt; 5");
    List<List<String>> novembers = rows(page, "Nov 2025");
    List<List<String>> decembers = rows(page, "Des 2025");
    assertThat(novembers.get(4).get(0)).isEqualTo("&lt; 5");
    assertThat(decembers.get(4).get(0)).isEqualTo("x");
    assertThat(page).contains("ditulis „x“ disembunyikan agar angka kecil tidak dapat dihitung");

    // the open data of January: the service's row and the month's total alike
    String csv =
        new String(
            web.getBytes("/kecamatan/" + slug + "/statistik/2026-01.csv").body(),
            StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    for (String line : lines.subList(2, lines.size())) {
      List<String> cells = List.of(line.split(","));
      assertThat(cells.subList(3, 7)).as(line).containsExactly("15", "7", "x", "< 5");
      assertThat(cells.get(8)).as(line).isEqualTo("13");
      assertThat(cells.subList(13, 15)).as(line).containsExactly("x", "< 5");
    }
    assertThat(lines).hasSize(4); // headings, definitions, the service, the total
  }

  /** The cells of each row headed {@code label} on a page, in the page's order. */
  private static List<List<String>> rows(String page, String label) {
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile(
                "<tr><th scope=\"row\">" + java.util.regex.Pattern.quote(label) + "</th>(.*?)</tr>")
            .matcher(page);
    List<List<String>> rows = new java.util.ArrayList<>();
    while (row.find()) {
      java.util.regex.Matcher cell =
          java.util.regex.Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
      List<String> cells = new java.util.ArrayList<>();
      while (cell.find()) {
        cells.add(cell.group(1));
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void csvCellsCannotBecomeFormulas() {
    assertThat(OpenData.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(OpenData.quote("-3")).isEqualTo("-3");
    assertThat(OpenData.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }
}
