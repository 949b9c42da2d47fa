package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * The monthly report is published by itself on the first working day of the month for the month
 * before, once: an office of its own (so no other test's reports are touched), January 2026, whose
 * first day is a national holiday (Tahun Baru); then the consolidation of its regency.
 */
@IntegrationTest
class MonthlyReportJobIntegrationTests {

  @LocalServerPort int port;
  @Autowired MonthlyReportJob job;
  @Autowired MonthlyReports reports;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;

  private static List<Row> read(byte[] xlsx) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return wb.getFirstSheet().read();
    }
  }

  @Test
  void publishedOnTheFirstWorkingDayForTheMonthBeforeOnce() throws Exception {
    UUID regency = UUID.randomUUID();
    jdbc.sql("insert into regency (id, code, name) values (?, '96.01', 'Kabupaten Laporan')")
        .param(regency)
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into office (id, regency_id, code, slug, name) values (?, ?, ?, ?, ?)")
        .params(id, regency, "96.01.01", "laporan-otomatis", "Laporan Otomatis")
        .update();
    Office office = offices.get(id);

    // 1 January 2026 is a holiday: nothing yet
    assertThat(job.publishDue(office, LocalDate.of(2026, 1, 1))).isEmpty();
    assertThat(reports.of(id)).isEmpty();

    // Friday 2 January is the first working day: December 2025, version 1, by the system
    PublishedReport report = job.publishDue(office, LocalDate.of(2026, 1, 2)).orElseThrow();
    assertThat(report.month()).isEqualTo(YearMonth.of(2025, 12));
    assertThat(report.version()).isEqualTo(1);
    assertThat(report.publishedBy()).isEqualTo(MonthlyReports.AUTOMATIC);
    byte[] pdf = reports.file(id, YearMonth.of(2025, 12), 1, "pdf").orElseThrow();
    assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
    // the office's letterhead as its letters have it: the government and the office
    assertThat(PdfChecks.text(pdf))
        .contains("PEMERINTAH")
        .contains(office.displayName().toUpperCase(java.util.Locale.forLanguageTag("id")))
        .contains("Desember 2025");

    // the next mornings (another node, a rerun) publish nothing more
    assertThat(job.publishDue(office, LocalDate.of(2026, 1, 2))).isEmpty();
    assertThat(job.publishDue(office, LocalDate.of(2026, 1, 5))).isEmpty();
    assertThat(reports.of(id)).hasSize(1);
    // a year whose national days nobody has entered yet: 1 January is still Tahun Baru
    assertThat(job.publishDue(office, LocalDate.of(2031, 1, 1))).isEmpty();
    assertThat(reports.of(id)).hasSize(1);

    // the regency's consolidation follows once all its offices have theirs, once, and is public
    Regency kabupaten = offices.regency(regency).orElseThrow();
    PublishedReport consolidated =
        job.publishRegencyDue(kabupaten, LocalDate.of(2026, 1, 2)).orElseThrow();
    assertThat(job.publishRegencyDue(kabupaten, LocalDate.of(2026, 1, 5))).isEmpty();
    assertThat(reports.ofRegency(regency))
        .extracting(PublishedReport::id)
        .containsExactly(consolidated.id());
    WebClient visitor = new WebClient(port);
    assertThat(visitor.get("/kabupaten/96.01/statistik").body())
        .contains("/kabupaten/96.01/statistik/laporan/2025-12-v1.pdf");
    HttpResponse<byte[]> file =
        visitor.getBytes("/kabupaten/96.01/statistik/laporan/2025-12-v1.pdf");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(PdfChecks.pdfA3bFailures(file.body())).as("veraPDF").isEmpty();
    assertThat(PdfChecks.text(file.body())).contains("PEMERINTAH KABUPATEN LAPORAN");
    List<Row> rows =
        read(visitor.getBytes("/kabupaten/96.01/statistik/laporan/2025-12-v1.xlsx").body());
    assertThat(rows.get(0).getCellText(0)).isEqualTo("Kabupaten");
    assertThat(rows.get(2).getCellText(2)).isEqualTo(office.displayName());
    assertThat(rows.get(3).getCellText(2)).isEqualTo("Jumlah");
    assertThat(rows.get(2).getCellText(1)).isEqualTo("2025-12");
    assertThat(visitor.getBytes("/kabupaten/96.01/statistik/laporan/2025-11-v1.pdf").statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where office_id = ?"
                        + " and action = 'statistics.report.published'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
