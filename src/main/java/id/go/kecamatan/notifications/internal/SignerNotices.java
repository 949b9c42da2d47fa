package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SignerProfile;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.Recipients;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The signers' notice of letters awaiting signature (surat menunggu tanda tangan), every morning at
 * the digest's time ({@code layanan.notifications.digest-cron}), on one node at a time (ShedLock):
 * to each signer who may sign that day ({@link LetterSigning#signersOn}: the Camat, and the Sekcam
 * or another official only while a delegation covers the day) and has an e-mail address on their
 * account. It says how many approved applications wait for their letter, the earliest deadline, the
 * first {@value #MAX_LINES} of them nearest deadline first (tracking code, service, deadline) with
 * the number of the others, and the link to the signing queue.
 *
 * <p>Nothing awaiting, no message. One message per signer and day (idempotency key {@code
 * signing.awaiting:<staff id>:<day>}), so a second run of the same day sends nothing new.
 */
@Component
class SignerNotices {

  /** The most letters listed one by one; the others are counted. */
  static final int MAX_LINES = 20;

  private final Offices offices;
  private final LetterSigning signing;
  private final StaffAccounts accounts;
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  SignerNotices(
      Offices offices,
      LetterSigning signing,
      StaffAccounts accounts,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      JdbcClient jdbc,
      Clock clock) {
    this.offices = offices;
    this.signing = signing;
    this.accounts = accounts;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.notifications.digest-cron:0 0 6 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "notification-signer-notice", lockAtMostFor = "PT30M")
  void run() {
    DailyMessages.forEachOffice(offices, clock, notifications, this::notices, "Signer notices");
  }

  /** Queues the notices of an office for a day; returns how many were new. */
  int send(Office office, LocalDate day) {
    return DailyMessages.queue(notifications, notices(office, day));
  }

  /** An approved application waiting for its letter. */
  record Waiting(String trackingCode, String service, LocalDate deadline) {}

  /** The office's approved applications, nearest deadline first, at most {@code limit}. */
  record Queue(List<Waiting> first, long total) {}

  Queue queue(UUID officeId, int limit) {
    record Row(Waiting waiting, long total) {}
    List<Row> rows =
        jdbc.sql(
                """
                select a.tracking_code, s.name, a.deadline, count(*) over ()
                from application a
                  join service_type s on s.id = a.service_id and s.office_id = a.office_id
                where a.office_id = ? and a.status = ?
                order by a.deadline, a.submitted_at, a.tracking_code
                limit ?
                """)
            .params(officeId, ApplicationStatus.APPROVED.name(), limit)
            .query(
                (rs, i) ->
                    new Row(
                        new Waiting(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()),
                        rs.getLong(4)))
            .list();
    return new Queue(
        rows.stream().map(Row::waiting).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
  }

  /**
   * The notices of an office on a day, one per signer who may sign that day and has a valid e-mail
   * address; none when nothing awaits signature.
   */
  List<OutgoingMessage> notices(Office office, LocalDate day) {
    List<SignerProfile> signers = signing.signersOn(office.id(), day);
    if (signers.isEmpty()) {
      return List.of();
    }
    Map<UUID, Staff> staff =
        accounts.staffOf(office.id()).stream()
            .collect(Collectors.toMap(Staff::id, Function.identity()));
    List<OutgoingMessage> messages = new ArrayList<>();
    Queue queue = null;
    for (SignerProfile signer : signers) {
      Staff account = staff.get(signer.staffId());
      Optional<Recipient> to =
          account == null || account.email() == null
              ? Optional.empty()
              : Recipients.of(Channel.EMAIL, account.email());
      if (to.isEmpty()) {
        continue;
      }
      if (queue == null) {
        queue = queue(office.id(), MAX_LINES);
        if (queue.total() == 0) {
          return List.of();
        }
      }
      Map<String, String> values = new LinkedHashMap<>();
      values.put(Placeholder.SIGNER, signer.fullName());
      values.put(Placeholder.OFFICE, office.displayName());
      values.put(Placeholder.DAY, Formats.longDate(day, SampleValues.INDONESIAN));
      values.put(Placeholder.AWAITING_SIGNATURE, String.valueOf(queue.total()));
      values.put(
          Placeholder.EARLIEST_DEADLINE,
          Formats.longDate(queue.first().get(0).deadline(), SampleValues.INDONESIAN));
      values.put(Placeholder.LETTERS, list(queue.first(), queue.total()));
      values.put(Placeholder.SIGNING_LINK, links.signingQueue());
      MessageTemplates.Rendered message =
          templates.render(office.id(), MessageKind.SIGNING_AWAITING, Channel.EMAIL, values);
      messages.add(
          new OutgoingMessage(
              office.id(),
              MessageKind.SIGNING_AWAITING.code(),
              to.get(),
              message.subject(),
              message.text(),
              MessageKind.SIGNING_AWAITING.code() + ":" + signer.staffId() + ":" + day));
    }
    return messages;
  }

  /**
   * The lines of {@link Placeholder#LETTERS}: one per letter as given, then how many of {@code
   * total} were left out.
   */
  static String list(List<Waiting> shown, long total) {
    String line = DefaultTemplates.fragment(MessageKind.SIGNING_AWAITING, "list.line");
    List<String> lines = new ArrayList<>();
    for (Waiting w : shown) {
      lines.add(
          MessageTemplate.render(
              line,
              Map.of(
                  Placeholder.TRACKING_CODE,
                  w.trackingCode(),
                  Placeholder.SERVICE,
                  w.service(),
                  Placeholder.DEADLINE,
                  Formats.longDate(w.deadline(), SampleValues.INDONESIAN))));
    }
    if (total > shown.size()) {
      lines.add(
          MessageTemplate.render(
              DefaultTemplates.fragment(MessageKind.SIGNING_AWAITING, "list.more"),
              Map.of("jumlah", String.valueOf(total - shown.size()))));
    }
    return String.join("\n", lines);
  }
}
