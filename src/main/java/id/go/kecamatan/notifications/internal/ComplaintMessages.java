package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.complaints.ComplaintAnswered;
import id.go.kecamatan.complaints.ComplaintClosingSoon;
import id.go.kecamatan.complaints.ComplaintFiled;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.ComplaintStatusChanged;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Formats;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to a complaint into messages to its reporter, when a phone number or e-mail
 * address was given: the receipt (code, verification deadline, link), and one message for each
 * later step the reporter should hear of: verified, information requested, answered, rejected, not
 * the office's authority, merged as a duplicate, forwarded, reopened, the request to reopen
 * declined, closed, and the reminder that an answered complaint closes soon without a reaction. Run
 * after the transaction that published the event, through the event publication registry, like
 * {@link ResidentMessages}; the idempotency key is the kind, the complaint and the time of the
 * step.
 */
@Component
class ComplaintMessages {

  private final Complaints complaints;
  private final Offices offices;
  private final Links links;
  private final TemplatedMessages messages;

  ComplaintMessages(
      Complaints complaints, Offices offices, Links links, TemplatedMessages messages) {
    this.complaints = complaints;
    this.offices = offices;
    this.links = links;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(ComplaintFiled event) {
    complaints
        .contact(event.officeId(), event.complaintId())
        .ifPresent(
            c -> {
              Map<String, String> values = values(event.officeId(), c, c.verifyDue());
              send(
                  event.officeId(),
                  c,
                  MessageKind.COMPLAINT_RECEIVED,
                  values,
                  MessageKind.COMPLAINT_RECEIVED.code() + ":" + event.complaintId());
            });
  }

  @ApplicationModuleListener
  void on(ComplaintStatusChanged event) {
    ComplaintStatus to = event.change().to();
    boolean forwarded =
        event.change().from() == ComplaintStatus.RECEIVED && to == ComplaintStatus.RECEIVED;
    boolean declined =
        event.change().from() == ComplaintStatus.REOPEN_REQUESTED && to == ComplaintStatus.CLOSED;
    String step =
        forwarded
            ? "FORWARDED"
            : declined
                ? "REOPEN_DECLINED"
                : switch (to) {
                  case VERIFIED,
                      AWAITING_REPORTER,
                      REJECTED,
                      NOT_OUR_AUTHORITY,
                      DUPLICATE,
                      REOPENED,
                      CLOSED ->
                      to.name();
                  default -> null;
                };
    if (step == null) {
      return;
    }
    update(event.officeId(), event.complaintId(), step, event.change().at().toEpochMilli());
  }

  /** The reminder a couple of working days before an answered complaint closes by itself. */
  @ApplicationModuleListener
  void on(ComplaintClosingSoon event) {
    update(event.officeId(), event.complaintId(), "CLOSING_SOON", event.lastDay().toEpochDay());
  }

  @ApplicationModuleListener
  void on(ComplaintAnswered event) {
    update(event.officeId(), event.complaintId(), "ANSWERED", event.at().toEpochMilli());
  }

  private void update(UUID officeId, UUID complaintId, String step, long at) {
    complaints
        .contact(officeId, complaintId)
        .ifPresent(
            c -> {
              LocalDate deadline =
                  switch (step) {
                    case "FORWARDED" -> c.verifyDue();
                    case "AWAITING_REPORTER", "ANSWERED", "CLOSING_SOON" -> c.replyDue();
                    default -> c.due();
                  };
              Map<String, String> values = values(officeId, c, deadline);
              values.put(
                  Placeholder.COMPLAINT_STATUS,
                  DefaultTemplates.fragment(MessageKind.COMPLAINT_UPDATED, "status." + step));
              values.put(
                  Placeholder.COMPLAINT_NOTE,
                  MessageTemplate.render(
                      DefaultTemplates.fragment(MessageKind.COMPLAINT_UPDATED, "note." + step),
                      values));
              send(
                  officeId,
                  c,
                  MessageKind.COMPLAINT_UPDATED,
                  values,
                  MessageKind.COMPLAINT_UPDATED.code() + ":" + complaintId + ":" + step + ":" + at);
            });
  }

  private Map<String, String> values(
      UUID officeId, Complaints.ReporterContact c, LocalDate deadline) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Placeholder.REPORTER, c.name() == null ? "Pelapor" : c.name());
    values.put(Placeholder.COMPLAINT_CODE, c.trackingCode());
    values.put(Placeholder.OFFICE, offices.get(officeId).displayName());
    values.put(
        Placeholder.DEADLINE,
        deadline == null ? "-" : Formats.longDate(deadline, SampleValues.INDONESIAN));
    values.put(Placeholder.COMPLAINT_LINK, links.complaint(c.trackingCode()));
    return values;
  }

  private void send(
      UUID officeId,
      Complaints.ReporterContact c,
      MessageKind kind,
      Map<String, String> values,
      String key) {
    messages.send(officeId, null, c.phone(), c.email(), kind, values, key);
  }
}
