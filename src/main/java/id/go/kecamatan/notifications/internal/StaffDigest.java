package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.Recipients;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Formats;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Recipients: the office's e-mail address ({@link Office#email()}, the shared mailbox it had
 * before staff had addresses), and the address of every active account of the office that works on
 * the office's applications as a whole: office admins, verifiers and front office ({@link
 * #CASEWORK}). Village operators are left out: the figures are the whole office's, not their
 * village's; signers who hold none of these roles get their own notice ({@link SignerNotices}). An
 * address shared by several of them gets the digest once. No recipient or nothing to report, no
 * digest. One digest per recipient and day: the idempotency key {@code staff.digest:<office
 * id>:<day>} with the outbox's uniqueness per channel and recipient.
 */
@Component
class StaffDigest {

  /** The roles whose holders get the digest at their own address. */
  static final Set<Role> CASEWORK = EnumSet.of(Role.OFFICE_ADMIN, Role.VERIFIER, Role.FRONT_OFFICE);

  private final Offices offices;
  private final StaffAccounts accounts;
  private final WorkingCalendar calendar;
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  StaffDigest(
      Offices offices,
      StaffAccounts accounts,
      WorkingCalendar calendar,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      JdbcClient jdbc,
      Clock clock) {
    this.offices = offices;
    this.accounts = accounts;
    this.calendar = calendar;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.notifications.digest-cron:0 0 6 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "notification-digest", lockAtMostFor = "PT30M")
  void run() {
    DailyMessages.forEachOffice(offices, clock, notifications, this::digests, "Daily digest");
  }

  /** Queues the digests of an office for a day; returns how many were new. */
  int send(Office office, LocalDate today) {
    return DailyMessages.queue(notifications, digests(office, today));
  }

  /**
   * Where the office's digest goes: the office's address, then each active caseworker's own, each
   * address once (compared as the outbox stores it); addresses that are not valid are left out.
   */
  List<Recipient> recipients(Office office) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    List<String> addresses = new ArrayList<>();
    addresses.add(office.email());
    for (Staff staff : accounts.staffOf(office.id())) {
      if (staff.active()
          && staff.email() != null
          && staff.roles().stream().anyMatch(CASEWORK::contains)) {
        addresses.add(staff.email());
      }
    }
    for (String address : addresses) {
      if (address != null && !address.isBlank()) {
        Recipients.of(Channel.EMAIL, address)
            .ifPresent(to -> byAddress.putIfAbsent(to.address(), to));
      }
    }
    return List.copyOf(byAddress.values());
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
        .param(
            "since", Timestamp.from(today.minusDays(1).atStartOfDay(clock.getZone()).toInstant()))
        .param("until", Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant()))
        .param("today", today)
        .param("soon", soon)
        .param("office", office.id())
        .query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  /**
   * The digest of an office on a day, one message per recipient; none without a recipient or
   * anything to report.
   */
  List<OutgoingMessage> digests(Office office, LocalDate today) {
    List<Recipient> recipients = recipients(office);
    if (recipients.isEmpty()) {
      return List.of();
    }
    Figures figures = figures(office, today);
    if (!figures.any()) {
      return List.of();
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
    String key = MessageKind.STAFF_DIGEST.code() + ":" + office.id() + ":" + today;
    return recipients.stream()
        .map(
            to ->
                new OutgoingMessage(
                    office.id(),
                    MessageKind.STAFF_DIGEST.code(),
                    to,
                    message.subject(),
                    message.text(),
                    key))
        .toList();
  }
}
