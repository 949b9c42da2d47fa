package id.go.kecamatan.demo;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.statistics.ReportPublishing;
import id.go.kecamatan.statistics.Statistics;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo offices' published monthly reports of the last three months, so a new user finds them on
 * the transparency page: version 1 of each month, frozen as the monthly report job freezes them,
 * and for the first demo office (Jetis) a correction of the month before last as version 2, after
 * three paper survey forms of that month were keyed in late (its reason says so, and its IKM
 * differs). Published once the application's events of the freshly loaded demo have been handled
 * (the figures come from counts kept by those events), and only when the demo has no report of
 * those months yet.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoReports {

  private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

  /** How long to wait at most for the demo's events to be handled before publishing. */
  private static final Duration EVENTS = Duration.ofSeconds(120);

  static final String CORRECTION =
      "Tiga kuesioner SKM kertas bulan ini baru dimasukkan setelah laporan terbit;"
          + " jumlah responden dan IKM dihitung ulang.";

  /** How many ended months the demo publishes. */
  static final int MONTHS = 3;

  private final Offices offices;
  private final ReportPublishing reports;
  private final Statistics statistics;
  private final DemoSurveys surveys;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;

  DemoReports(
      Offices offices,
      ReportPublishing reports,
      Statistics statistics,
      DemoSurveys surveys,
      TransactionTemplate transactions,
      JdbcClient jdbc) {
    this.offices = offices;
    this.reports = reports;
    this.statistics = statistics;
    this.surveys = surveys;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /** After the statistics' own start-up backfill (ordered before). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void publish() {
    List<Office> demo =
        DemoData.OFFICES.stream()
            .map(
                o ->
                    jdbc.sql("select id from office where code = ?")
                        .param(o.code())
                        .query(java.util.UUID.class)
                        .optional())
            .flatMap(Optional::stream)
            .map(offices::get)
            .toList();
    YearMonth current = statistics.currentMonth();
    YearMonth first = current.minusMonths(MONTHS);
    if (demo.size() < 2 || hasReport(demo.get(1), first)) {
      return;
    }
    awaitEvents();
    boolean corrected = false;
    for (Office office : demo) {
      for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
        boolean now = reports.publishFirst(office.id(), month);
        corrected |= now && office.equals(demo.get(1)) && month.equals(current.minusMonths(2));
      }
    }
    if (corrected) {
      Office office = demo.get(1);
      YearMonth month = current.minusMonths(2);
      transactions.executeWithoutResult(
          tx -> surveys.lateResponses(office, 1, workingDay(month), 3));
      awaitEvents();
      reports.correct(office.id(), month, "Admin " + office.displayName(), CORRECTION);
    }
    log.info("Demo monthly reports published from {} for {} offices", first, demo.size());
  }

  private boolean hasReport(Office office, YearMonth month) {
    return jdbc.sql("select exists (select 1 from stat_report where office_id = ? and month = ?)")
        .params(office.id(), month.atDay(1))
        .query(Boolean.class)
        .single();
  }

  /** Waits until every event published so far has been handled by its listeners (bounded). */
  private void awaitEvents() {
    long until = System.nanoTime() + EVENTS.toNanos();
    while (System.nanoTime() < until) {
      long open =
          jdbc.sql("select count(*) from event_publication where completion_date is null")
              .query(Long.class)
              .single();
      if (open == 0) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.warn("Demo reports: events still being handled after {}; publishing anyway", EVENTS);
  }

  /** The 20th of the month or the working day after it. */
  private static LocalDate workingDay(YearMonth month) {
    LocalDate day = month.atDay(20);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }
}
