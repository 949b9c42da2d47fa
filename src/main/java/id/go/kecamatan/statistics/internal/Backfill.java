package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the statistics of applications made before this module kept them: at start-up, for each
 * office not backfilled yet ({@code stat_backfill}), every application's fact is computed from its
 * timeline (the same step as the listeners', so running it twice or beside them counts nothing
 * twice). Letters, drafts and scans of that time are not backfilled: their events were never kept.
 */
@Component
class Backfill {

  private static final Logger log = LoggerFactory.getLogger(Backfill.class);

  private final Offices offices;
  private final Applications applications;
  private final StatisticsListeners listeners;
  private final JdbcClient jdbc;

  Backfill(
      Offices offices, Applications applications, StatisticsListeners listeners, JdbcClient jdbc) {
    this.offices = offices;
    this.applications = applications;
    this.listeners = listeners;
    this.jdbc = jdbc;
  }

  /** First among the start-up steps, so that later ones (the demo's reports) see the facts. */
  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(0)
  void onStart() {
    for (var regency : offices.regencies()) {
      for (Office office : offices.officesOf(regency.id())) {
        boolean known =
            jdbc.sql("select exists (select 1 from stat_backfill where office_id = ?)")
                .param(office.id())
                .query(Boolean.class)
                .single();
        if (!known) {
          int n = run(office);
          jdbc.sql("insert into stat_backfill values (?, now()) on conflict do nothing")
              .param(office.id())
              .update();
          if (n > 0) {
            log.info("Statistics backfilled {} applications of office {}", n, office.id());
          }
        }
      }
    }
  }

  /** Computes the facts of all the office's applications; returns how many. */
  int run(Office office) {
    List<ApplicationId> ids = applications.ids(office.id(), null);
    for (ApplicationId id : ids) {
      listeners.refresh(office.id(), id);
    }
    return ids.size();
  }
}
