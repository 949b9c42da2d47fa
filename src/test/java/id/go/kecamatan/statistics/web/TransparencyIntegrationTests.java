package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.statistics.Statistics;
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

  @Test
  void csvCellsCannotBecomeFormulas() {
    assertThat(OpenData.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(OpenData.quote("-3")).isEqualTo("-3");
    assertThat(OpenData.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }
}
