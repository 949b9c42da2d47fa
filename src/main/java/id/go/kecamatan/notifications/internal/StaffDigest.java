package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.web.Formats;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The staff's daily digest (ringkasan harian) per office, every morning ({@code
 * layanan.notifications.digest-cron}, 06:00 Western Indonesian Time unless configured), on one node
 * of a deployment at a time (ShedLock): the applications received the day before, those due within
 * two working days, the overdue ones (clock running, deadline passed) and the letters awaiting
 * signature.
 *
 * <p>Staff accounts carry no e-mail address, so the digest goes to the office's e-mail address
 * ({@link Office#email()}), which lands in the office's message list; an office without one gets no
 * digest, and neither does a day with nothing to report. One digest per office and day (idempotency
 * key).
 */
@Component
class StaffDigest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final Offices offices;
  private final WorkingCalendar calendar;
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  StaffDigest(
      Offices offices,
      WorkingCalendar calendar,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      JdbcClient jdbc,
      Clock clock) {
    this.offices = offices;
    this.calendar = calendar;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(cron = "${layanan.notifications.digest-cron:0 0 6 * * *}", zone = "Asia/Jakarta")
  @SchedulerLock(name = "notification-digest", lockAtMostFor = "PT30M")
  void run() {
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    for (Office office : offices.activeOffices()) {
      digest(office, today).ifPresent(notifications::enqueue);
    }
  }

  /** The figures of an office on a day. */
  record Figures(long received, long dueSoon, long overdue, long awaitingSignature) {
    boolean any() {
      return received + dueSoon + overdue + awaitingSignature > 0;
    }
  }

  Figures figures(Office office, LocalDate today) {
    LocalDate soon = calendar.of(office.id()).plus(today, 2);
    return jdbc.sql(
            """
            select
              count(*) filter (where submitted_at >= :since and submitted_at < :until),
              count(*) filter (where status in ('SUBMITTED', 'IN_REVIEW')
                               and deadline >= :today and deadline <= :soon),
              count(*) filter (where status in ('SUBMITTED', 'IN_REVIEW') and deadline < :today),
              count(*) filter (where status = 'APPROVED')
            from application where office_id = :office
            """)
        .param("since", Timestamp.from(today.minusDays(1).atStartOfDay(WIB).toInstant()))
        .param("until", Timestamp.from(today.atStartOfDay(WIB).toInstant()))
        .param("today", today)
        .param("soon", soon)
        .param("office", office.id())
        .query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  /** The digest of an office on a day; empty without an office e-mail or anything to report. */
  Optional<OutgoingMessage> digest(Office office, LocalDate today) {
    if (office.email() == null || office.email().isBlank()) {
      return Optional.empty();
    }
    Figures figures = figures(office, today);
    if (!figures.any()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Placeholder.OFFICE, office.displayName());
    values.put(Placeholder.DAY, Formats.longDate(today, SampleValues.INDONESIAN));
    values.put(Placeholder.NEW, String.valueOf(figures.received()));
    values.put(Placeholder.DUE_SOON, String.valueOf(figures.dueSoon()));
    values.put(Placeholder.OVERDUE, String.valueOf(figures.overdue()));
    values.put(Placeholder.AWAITING_SIGNATURE, String.valueOf(figures.awaitingSignature()));
    values.put(Placeholder.ADMIN_LINK, links.worklist());
    MessageTemplates.Rendered message =
        templates.render(office.id(), MessageKind.STAFF_DIGEST, Channel.EMAIL, values);
    return Optional.of(
        new OutgoingMessage(
            office.id(),
            MessageKind.STAFF_DIGEST.code(),
            new Recipient(Channel.EMAIL, office.email().strip()),
            message.subject(),
            message.text(),
            MessageKind.STAFF_DIGEST.code() + ":" + office.id() + ":" + today));
  }
}
