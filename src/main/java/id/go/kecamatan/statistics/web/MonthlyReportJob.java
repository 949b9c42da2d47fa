package id.go.kecamatan.statistics.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.office.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes each active office's monthly report of the month before on the first working day of the
 * month (the office's own calendar: weekends, national holidays, cuti bersama and its closures do
 * not count), every morning on one node (ShedLock). A day the job did not run is caught up the next
 * morning; a month already published (by hand or by an earlier run) is left as it is, so the job is
 * idempotent and never makes a second version.
 */
@Component
class MonthlyReportJob {

  private static final Logger log = LoggerFactory.getLogger(MonthlyReportJob.class);

  private final MonthlyReports reports;
  private final Offices offices;
  private final WorkingCalendar calendar;
  private final Clock clock;

  MonthlyReportJob(MonthlyReports reports, Offices offices, WorkingCalendar calendar, Clock clock) {
    this.reports = reports;
    this.offices = offices;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Scheduled(cron = "${layanan.statistics.report-cron:0 15 6 * * *}", zone = "${layanan.time-zone}")
  @SchedulerLock(name = "statistics-monthly-report", lockAtMostFor = "PT1H")
  public void runOnOneNode() {
    LocalDate today = LocalDate.now(clock);
    int published = 0;
    for (Office office : active()) {
      try {
        if (publishDue(office, today).isPresent()) {
          published++;
        }
      } catch (RuntimeException e) {
        // one office's failure does not stop the others; tomorrow's run tries again
        log.error("Monthly report of {} not published", office.code(), e);
      }
    }
    for (Regency regency : offices.regencies()) {
      try {
        if (publishRegencyDue(regency, today).isPresent()) {
          published++;
        }
      } catch (RuntimeException e) {
        log.error("Consolidated report of {} not published", regency.code(), e);
      }
    }
    if (published > 0) {
      log.info("Monthly reports published automatically: {}", published);
    }
  }

  /**
   * The regency's consolidation of the month before {@code today}'s, once every active office of
   * the regency has its report of that month (so it follows the offices' reports, the same morning
   * or a later one), unless it is published already.
   */
  Optional<PublishedReport> publishRegencyDue(Regency regency, LocalDate today) {
    YearMonth current = YearMonth.from(today);
    YearMonth month = current.minusMonths(1);
    List<Office> list = offices.officesOf(regency.id()).stream().filter(Office::active).toList();
    if (list.isEmpty() || !list.stream().allMatch(o -> reports.published(o.id(), month))) {
      return Optional.empty();
    }
    return reports.publishRegencyFirst(regency, list, month, current);
  }

  private List<Office> active() {
    return offices.regencies().stream()
        .flatMap(r -> offices.officesOf(r.id()).stream())
        .filter(Office::active)
        .toList();
  }

  /**
   * The office's report of the month before {@code today}'s, when {@code today} is on or after the
   * month's first working day and none is published yet.
   */
  Optional<PublishedReport> publishDue(Office office, LocalDate today) {
    LocalDate firstWorkingDay = calendar.of(office.id()).nextOrSame(today.withDayOfMonth(1));
    if (today.isBefore(firstWorkingDay)) {
      return Optional.empty();
    }
    YearMonth current = YearMonth.from(today);
    return reports.publishFirst(office, current.minusMonths(1), current);
  }
}
