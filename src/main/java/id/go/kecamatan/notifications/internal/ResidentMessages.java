package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.Applicant;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationAddressee;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ApplicationStatusChanged;
import id.go.kecamatan.application.ApplicationStatusView;
import id.go.kecamatan.application.ApplicationSubmitted;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.DraftStarted;
import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.letters.LetterIssued;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.surveys.SurveyInvitationIssued;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to an application into messages to the resident: submitted (tracking code,
 * deadline, status link), draft saved (resume code), completion requested (what is missing and
 * why), approved, rejected (reason), withdrawn, letter issued (number, download through the status
 * page). Each listener runs after the transaction that published the event committed, through the
 * event publication registry (a crash before it finished leaves the publication to be resubmitted),
 * and hands the message to the {@link Notifications}: on the channel the resident preferred, with
 * the e-mail address as its fallback when given ({@link Contacts}).
 *
 * <p>Idempotency keys: the message kind with the application id, plus the time of the status change
 * for changes that may happen more than once, and the letter's id for a letter; the draft's id for
 * its resume code. A second delivery of the same event makes the same keys, which the outbox drops.
 */
@Component
class ResidentMessages {

  private static final Logger log = LoggerFactory.getLogger(ResidentMessages.class);

  private final Applications applications;
  private final TrackedApplications tracked;
  private final Catalog catalog;
  private final Offices offices;
  private final Links links;
  private final TemplatedMessages messages;
  private final java.time.Clock clock;

  ResidentMessages(
      Applications applications,
      TrackedApplications tracked,
      Catalog catalog,
      Offices offices,
      Links links,
      TemplatedMessages messages,
      java.time.Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.tracked = tracked;
    this.catalog = catalog;
    this.offices = offices;
    this.links = links;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(ApplicationSubmitted event) {
    ApplicationAddressee application =
        applications.addressee(event.officeId(), event.applicationId());
    send(
        application,
        MessageKind.APPLICATION_SUBMITTED,
        values(application),
        key(MessageKind.APPLICATION_SUBMITTED, application.id()));
  }

  /**
   * Only the changes the resident is told of: the condition keeps the event publication registry
   * from recording (and this listener from running for) the others, such as a letter's ISSUED.
   */
  @ApplicationModuleListener(condition = "#event.change().to().name() matches '" + TOLD_OF + "'")
  void on(ApplicationStatusChanged event) {
    MessageKind kind = kind(event.change().to());
    if (kind == null) {
      // a publication recorded before the condition, resubmitted
      return;
    }
    Application application = applications.get(event.officeId(), event.applicationId());
    Map<String, String> values = values(ApplicationAddressee.of(application));
    values.put(Placeholder.REASON, event.change().reason() == null ? "" : event.change().reason());
    if (kind == MessageKind.COMPLETION_REQUESTED) {
      Optional<String> missing = missing(application, event);
      if (missing.isEmpty()) {
        // the office moved on before this ran (the resident completed, or it was rejected): the
        // request is no longer open, and the message of the later change tells the resident
        log.info("Completion request of an application no longer open; no message sent");
        return;
      }
      values.put(Placeholder.MISSING, missing.get());
    }
    send(
        ApplicationAddressee.of(application),
        kind,
        values,
        key(kind, application.id()) + ":" + event.change().at().toEpochMilli());
  }

  /** The statuses {@link #kind} sends a message for, as a regular expression of their names. */
  static final String TOLD_OF = "NEEDS_COMPLETION|APPROVED|REJECTED|WITHDRAWN";

  /**
   * The message of an application's change to this status, or null when none is sent (the statuses
   * of {@link #TOLD_OF}: ResidentMessagesTests checks that they agree).
   */
  static MessageKind kind(ApplicationStatus status) {
    return switch (status) {
      case NEEDS_COMPLETION -> MessageKind.COMPLETION_REQUESTED;
      case APPROVED -> MessageKind.APPROVED;
      case REJECTED -> MessageKind.REJECTED;
      case WITHDRAWN -> MessageKind.WITHDRAWN;
      default -> null;
    };
  }

  @ApplicationModuleListener
  void on(LetterIssued event) {
    ApplicationAddressee application =
        applications.addressee(event.officeId(), event.applicationId());
    Map<String, String> values = values(application);
    values.put(Placeholder.LETTER_NUMBER, event.number());
    values.put(Placeholder.DOWNLOAD_LINK, links.download(application.trackingCode().value()));
    send(
        application,
        MessageKind.LETTER_ISSUED,
        values,
        key(MessageKind.LETTER_ISSUED, application.id()) + ":" + event.letterId());
  }

  /** The survey invitation after the application was finished (issued by {@code surveys}). */
  @ApplicationModuleListener
  void on(SurveyInvitationIssued event) {
    ApplicationAddressee application =
        applications.addressee(event.officeId(), event.applicationId());
    Map<String, String> values = values(application);
    values.put(Placeholder.SURVEY_LINK, links.survey(event.path()));
    values.put(
        Placeholder.SURVEY_EXPIRES,
        Formats.longDate(
            LocalDate.ofInstant(event.expiresAt(), clock.getZone()).minusDays(1),
            SampleValues.INDONESIAN));
    send(
        application,
        MessageKind.SURVEY_INVITATION,
        values,
        MessageKind.SURVEY_INVITATION.code() + ":" + event.invitationId());
  }

  @ApplicationModuleListener
  void on(DraftStarted event) {
    messages.send(
        event.officeId(),
        PreferredChannel.parse(event.preferredChannel()).orElse(null),
        event.phone(),
        event.email(),
        MessageKind.DRAFT_STARTED,
        () -> values(event),
        MessageKind.DRAFT_STARTED.code() + ":" + event.draftId());
  }

  private Map<String, String> values(DraftStarted event) {
    Office office = offices.get(event.officeId());
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Placeholder.NAME, event.name() == null ? "" : event.name());
    values.put(
        Placeholder.RESUME_CODE,
        event.resumeCode().substring(0, 4) + "-" + event.resumeCode().substring(4));
    values.put(Placeholder.SERVICE, catalog.serviceName(event.officeId(), event.serviceId()));
    values.put(Placeholder.OFFICE, office.displayName());
    values.put(Placeholder.RESUME_LINK, links.resume());
    values.put(
        Placeholder.DRAFT_EXPIRES,
        Formats.longDate(
            LocalDate.ofInstant(event.expiresAt(), clock.getZone()), SampleValues.INDONESIAN));
    return values;
  }

  /** The values every message about an application knows. */
  private Map<String, String> values(ApplicationAddressee application) {
    Map<String, String> values = new LinkedHashMap<>();
    String code = application.trackingCode().value();
    values.put(Placeholder.NAME, application.applicant().name());
    values.put(Placeholder.TRACKING_CODE, code);
    values.put(
        Placeholder.SERVICE, catalog.serviceName(application.officeId(), application.serviceId()));
    values.put(Placeholder.OFFICE, offices.get(application.officeId()).displayName());
    values.put(
        Placeholder.DEADLINE, Formats.longDate(application.deadline(), SampleValues.INDONESIAN));
    values.put(Placeholder.STATUS_LINK, links.status(code));
    return values;
  }

  /**
   * The rejected requirements with their reasons, one line each, while the completion request of
   * this change is still open.
   */
  private Optional<String> missing(Application application, ApplicationStatusChanged event) {
    // the same request: the stored time is the event's to the microsecond
    if (application.completionRequest().isEmpty()
        || Duration.between(
                    application.completionRequest().get().requestedAt(), event.change().at())
                .abs()
                .toMillis()
            >= 1) {
      return Optional.empty();
    }
    ApplicationStatusView view = tracked.status(application.trackingCode()).orElseThrow();
    return Optional.of(
        view.rejected().stream()
            .map(r -> "- " + r.requirementName() + ": " + r.reason())
            .collect(Collectors.joining("\n")));
  }

  private static String key(MessageKind kind, ApplicationId application) {
    return kind.code() + ":" + application.value();
  }

  private void send(
      ApplicationAddressee application, MessageKind kind, Map<String, String> values, String key) {
    Applicant applicant = application.applicant();
    messages.send(
        application.officeId(),
        applicant.preferredChannel(),
        applicant.phone(),
        applicant.email(),
        kind,
        values,
        key);
  }
}
