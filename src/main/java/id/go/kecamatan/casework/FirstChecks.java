package id.go.kecamatan.casework;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.Officer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first check of an application whose service has a second check ({@link
 * id.go.kecamatan.catalog.ServiceType#secondCheck()}): the first approval is recorded here and the
 * application stays in review until the second, by another officer ({@link Casework#approve}). A
 * change of the case clears it, so the next approval starts over.
 */
@Component
class FirstChecks {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  FirstChecks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The first check of the application, or {@code null} when none is recorded. */
  CaseFile.FirstCheck find(UUID officeId, ApplicationId id) {
    return jdbc.sql(
            """
            select staff_id, checked_at, checked_by from casework_first_check
            where office_id = ? and application_id = ?
            """)
        .params(officeId, id.value())
        .query(
            (rs, i) ->
                new CaseFile.FirstCheck(
                    rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3)))
        .optional()
        .orElse(null);
  }

  /** Records the officer's approval of the application as its first check. */
  void pass(Application application, Officer officer) {
    jdbc.sql(
            """
            insert into casework_first_check
              (application_id, office_id, staff_id, checked_at, checked_by)
            values (?, ?, ?, ?, ?)
            """)
        .params(
            application.id().value(),
            application.officeId(),
            officer.staffId(),
            Timestamp.from(clock.instant()),
            officer.fullName())
        .update();
    audit.record(
        application.officeId(),
        "casework.firstCheck.passed",
        "application",
        application.id(),
        Map.of("trackingCode", application.trackingCode().value()));
  }

  /**
   * Removes the first check of an application (rejected, sent back for completion, or a requirement
   * check changed): the next approval starts over. Recorded when there was one.
   */
  void clear(UUID officeId, ApplicationId id, String why) {
    int removed =
        jdbc.sql("delete from casework_first_check where office_id = ? and application_id = ?")
            .params(officeId, id.value())
            .update();
    if (removed > 0) {
      audit.record(officeId, "casework.firstCheck.cleared", "application", id, Map.of("why", why));
    }
  }
}
