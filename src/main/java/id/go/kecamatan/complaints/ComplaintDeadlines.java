package id.go.kecamatan.complaints;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.complaints.internal.ComplaintStore;
import id.go.kecamatan.office.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complaints' clocks that move without anyone acting, every morning on one node (ShedLock): a
 * complaint whose reporter did not reply within {@value Complaint#REPLY_DAYS} working days goes on
 * (Diproses, the clock running again), and an answered complaint without the reporter's reaction
 * within {@value Complaint#REACTION_DAYS} working days is closed (Selesai). Each in a transaction
 * of its own, audited and published like an officer's step.
 */
@Component
public class ComplaintDeadlines {

  private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlines.class);

  private final ComplaintStore store;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final Clock clock;

  ComplaintDeadlines(
      ComplaintStore store,
      WorkingCalendar calendar,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      Clock clock) {
    this.store = store;
    this.calendar = calendar;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.complaints.deadlines-cron:0 15 0 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "complaint-deadlines", lockAtMostFor = "PT30M")
  public void runOnOneNode() {
    int moved = run();
    if (moved > 0) {
      log.info("Complaint deadlines: {} complaints moved on", moved);
    }
  }

  /**
   * How many working days before an answered complaint closes without a reaction its reporter is
   * reminded (the last day of the window counted as the first).
   */
  public static final int CLOSING_NOTICE_DAYS = 2;

  @Scheduled(
      cron = "${layanan.complaints.reminders-cron:0 30 7 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "complaint-reminders", lockAtMostFor = "PT30M")
  public void remindOnOneNode() {
    int reminded = remindClosingSoon();
    if (reminded > 0) {
      log.info(
          "Complaint reminders: {} reporters reminded that their complaint closes soon", reminded);
    }
  }

  /**
   * Reminds the reporter of every answered complaint whose window for feedback ends within {@value
   * #CLOSING_NOTICE_DAYS} working days of the office's calendar (today included), once per window:
   * publishes {@link ComplaintClosingSoon}, which the notifications turn into a message when a
   * contact was given. Returns how many.
   */
  public int remindClosingSoon() {
    LocalDate today = LocalDate.now(clock);
    int reminded = 0;
    for (UUID office :
        jdbc.sql(
                "select distinct office_id from complaint where status = 'ANSWERED' and reply_due >= ?")
            .param(today)
            .query(UUID.class)
            .list()) {
      LocalDate until = calendar.of(office).plus(today, CLOSING_NOTICE_DAYS - 1);
      reminded +=
          transactions.execute(
              status -> {
                List<ComplaintClosingSoon> due =
                    jdbc.sql(
                            """
                            update complaint set closing_notice_for = reply_due
                            where office_id = ? and status = 'ANSWERED'
                              and reply_due >= ? and reply_due <= ?
                              and closing_notice_for is distinct from reply_due
                            returning id, tracking_code, reply_due
                            """)
                        .params(office, today, until)
                        .query(
                            (rs, i) ->
                                new ComplaintClosingSoon(
                                    office,
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2),
                                    rs.getObject(3, LocalDate.class)))
                        .list();
                for (ComplaintClosingSoon event : due) {
                  audit.record(
                      office,
                      "complaint.closing.reminded",
                      "complaint",
                      event.complaintId(),
                      Map.of("code", event.trackingCode(), "lastDay", event.lastDay().toString()));
                  events.publishEvent(event);
                }
                return due.size();
              });
    }
    return reminded;
  }

  /** Moves on every complaint whose reporter's time passed; returns how many. */
  public int run() {
    LocalDate today = LocalDate.now(clock);
    int moved = 0;
    for (UUID id : store.inStatus(ComplaintStatus.AWAITING_REPORTER, today)) {
      moved += step(id, "complaint.reply.expired", false) ? 1 : 0;
    }
    for (UUID id : store.inStatus(ComplaintStatus.ANSWERED, today)) {
      moved += step(id, "complaint.closed.silence", true) ? 1 : 0;
    }
    return moved;
  }

  private boolean step(UUID id, String action, boolean close) {
    Boolean done =
        transactions.execute(
            status -> {
              Optional<UUID> office = store.officeOf(id);
              Optional<Complaint> locked = office.flatMap(o -> store.lock(o, id));
              if (locked.isEmpty()) {
                return false;
              }
              Complaint c = locked.get();
              Instant now = clock.instant();
              LocalDate today = LocalDate.now(clock);
              boolean changed =
                  close
                      ? c.closeAfterSilence(now, today)
                      : c.replyWindowPassed(now, today, calendar.of(c.officeId()));
              if (!changed) {
                return false;
              }
              store.save(c);
              String code = store.details(c.officeId(), id).orElseThrow().trackingCode();
              audit.record(c.officeId(), action, "complaint", id, Map.of("code", code));
              for (Complaint.StatusChange change : c.pendingChanges()) {
                events.publishEvent(new ComplaintStatusChanged(c.officeId(), id, code, change));
              }
              return true;
            });
    return Boolean.TRUE.equals(done);
  }
}
