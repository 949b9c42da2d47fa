package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.content.Announcement;
import id.go.kecamatan.content.Announcements;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.Recipients;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The review reminder of an announcement (pengingat tinjau pengumuman): every morning at the
 * digest's time, on one node (ShedLock), the author of each announcement whose review date has come
 * and which still shows (or will) gets an e-mail asking to check it, once per review date (key
 * {@code announcement.review:<id>:<review date>}), so moving the review date asks again on the new
 * one. An author without an address, or no longer active, is replaced by the office's address (an
 * office's announcement) or nobody (the regency's).
 */
@Component
class AnnouncementReviews {

  private static final Logger log = LoggerFactory.getLogger(AnnouncementReviews.class);

  private final Offices offices;
  private final Announcements announcements;
  private final StaffAccounts accounts;
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final Clock clock;

  AnnouncementReviews(
      Offices offices,
      Announcements announcements,
      StaffAccounts accounts,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      Clock clock) {
    this.offices = offices;
    this.announcements = announcements;
    this.accounts = accounts;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.notifications.digest-cron:0 0 6 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "notification-announcement-review", lockAtMostFor = "PT30M")
  void run() {
    DailyMessages.forEachOffice(
        offices, clock, notifications, this::messages, "Announcement reviews");
    LocalDate today = LocalDate.now(clock);
    for (Regency regency : offices.regencies()) {
      try {
        DailyMessages.queue(notifications, regencyMessages(regency, today));
      } catch (RuntimeException e) {
        log.error("Announcement reviews of regency {} failed", regency.id(), e);
      }
    }
  }

  /** The reminders of an office's own announcements due on a day. */
  List<OutgoingMessage> messages(Office office, LocalDate day) {
    List<OutgoingMessage> messages = new ArrayList<>();
    for (Announcement a : announcements.dueForReview(office.regencyId(), office.id(), day)) {
      Optional<Staff> author = author(() -> accounts.get(office.id(), a.authorId()));
      Optional<Recipient> to =
          author
              .map(Staff::email)
              .flatMap(e -> Recipients.of(Channel.EMAIL, e))
              .or(
                  () ->
                      office.email() == null
                          ? Optional.empty()
                          : Recipients.of(Channel.EMAIL, office.email()));
      to.ifPresent(
          r ->
              messages.add(
                  message(
                      office.id(),
                      office.displayName(),
                      a,
                      author.map(Staff::fullName).orElse(office.displayName()),
                      r,
                      links.announcements())));
    }
    return messages;
  }

  /** The reminders of a regency's own announcements (for all its offices) due on a day. */
  List<OutgoingMessage> regencyMessages(Regency regency, LocalDate day) {
    List<OutgoingMessage> messages = new ArrayList<>();
    for (Announcement a : announcements.dueForReview(regency.id(), null, day)) {
      Optional<Staff> author = author(() -> accounts.ofRegency(regency.id(), a.authorId()));
      author
          .map(Staff::email)
          .flatMap(e -> Recipients.of(Channel.EMAIL, e))
          .ifPresent(
              r ->
                  messages.add(
                      message(
                          null,
                          regency.name(),
                          a,
                          author.get().fullName(),
                          r,
                          links.regencyAnnouncements())));
    }
    return messages;
  }

  private OutgoingMessage message(
      UUID officeId,
      String officeName,
      Announcement a,
      String authorName,
      Recipient to,
      String link) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Placeholder.AUTHOR, authorName);
    values.put(Placeholder.OFFICE, officeName);
    values.put(Placeholder.ANNOUNCEMENT_TITLE, a.title());
    values.put(Placeholder.DAY, Formats.longDate(a.reviewOn(), SampleValues.INDONESIAN));
    values.put(
        Placeholder.ANNOUNCEMENT_ENDS, Formats.longDate(a.endsOn(), SampleValues.INDONESIAN));
    values.put(Placeholder.ANNOUNCEMENT_LINK, link + "/" + a.id());
    MessageTemplates.Rendered rendered =
        templates.render(officeId, MessageKind.ANNOUNCEMENT_REVIEW, Channel.EMAIL, values);
    return new OutgoingMessage(
        officeId,
        MessageKind.ANNOUNCEMENT_REVIEW.code(),
        to,
        rendered.subject(),
        rendered.text(),
        MessageKind.ANNOUNCEMENT_REVIEW.code() + ":" + a.id() + ":" + a.reviewOn());
  }

  private static Optional<Staff> author(java.util.function.Supplier<Staff> find) {
    try {
      return Optional.of(find.get()).filter(Staff::active);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
