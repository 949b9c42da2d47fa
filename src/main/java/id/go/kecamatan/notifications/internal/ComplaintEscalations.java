package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.complaints.ComplaintWorklist;
import id.go.kecamatan.letters.SignerPosition;
import id.go.kecamatan.letters.SignerProfiles;
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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalation of complaints: every morning at the digest's time, on one node (ShedLock), the Camat
 * and the Sekcam of each office (the signers whose profile holds that position, with an e-mail
 * address) get the office's complaints overdue (verification or answer deadline passed, clock
 * running): how many, the first {@value #MAX_LINES} oldest deadline first, and the link to the
 * worklist filtered to them. Nothing overdue, no message; one per official and day (key {@code
 * complaints.overdue:<staff id>:<day>}).
 */
@Component
class ComplaintEscalations {

  static final int MAX_LINES = 20;

  private final Offices offices;
  private final SignerProfiles signers;
  private final ComplaintWorklist worklist;
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final Clock clock;

  ComplaintEscalations(
      Offices offices,
      SignerProfiles signers,
      ComplaintWorklist worklist,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      Clock clock) {
    this.offices = offices;
    this.signers = signers;
    this.worklist = worklist;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.notifications.digest-cron:0 0 6 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "notification-complaint-escalation", lockAtMostFor = "PT30M")
  void run() {
    DailyMessages.forEachOffice(
        offices, clock, notifications, this::messages, "Complaint escalations");
  }

  /** Queues the office's escalations of a day; returns how many were new. */
  int send(Office office, LocalDate day) {
    return DailyMessages.queue(notifications, messages(office, day));
  }

  List<OutgoingMessage> messages(Office office, LocalDate day) {
    ComplaintWorklist.OverdueList overdue = null;
    List<OutgoingMessage> messages = new ArrayList<>();
    for (SignerProfiles.Signer signer : signers.signers(office.id())) {
      if (signer.profile() == null
          || (signer.profile().position() != SignerPosition.CAMAT
              && signer.profile().position() != SignerPosition.SEKCAM)) {
        continue;
      }
      Optional<Recipient> to =
          signer.staff().email() == null
              ? Optional.empty()
              : Recipients.of(Channel.EMAIL, signer.staff().email());
      if (to.isEmpty()) {
        continue;
      }
      if (overdue == null) {
        overdue = worklist.overdue(office.id(), day, MAX_LINES);
        if (overdue.total() == 0) {
          return List.of();
        }
      }
      Map<String, String> values = new LinkedHashMap<>();
      values.put(Placeholder.SIGNER, signer.staff().fullName());
      values.put(Placeholder.OFFICE, office.displayName());
      values.put(Placeholder.DAY, Formats.longDate(day, SampleValues.INDONESIAN));
      values.put(Placeholder.OVERDUE, String.valueOf(overdue.total()));
      values.put(Placeholder.COMPLAINTS, list(overdue.first(), overdue.total()));
      values.put(Placeholder.COMPLAINTS_LINK, links.overdueComplaints());
      MessageTemplates.Rendered message =
          templates.render(office.id(), MessageKind.COMPLAINTS_OVERDUE, Channel.EMAIL, values);
      messages.add(
          new OutgoingMessage(
              office.id(),
              MessageKind.COMPLAINTS_OVERDUE.code(),
              to.get(),
              message.subject(),
              message.text(),
              MessageKind.COMPLAINTS_OVERDUE.code() + ":" + signer.staff().id() + ":" + day));
    }
    return messages;
  }

  /** One line per complaint as given, then how many of {@code total} were left out. */
  static String list(List<ComplaintWorklist.Overdue> shown, long total) {
    String line = DefaultTemplates.fragment(MessageKind.COMPLAINTS_OVERDUE, "list.line");
    List<String> lines = new ArrayList<>();
    for (ComplaintWorklist.Overdue o : shown) {
      lines.add(
          MessageTemplate.render(
              line,
              Map.of(
                  Placeholder.COMPLAINT_CODE,
                  o.trackingCode(),
                  "kategori",
                  o.categoryName(),
                  Placeholder.DEADLINE,
                  Formats.longDate(o.due(), SampleValues.INDONESIAN))));
    }
    if (total > shown.size()) {
      lines.add(
          MessageTemplate.render(
              DefaultTemplates.fragment(MessageKind.COMPLAINTS_OVERDUE, "list.more"),
              Map.of("jumlah", String.valueOf(total - shown.size()))));
    }
    return String.join("\n", lines);
  }
}
