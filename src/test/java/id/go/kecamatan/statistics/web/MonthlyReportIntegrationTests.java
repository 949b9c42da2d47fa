package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.internal.InlineFileMove;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.statistics.Statistics;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report never changes after it is published: its files stay byte for byte the same
 * after the figures of its month change; a correction is a second version with its reason; only the
 * office admin publishes, and only months that have ended.
 */
@IntegrationTest
class MonthlyReportIntegrationTests {

  @LocalServerPort int port;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;
  @Autowired InlineFileMove move;

  @Test
  void aPublishedReportStaysTheSameAndACorrectionIsASecondVersion() throws Exception {
    YearMonth month = statistics.currentMonth().minusMonths(2);
    UUID jetis = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    UUID regency =
        jdbc.sql("select regency_id from office where id = ?")
            .param(jetis)
            .query(UUID.class)
            .single();
    jdbc.sql("delete from stat_report where office_id = ? and month = ?")
        .params(jetis, month.atDay(1))
        .update();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");

    HttpResponse<String> published =
        admin.post("/admin/statistik/laporan", "bulan", month.toString(), "alasan", "");
    assertThat(published.statusCode()).isEqualTo(302);
    String base = "/kecamatan/jetis/statistik/laporan/" + month + "-v1";
    byte[] pdf = admin.getBytes(base + ".pdf").body();
    byte[] xlsx = admin.getBytes(base + ".xlsx").body();
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();

    // the month's figures change afterwards (a late-counted application, say)
    jdbc.sql(
            """
            insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
            values (?, ?, 'RECEIVED', '00000000-0000-0000-0000-000000000000', 'ALL',
                    '00000000-0000-0000-0000-000000000000', 40)
            on conflict (scope_id, village_id, month, measure, service_id, channel)
            do update set n = stat_count.n + 40
            """)
        .params(jetis, month.atDay(1))
        .update();
    WebClient anyone = new WebClient(port);
    assertThat(anyone.getBytes(base + ".pdf").body()).isEqualTo(pdf);
    assertThat(anyone.getBytes(base + ".xlsx").body()).isEqualTo(xlsx);

    // a correction needs its reason, then makes version 2 beside version 1
    HttpResponse<String> noReason =
        admin.post("/admin/statistik/laporan", "bulan", month.toString(), "alasan", " ");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Tulis alasan koreksi");
    assertThat(
            admin
                .post(
                    "/admin/statistik/laporan",
                    "bulan",
                    month.toString(),
                    "alasan",
                    "Permohonan yang terlambat dihitung")
                .statusCode())
        .isEqualTo(302);
    byte[] corrected =
        anyone.getBytes("/kecamatan/jetis/statistik/laporan/" + month + "-v2.xlsx").body();
    assertThat(corrected).isNotEqualTo(xlsx);
    assertThat(anyone.getBytes(base + ".xlsx").body()).isEqualTo(xlsx);
    String page = anyone.get("/kecamatan/jetis/statistik").body();
    assertThat(page)
        .contains(month + "-v1.pdf", month + "-v2.pdf", "Permohonan yang terlambat dihitung");

    jdbc.sql(
            """
            update stat_count set n = n - 40 where scope_id = ? and month = ? and measure = 'RECEIVED'
              and service_id = '00000000-0000-0000-0000-000000000000' and channel = 'ALL'
              and village_id = '00000000-0000-0000-0000-000000000000'
            """)
        .params(jetis, month.atDay(1))
        .update();
    assertThat(regency).isNotNull();
  }

  @Test
  void theFilesLiveInTheBlobStoreAndThoseKeptInTheDatabaseMoveThereUnchanged() {
    YearMonth month = statistics.currentMonth().minusMonths(4);
    UUID jetis = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    jdbc.sql("delete from stat_report where office_id = ? and month = ?")
        .params(jetis, month.atDay(1))
        .update();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(
            admin
                .post("/admin/statistik/laporan", "bulan", month.toString(), "alasan", "")
                .statusCode())
        .isEqualTo(302);
    String base = "/kecamatan/jetis/statistik/laporan/" + month + "-v1";
    WebClient anyone = new WebClient(port);
    byte[] pdf = anyone.getBytes(base + ".pdf").body();
    byte[] xlsx = anyone.getBytes(base + ".xlsx").body();
    String where = "office_id = ? and month = ? and version = 1";
    Map<String, Object> row =
        jdbc.sql(
                "select id, xlsx is null as xlsx_moved, pdf is null as pdf_moved, xlsx_key,"
                    + " pdf_key, xlsx_sha256, pdf_sha256 from stat_report where "
                    + where)
            .params(jetis, month.atDay(1))
            .query()
            .singleRow();
    assertThat(row).containsEntry("xlsx_moved", true).containsEntry("pdf_moved", true);
    assertThat((String) row.get("xlsx_key")).matches("[0-9a-f]{32}");
    assertThat(row.get("xlsx_sha256")).isEqualTo(GeneratedFiles.sha256(xlsx));
    assertThat(row.get("pdf_sha256")).isEqualTo(GeneratedFiles.sha256(pdf));

    // a version published before V127 kept its files in the row: served from there, then moved
    jdbc.sql(
            "update stat_report set xlsx = ?, xlsx_key = null, pdf = ?, pdf_key = null where id = ?")
        .params(xlsx, pdf, row.get("id"))
        .update();
    assertThat(anyone.getBytes(base + ".pdf").body()).isEqualTo(pdf);
    assertThat(move.moveAll().moved()).isGreaterThanOrEqualTo(2);
    Map<String, Object> moved =
        jdbc.sql("select xlsx, pdf, xlsx_key, pdf_key from stat_report where id = ?")
            .param(row.get("id"))
            .query()
            .singleRow();
    assertThat(moved.get("xlsx")).isNull();
    assertThat(moved.get("pdf")).isNull();
    assertThat(moved.get("xlsx_key")).isNotNull().isNotEqualTo(row.get("xlsx_key"));
    assertThat(anyone.getBytes(base + ".pdf").body()).isEqualTo(pdf);
    assertThat(anyone.getBytes(base + ".xlsx").body()).isEqualTo(xlsx);
  }

  @Test
  void onlyEndedMonthsAndOnlyTheOfficeAdmin() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    for (String month :
        java.util.List.of(
            statistics.currentMonth().toString(),
            "2999-01",
            "1999-12",
            "<script>",
            "2026-13",
            "9".repeat(3000))) {
      HttpResponse<String> r = admin.post("/admin/statistik/laporan", "bulan", month, "alasan", "");
      assertThat(r.statusCode()).as(month).isEqualTo(400);
      assertThat(r.body())
          .as(month)
          .contains("Pilih bulan yang sudah lewat")
          .doesNotContain("<script>");
    }
    for (String user : java.util.List.of("verifikator.jetis", "loket.jetis", "camat.jetis")) {
      WebClient client = WebClient.signedIn(port, user);
      assertThat(
              client
                  .post(
                      "/admin/statistik/laporan",
                      "bulan",
                      statistics.currentMonth().minusMonths(1).toString())
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(WebClient.signedIn(port, "camat.jetis").get("/admin/statistik/laporan").statusCode())
        .isEqualTo(200);
    assertThat(
            new WebClient(port)
                .getBytes("/kecamatan/jetis/statistik/laporan/2026-01-v99.pdf")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            new WebClient(port)
                .getBytes("/kecamatan/jetis/statistik/laporan/..%2F..%2Fetc.pdf")
                .statusCode())
        .isIn(400, 404);
  }
}
