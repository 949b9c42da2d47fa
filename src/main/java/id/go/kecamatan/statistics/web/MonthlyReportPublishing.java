package id.go.kecamatan.statistics.web;

import id.go.kecamatan.office.Offices;
import id.go.kecamatan.statistics.ReportPublishing;
import id.go.kecamatan.statistics.Statistics;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Publishes reports for {@link ReportPublishing} through {@link MonthlyReports}, the admin's own
 * steps.
 */
@Component
class MonthlyReportPublishing implements ReportPublishing {

  private final MonthlyReports reports;
  private final Offices offices;
  private final Statistics statistics;

  MonthlyReportPublishing(MonthlyReports reports, Offices offices, Statistics statistics) {
    this.reports = reports;
    this.offices = offices;
    this.statistics = statistics;
  }

  @Override
  public boolean publishFirst(UUID officeId, YearMonth month) {
    return reports
        .publishFirst(offices.get(officeId), month, statistics.currentMonth())
        .isPresent();
  }

  @Override
  public void correct(UUID officeId, YearMonth month, String publisher, String reason) {
    if (!reports.published(officeId, month)) {
      throw new IllegalArgumentException("No report of " + month + " to correct");
    }
    var outcome =
        reports.publish(offices.get(officeId), month, statistics.currentMonth(), publisher, reason);
    if (!outcome.ok()) {
      throw new IllegalArgumentException("Correction refused: " + outcome.errors().all());
    }
  }
}
