package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completion (kelengkapan): the office asks for replacements of rejected requirements, the deadline
 * clock pauses, and the resident replaces exactly those requirements with new files. Field error
 * keys: {@code completion.error.*} of {@code messages/status}, {@link FieldErrors}' own and {@code
 * messages/documents} for the files (fields {@code files[<requirementId>]}); the office's reasons
 * are fields {@code reasons[<requirementId>]}.
 */
@Service
public class Completions {

  /** The longest reason an officer may give per requirement. */
  public static final int MAX_REASON = 500;

  private final ApplicationRepository repository;
  private final Applications applications;
  private final TrackedApplications tracked;
  private final Catalog catalog;
  private final WorkingCalendar calendar;
  private final Documents documents;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Completions(
      ApplicationRepository repository,
      Applications applications,
      TrackedApplications tracked,
      Catalog catalog,
      WorkingCalendar calendar,
      Documents documents,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.repository = repository;
    this.applications = applications;
    this.tracked = tracked;
    this.catalog = catalog;
    this.calendar = calendar;
    this.documents = documents;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * The office asks the resident to complete an application in review: per rejected requirement of
   * the application's service, the reason (plain text, at most {@value #MAX_REASON} characters).
   * The clock pauses with the working days left recorded (see {@link
   * Application#requestCompletion}); an audit record with the reasons and an {@link
   * ApplicationStatusChanged} event follow, all in one transaction.
   *
   * @param actor the officer's name as the resident will see it
   * @return the application, or the errors: {@code reasons} when none is named, {@code
   *     reasons[<id>]} for a requirement the service does not have or a bad reason
   * @throws NotFoundException when the office has no such application
   * @throws IllegalTransitionException when the application is not in review
   */
  public Outcome<Application> requestCompletion(
      UUID officeId, ApplicationId id, Map<UUID, String> reasons, String actor) {
    return transactions.execute(
        tx -> {
          Application application =
              repository.find(officeId, id).orElseThrow(NotFoundException::new);
          if (application.status() != ApplicationStatus.IN_REVIEW) {
            throw new IllegalTransitionException(
                application.status(), ApplicationStatus.NEEDS_COMPLETION);
          }
          Set<UUID> known = new HashSet<>();
          catalog
              .service(officeId, application.serviceId())
              .requirements()
              .forEach(r -> known.add(r.id()));
          FieldErrors errors = new FieldErrors();
          Map<UUID, String> cleaned = new LinkedHashMap<>();
          if (reasons == null || reasons.isEmpty()) {
            errors.reject("reasons", "completion.error.none");
          } else {
            for (Map.Entry<UUID, String> e : reasons.entrySet()) {
              String field = "reasons[" + e.getKey() + "]";
              if (!known.contains(e.getKey())) {
                errors.reject(field, "completion.error.unknownRequirement");
                continue;
              }
              String reason = FieldErrors.clean(e.getValue());
              errors.text(field, reason, MAX_REASON);
              cleaned.put(e.getKey(), reason);
            }
          }
          if (errors.any()) {
            return Outcome.<Application>failed(errors);
          }
          application.requestCompletion(
              clock.instant(), cleaned, actor, LocalDate.now(clock), calendar.of(officeId));
          List<StatusChange> changes = application.pendingChanges();
          repository.saveChanges(application);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("reasons", stringKeys(cleaned));
          details.put(
              "workingDaysLeft", application.completionRequest().orElseThrow().workingDaysLeft());
          applications.recordTransitions(application, changes, details);
          return Outcome.done(application);
        });
  }

  /**
   * The resident completes an application, for whoever holds its tracking code and the last four
   * digits of its phone number; see {@link #complete(TrackingCode, Map)}.
   *
   * @return empty for a malformed or unknown code or wrong digits, alike
   */
  public Optional<Outcome<ApplicationStatusView>> complete(
      String trackingCode, String phoneLast4, Map<String, List<Upload>> replacements) {
    return transactions.execute(
        tx ->
            tracked
                .find(trackingCode, phoneLast4)
                .map(application -> complete(application, replacements, tx)));
  }

  /**
   * The resident completes an application by its tracking code alone, for callers that checked the
   * resident's access already (see {@link TrackedApplications#status(TrackingCode)}).
   *
   * <p>Every rejected requirement, and only those, must get at least one new file ({@code
   * files[<requirementId>]} keys the requirement id). The files are stored like those of a
   * submission, with the per-slot and per-application limits (the rejected requirements' old
   * documents do not count, they are going); then, in the same transaction, the old documents of
   * those requirements are deleted, the new ones take their place, the status goes back to
   * IN_REVIEW with the new deadline (see {@link Application#completed}), with an audit record and
   * an {@link ApplicationStatusChanged} event. On any error nothing changes: documents stored
   * already for this completion are removed with the rolled-back transaction.
   *
   * @return the status afterwards, or the errors of the files; empty for an unknown code
   * @throws IllegalTransitionException when the application does not need completion (any more)
   */
  public Optional<Outcome<ApplicationStatusView>> complete(
      TrackingCode granted, Map<String, List<Upload>> replacements) {
    return transactions.execute(
        tx ->
            repository
                .findByTrackingCode(granted)
                .map(application -> complete(application, replacements, tx)));
  }

  private Outcome<ApplicationStatusView> complete(
      Application application,
      Map<String, List<Upload>> replacements,
      org.springframework.transaction.TransactionStatus tx) {
    if (application.status() != ApplicationStatus.NEEDS_COMPLETION) {
      throw new IllegalTransitionException(application.status(), ApplicationStatus.IN_REVIEW);
    }
    UUID officeId = application.officeId();
    CompletionRequest request = application.completionRequest().orElseThrow();
    Map<String, List<Upload>> given = replacements == null ? Map.of() : replacements;
    FieldErrors errors = new FieldErrors();
    for (Map.Entry<String, List<Upload>> e : given.entrySet()) {
      if (Upload.anyChosen(e.getValue()) && !request.rejected(requirementId(e.getKey()))) {
        errors.reject(RequestUploads.field(e.getKey()), "completion.error.notRejected");
      }
    }
    for (UUID requirement : request.reasons().keySet()) {
      if (!Upload.anyChosen(given.get(requirement.toString()))) {
        errors.reject(RequestUploads.field(requirement), "documents.error.noFile");
      }
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }

    // what stays: the documents of the requirements that were not rejected
    List<UUID> kept = new ArrayList<>();
    application.attachments().entrySet().stream()
        .filter(e -> !request.rejected(e.getKey()))
        .forEach(e -> kept.addAll(e.getValue()));
    long bytes = documents.findAll(officeId, kept).stream().mapToLong(Document::size).sum();

    Map<UUID, List<UUID>> stored = new LinkedHashMap<>();
    for (UUID requirement : request.reasons().keySet()) {
      String field = RequestUploads.field(requirement);
      List<UUID> ids = new ArrayList<>();
      for (Upload upload : given.get(requirement.toString())) {
        if (upload == null || !upload.chosen()) {
          continue;
        }
        Outcome<Document> document =
            documents.store(officeId, new Slot(field, ids.size(), bytes), upload);
        if (!document.ok()) {
          // the documents stored so far go with the rolled-back transaction
          tx.setRollbackOnly();
          return Outcome.failed(document.errors());
        }
        ids.add(document.value().id());
        bytes += document.value().size();
      }
      stored.put(requirement, ids);
    }

    Map<UUID, List<UUID>> replaced = new LinkedHashMap<>();
    for (UUID requirement : stored.keySet()) {
      replaced.put(requirement, application.attachments().getOrDefault(requirement, List.of()));
    }
    // as PostgreSQL keeps it (microseconds), like the submission
    application.completed(
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
        Application.RESIDENT,
        stored,
        LocalDate.now(clock),
        calendar.of(officeId));
    List<StatusChange> changes = application.pendingChanges();
    repository.saveChanges(application);
    repository.replaceAttachments(application, stored.keySet());
    replaced.values().forEach(ids -> ids.forEach(id -> documents.delete(officeId, id)));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("replaced", stringKeys(replaced));
    details.put("documents", stringKeys(stored));
    details.put("deadline", application.deadline().toString());
    applications.recordTransitions(application, changes, details);
    return Outcome.done(tracked.view(application));
  }

  private static UUID requirementId(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static Map<String, Object> stringKeys(Map<UUID, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach(
        (k, v) ->
            result.put(
                k.toString(),
                v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : v));
    return result;
  }
}
