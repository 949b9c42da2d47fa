package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.complaints.ComplaintAnswered;
import id.go.kecamatan.complaints.ComplaintDetails;
import id.go.kecamatan.complaints.ComplaintFiled;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.ComplaintStatusChanged;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.statistics.Measure;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the complaint figures from the complaints module's events (ADR 0023): a complaint is
 * counted received once, in the month it was received, at the office that holds it (a forward
 * within the regency moves the count to the receiving office); answered once, at its first public
 * answer, in the month of that answer, and on time when that day was on or before the answer
 * deadline in force (the event carries both days). Each step is guarded by the row of {@code
 * stat_complaint}, so a redelivered event counts nothing twice. The complaint's category and kind
 * are read through {@link Complaints#forReporter} (the reporter's view: no contact, no notes).
 */
@Component
public class ComplaintFigures {

  private final Complaints complaints;
  private final Offices offices;
  private final FactStore facts;
  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  ComplaintFigures(
      Complaints complaints,
      Offices offices,
      FactStore facts,
      JdbcClient jdbc,
      java.time.Clock clock) {
    this.clock = clock;
    this.complaints = complaints;
    this.offices = offices;
    this.facts = facts;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(ComplaintFiled event) {
    received(event.trackingCode());
  }

  @ApplicationModuleListener
  void on(ComplaintStatusChanged event) {
    Optional<ComplaintDetails> found = received(event.trackingCode());
    if (found.isEmpty()) {
      return;
    }
    ComplaintDetails d = found.get();
    // a forward (Diterima -> Diterima) moves the received count to the receiving office
    UUID now = event.officeId();
    jdbc.sql("select office_id, month from stat_complaint where complaint_id = ? for update")
        .param(d.id())
        .query(
            (rs, i) ->
                new Object[] {
                  rs.getObject(1, UUID.class), YearMonth.from(rs.getObject(2, LocalDate.class))
                })
        .optional()
        .filter(row -> !now.equals(row[0]))
        .ifPresent(
            row -> {
              jdbc.sql("update stat_complaint set office_id = ? where complaint_id = ?")
                  .params(now, d.id())
                  .update();
              count((UUID) row[0], (YearMonth) row[1], Measure.COMPLAINTS_RECEIVED, -1);
              count(now, (YearMonth) row[1], Measure.COMPLAINTS_RECEIVED, 1);
            });
    if (event.change().to() == ComplaintStatus.VERIFIED || d.categoryId() != null) {
      jdbc.sql(
              """
              update stat_complaint set category_id = ?, category_name = ?, kind = ?
              where complaint_id = ?
              """)
          .params(d.categoryId(), cut(d.categoryName()), d.kind().name(), d.id())
          .update();
    }
  }

  @ApplicationModuleListener
  void on(ComplaintAnswered event) {
    if (event.correction() || received(event.trackingCode()).isEmpty()) {
      return;
    }
    YearMonth month = YearMonth.from(event.answeredOn());
    boolean onTime = event.withinDeadline();
    int updated =
        jdbc.sql(
                """
                update stat_complaint set answered_at = ?, answered_month = ?, answer_due = ?,
                  on_time = ?
                where complaint_id = ? and answered_at is null
                """)
            .params(
                Timestamp.from(event.at()),
                month.atDay(1),
                event.answerDue(),
                onTime,
                event.complaintId())
            .update();
    if (updated == 1) {
      UUID office = officeOf(event.complaintId());
      count(office, month, Measure.COMPLAINTS_ANSWERED, 1);
      if (onTime) {
        count(office, month, Measure.COMPLAINTS_ANSWERED_ON_TIME, 1);
      }
    }
  }

  /**
   * The complaint, counted received if it was not yet.
   *
   * @return empty when the complaints module no longer knows the code
   */
  @Transactional
  public Optional<ComplaintDetails> received(String trackingCode) {
    Optional<ComplaintDetails> found = complaints.forReporter(trackingCode);
    found.ifPresent(
        d -> {
          YearMonth month = ApplicationFact.month(d.receivedAt(), clock.getZone());
          int inserted =
              jdbc.sql(
                      """
                      insert into stat_complaint (complaint_id, office_id, regency_id, category_id,
                        category_name, kind, received_at, month)
                      values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                      """)
                  .params(
                      d.id(),
                      d.officeId(),
                      offices.get(d.officeId()).regencyId(),
                      d.categoryId(),
                      cut(d.categoryName()),
                      d.kind().name(),
                      Timestamp.from(d.receivedAt()),
                      month.atDay(1))
                  .update();
          if (inserted == 1) {
            count(d.officeId(), month, Measure.COMPLAINTS_RECEIVED, 1);
          }
        });
    return found;
  }

  private UUID officeOf(UUID complaintId) {
    return jdbc.sql("select office_id from stat_complaint where complaint_id = ?")
        .param(complaintId)
        .query(UUID.class)
        .single();
  }

  private void count(UUID officeId, YearMonth month, Measure measure, int n) {
    facts.count(
        officeId,
        new FactStore.Dimensions(offices.get(officeId).regencyId(), null, null, null),
        month,
        Map.of(measure, (long) n));
  }

  private static String cut(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }
}
