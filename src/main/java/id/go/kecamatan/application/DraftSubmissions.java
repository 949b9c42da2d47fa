package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.application.internal.DraftRepository;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A draft ({@link Drafts}) becomes an application, once: its identity, answers and files are
 * checked again as a submission's ({@link Applications}), then in one transaction, with the draft
 * locked, the application is made and the draft marked submitted. A draft started from a queue
 * ticket records the visit ({@link CounterVisitApplied}); a resident's own draft publishes {@link
 * DraftSubmitted}.
 */
@Service
public class DraftSubmissions {

  private final DraftRepository repository;
  private final Drafts drafts;
  private final ApplicationRepository applications;
  private final Applications submissions;
  private final Offices offices;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DraftSubmissions(
      DraftRepository repository,
      Drafts drafts,
      ApplicationRepository applications,
      Applications submissions,
      Offices offices,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.drafts = drafts;
    this.applications = applications;
    this.submissions = submissions;
    this.offices = offices;
    this.transactions = new TransactionTemplate(transactionManager);
    this.events = events;
    this.clock = clock;
  }

  /**
   * Submits a draft as an online application, after the resident consented to the processing of
   * their personal data. Submitting the same draft again (a double click, a resend after a
   * time-out) returns the application made the first time.
   *
   * @return errors on {@code consent}, on {@code service} when the service (or the office) was
   *     closed on the draft's channel since the draft was started, or on the fields of the
   *     submission; the draft is kept in each case
   * @throws NotFoundException when the draft expired
   */
  public Outcome<Application> submit(UUID draftId, boolean consent) {
    if (!consent) {
      return Outcome.failed(new FieldErrors().reject("consent", "apply.error.consent"));
    }
    return transactions.execute(
        tx -> {
          Draft draft = repository.findForUpdate(draftId).orElseThrow(NotFoundException::new);
          if (draft.submitted()) {
            return Outcome.done(
                applications.find(draft.officeId(), draft.applicationId()).orElseThrow());
          }
          if (!draft.expiresAt().isAfter(clock.instant())) {
            throw new NotFoundException();
          }
          if (!drafts.offered(draft)) {
            // closed after the draft was started: the draft stays, the page says why
            return Outcome.failed(new FieldErrors().reject("service", "apply.error.serviceClosed"));
          }
          Office office = offices.get(draft.officeId());
          ServiceType service =
              drafts.requireService(
                  draft.officeId(), drafts.service(draft).code(), draft.channel());
          FieldErrors errors = new FieldErrors();
          Set<UUID> withFiles = new HashSet<>();
          Map<UUID, List<UUID>> attachments = new LinkedHashMap<>();
          for (Requirement r : service.requirements()) {
            if (!draft.files(r.id()).isEmpty()) {
              withFiles.add(r.id());
              attachments.put(r.id(), draft.files(r.id()));
            }
          }
          Applications.Prepared prepared =
              submissions.prepare(
                  draft.officeId(),
                  service,
                  draft.channel(),
                  draft.identity() == null ? ApplicantForm.empty() : draft.identity(),
                  draft.answers() == null ? Map.of() : draft.answers(),
                  withFiles,
                  errors);
          if (prepared == null) {
            return Outcome.failed(errors);
          }
          Application application =
              submissions.create(
                  office,
                  service,
                  draft.channel(),
                  prepared,
                  attachments,
                  "draft:" + draft.id(),
                  draft.assistedBy());
          Instant now = clock.instant();
          repository.markSubmitted(draft, application.id(), now);
          repository
              .visit(draft)
              .ifPresent(
                  visit -> {
                    applications.insertVisit(draft.officeId(), application.id(), visit);
                    events.publishEvent(
                        new CounterVisitApplied(
                            draft.officeId(),
                            visit.ticketId(),
                            application.id(),
                            application.trackingCode().value()));
                  });
          if (!draft.assisted()) {
            events.publishEvent(
                new DraftSubmitted(
                    draft.id(),
                    draft.officeId(),
                    draft.serviceId(),
                    application.id(),
                    now,
                    draft.campaign()));
          }
          return Outcome.done(application);
        });
  }

  /** The application a submitted draft became. */
  public Optional<Application> application(Draft draft) {
    return draft.submitted()
        ? applications.find(draft.officeId(), draft.applicationId())
        : Optional.empty();
  }
}
