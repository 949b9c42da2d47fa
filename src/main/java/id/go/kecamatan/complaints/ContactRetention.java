package id.go.kecamatan.complaints;

import id.go.kecamatan.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the reporter's contact data (name, phone number, e-mail address) from complaints closed
 * (Selesai, Ditolak, Bukan wewenang, Duplikat) longer than {@code
 * layanan.complaints.contact-retention} ago (default 365 days, Signalen's minimum), every night on
 * one node (ShedLock). The complaint itself, its thread and its history stay for the statistics;
 * the reporter can still open it with the secret, no longer with the phone digits.
 */
@Component
public class ContactRetention {

  private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration retention;

  ContactRetention(
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      @Value("${layanan.complaints.contact-retention:P365D}") Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("layanan.complaints.contact-retention must be positive");
    }
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.retention = retention;
  }

  @Scheduled(
      cron = "${layanan.complaints.retention-cron:0 50 1 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "complaint-contact-retention", lockAtMostFor = "PT30M")
  public void runOnOneNode() {
    int removed = purge();
    if (removed > 0) {
      log.info("Complaint contact retention: contact data removed from {} complaints", removed);
    }
  }

  /** Removes the contact data that are due; returns from how many complaints. */
  @Transactional
  public int purge() {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp before = Timestamp.from(clock.instant().minus(retention));
    int removed =
        jdbc.sql(
                """
                update complaint set reporter_name = null, phone = null, email = null,
                  phone_last4 = null, contact_removed_at = ?
                where contact_removed_at is null and closed_at < ?
                  and status in ('CLOSED', 'REJECTED', 'NOT_OUR_AUTHORITY', 'DUPLICATE')
                """)
            .params(now, before)
            .update();
    if (removed > 0) {
      audit.record(
          null,
          "complaint.contacts.removed",
          "complaint",
          null,
          Map.of("count", removed, "retention", retention.toString()));
    }
    return removed;
  }
}
