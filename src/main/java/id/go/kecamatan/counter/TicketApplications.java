package id.go.kecamatan.counter;

import id.go.kecamatan.application.CounterVisitApplied;
import id.go.kecamatan.audit.AuditTrail;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links a ticket to the application entered from it at the counter: the intake carries the ticket
 * into the application, and the application module tells the counter when it is submitted (ADR
 * 0029). A ticket of another office is never linked.
 */
@Component
class TicketApplications {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  TicketApplications(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @ApplicationModuleListener
  void on(CounterVisitApplied applied) {
    int linked =
        jdbc.sql(
                """
                update ticket set application_id = ?, application_code = ?, version = version + 1
                where id = ? and office_id = ?
                """)
            .params(
                applied.applicationId().value(),
                applied.trackingCode(),
                applied.ticketId(),
                applied.officeId())
            .update();
    if (linked > 0) {
      audit.record(
          applied.officeId(),
          "counter.ticket.application",
          "ticket",
          applied.ticketId(),
          Map.of("trackingCode", applied.trackingCode()));
    }
  }
}
