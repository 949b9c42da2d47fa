package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.statistics.Statistics;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The regency admin corrects the regency's consolidation: a reason is required once a version
 * exists, the correction is the next version made from the counts as they are now, the earlier
 * version stays byte for byte as it was, and the regency's statistics page lists both with the
 * reason. Only the regency's own admin publishes.
 */
@IntegrationTest
class RegencyReportIntegrationTests {

  @LocalServerPort int port;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  static List<Row> read(byte[] xlsx) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return wb.getFirstSheet().read();
    }
  }

  @Test
  void theRegencyAdminPublishesACorrectionWithItsReason() throws Exception {
    YearMonth month = statistics.currentMonth().minusMonths(4);
    UUID regency =
        jdbc.sql("select id from regency where code = '35.16'").query(UUID.class).single();
    jdbc.sql("delete from stat_report where regency_id = ? and month = ?")
        .params(regency, month.atDay(1))
        .update();
    WebClient admin = WebClient.signedIn(port, "kab.3516");
    assertThat(admin.get("/admin/kabupaten/statistik/laporan").body())
        .contains("Rekapitulasi laporan bulanan kabupaten", "Terbitkan rekapitulasi");

    // a reason typed for what turns out to be the month's first version: published, and told
    // that a first version keeps no correction reason (it was dropped without a word)
    assertThat(
            admin
                .post(
                    "/admin/kabupaten/statistik/laporan",
                    "bulan",
                    month.toString(),
                    "alasan",
                    "Catatan awal " + "x".repeat(600))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/admin/kabupaten/statistik/laporan").body())
        .contains("versi pertama", "alasan yang Anda ketik tidak disimpan")
        .doesNotContain("Catatan awal");
    String base = "/kabupaten/35.16/statistik/laporan/" + month;
    WebClient anyone = new WebClient(port);
    byte[] v1 = anyone.getBytes(base + "-v1.xlsx").body();
    byte[] v1pdf = anyone.getBytes(base + "-v1.pdf").body();
    String receivedBefore = totalReceived(read(v1));

    // the counts change (an office's late correction, say)
    addReceived(regency, month, 40);
    try {
      // a second version needs its reason, a valid one
      for (String bad :
          List.of("", "   ", "x".repeat(501), "alasan\u0007", "<script>alert(1)</script>")) {
        HttpResponse<String> refused =
            admin.post(
                "/admin/kabupaten/statistik/laporan", "bulan", month.toString(), "alasan", bad);
        assertThat(refused.statusCode()).as(bad).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("\u0007", "<script>alert");
      }
      assertThat(
              admin
                  .post(
                      "/admin/kabupaten/statistik/laporan",
                      "bulan",
                      month.toString(),
                      "alasan",
                      "Laporan Jetis dikoreksi: permohonan terlambat")
                  .statusCode())
          .isEqualTo(302);
      byte[] v2 = anyone.getBytes(base + "-v2.xlsx").body();
      List<Row> rows = read(v2);
      assertThat(rows.get(2).getCellText(1)).isEqualTo(month.toString());
      assertThat(Integer.parseInt(totalReceived(rows)))
          .isEqualTo(Integer.parseInt(receivedBefore.replace("< 5", "0")) + 40);
      assertThat(PdfChecks.text(anyone.getBytes(base + "-v2.pdf").body()))
          .contains("Laporan Jetis dikoreksi: permohonan terlambat");
      // version 1 is as it was
      assertThat(anyone.getBytes(base + "-v1.xlsx").body()).isEqualTo(v1);
      assertThat(anyone.getBytes(base + "-v1.pdf").body()).isEqualTo(v1pdf);
      String page = anyone.get("/kabupaten/35.16/statistik").body();
      assertThat(page)
          .contains(month + "-v1.pdf", month + "-v2.pdf")
          .contains("Laporan Jetis dikoreksi: permohonan terlambat");
      assertThat(admin.get("/admin/kabupaten/statistik/laporan").body())
          .contains("Versi 2", "Laporan Jetis dikoreksi: permohonan terlambat");
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where action ="
                          + " 'statistics.report.consolidated' and entity_id = ?"
                          + " and details->>'month' = ? and details->>'version' = '2'")
                  .params(regency.toString(), month.toString())
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
    } finally {
      addReceived(regency, month, -40);
    }
  }

  @Test
  void onlyTheRegencysOwnAdmin() {
    for (String user : List.of("admin.jetis", "camat.jetis", "verifikator.jetis")) {
      WebClient client = WebClient.signedIn(port, user);
      assertThat(client.get("/admin/kabupaten/statistik/laporan").statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(
              client
                  .post(
                      "/admin/kabupaten/statistik/laporan",
                      "bulan",
                      statistics.currentMonth().minusMonths(1).toString())
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
    // another regency's admin publishes only their own regency's consolidation
    YearMonth month = statistics.currentMonth().minusMonths(5);
    UUID mojokerto =
        jdbc.sql("select id from regency where code = '35.16'").query(UUID.class).single();
    long before =
        jdbc.sql("select count(*) from stat_report where regency_id = ?")
            .param(mojokerto)
            .query(Long.class)
            .single();
    WebClient banyumas = WebClient.signedIn(port, "kab.3302");
    HttpResponse<String> r =
        banyumas.post(
            "/admin/kabupaten/statistik/laporan", "bulan", month.toString(), "alasan", "x");
    assertThat(r.statusCode()).isIn(302, 400);
    assertThat(
            jdbc.sql("select count(*) from stat_report where regency_id = ?")
                .param(mojokerto)
                .query(Long.class)
                .single())
        .isEqualTo(before);
    // months that have not ended, and nonsense
    for (String bad :
        List.of(statistics.currentMonth().toString(), "2999-01", "<script>", "9".repeat(3000))) {
      HttpResponse<String> refused =
          banyumas.post("/admin/kabupaten/statistik/laporan", "bulan", bad, "alasan", "");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.body())
          .contains("Pilih bulan yang sudah lewat")
          .doesNotContain("<script>");
    }
  }

  /** The total row's "received" cell (the last row, first figure column). */
  private static String totalReceived(List<Row> rows) {
    Row total = rows.get(rows.size() - 1);
    assertThat(total.getCellText(2)).isEqualTo("Jumlah");
    return total.getCellText(3);
  }

  private void addReceived(UUID regency, YearMonth month, int n) {
    jdbc.sql(
            """
            insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
            values (?, ?, 'RECEIVED', '00000000-0000-0000-0000-000000000000', 'ALL',
                    '00000000-0000-0000-0000-000000000000', ?)
            on conflict (scope_id, village_id, month, measure, service_id, channel)
            do update set n = stat_count.n + excluded.n
            """)
        .params(regency, month.atDay(1), n)
        .update();
  }
}
