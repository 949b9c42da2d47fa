package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormAnswers;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.StagedDocument;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting applications, the office's reads of them, and the record of every status change (an
 * audit record and an {@link ApplicationStatusChanged} event). What residents do with their
 * tracking code, looking up the status and withdrawing, is {@link TrackedApplications}; the
 * applicant's identity is checked by {@link ApplicantChecks}. Field error keys are those of {@link
 * FieldErrors}, {@code messages/application} ({@code application.error.*}), {@code messages/forms}
 * for the answers (fields {@code answers.<key>}) and {@code messages/documents} for the files
 * (fields {@code files[<requirementId>]}).
 */
@Service
public class Applications {

  private final ApplicationRepository repository;
  private final ApplicantChecks applicants;
  private final Catalog catalog;
  private final FormFields formFields;
  private final FormAnswers formAnswers;
  private final Offices offices;
  private final WorkingCalendar calendar;
  private final Documents documents;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Applications(
      ApplicationRepository repository,
      ApplicantChecks applicants,
      Catalog catalog,
      FormFields formFields,
      FormAnswers formAnswers,
      Offices offices,
      WorkingCalendar calendar,
      Documents documents,
      AuditTrail audit,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.repository = repository;
    this.applicants = applicants;
    this.catalog = catalog;
    this.formFields = formFields;
    this.formAnswers = formAnswers;
    this.offices = offices;
    this.calendar = calendar;
    this.documents = documents;
    this.audit = audit;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Submits an application to an active service of an office: the applicant, the answers and the
   * files are checked and the files staged in the blob store first, without a transaction; then one
   * transaction writes the documents, the application, its answers, its first timeline step and the
   * {@link ApplicationSubmitted} event. On any error nothing is kept, neither rows nor blobs. With
   * an idempotency key already used by this office, the application made then is returned and
   * nothing new is made.
   *
   * @throws NotFoundException when the office has no such active service, or the service is not
   *     offered on the channel
   */
  public Outcome<Application> submit(UUID officeId, String serviceCode, SubmitCommand command) {
    return submit(officeId, serviceCode, command, null);
  }

  /**
   * Submits an application like {@link #submit(UUID, String, SubmitCommand)}; on an assisted
   * channel ({@link Channel#COUNTER}, {@link Channel#VILLAGE}) with the officer who entered it for
   * the resident, recorded on the application. The resident's phone is optional there.
   *
   * @throws IllegalArgumentException for an assisted channel without an officer or the online
   *     channel with one
   * @throws NotFoundException when the office has no such active service, or the service is not
   *     offered on the channel
   */
  public Outcome<Application> submit(
      UUID officeId, String serviceCode, SubmitCommand command, AssistingOfficer assistedBy) {
    if (command.channel().assisted() != (assistedBy != null)) {
      throw new IllegalArgumentException("An assisted channel goes with its officer");
    }
    Office office = offices.get(officeId);
    ServiceType service =
        offeredService(officeId, serviceCode, command.channel())
            .orElseThrow(NotFoundException::new);
    String key = idempotencyKey(command.idempotencyKey());
    if (key != null) {
      Optional<Application> earlier = repository.findByIdempotencyKey(officeId, key);
      if (earlier.isPresent()) {
        return replayed(earlier.get(), service, command);
      }
    }
    Staged staged = stage(office, service, command);
    if (staged.errors().any()) {
      documents.discard(staged.files());
      return Outcome.failed(staged.errors());
    }
    boolean committed = false;
    try {
      Application application =
          transactions.execute(
              tx -> {
                Map<UUID, List<UUID>> attachments = record(officeId, staged);
                return create(
                    office,
                    service,
                    command.channel(),
                    staged.prepared(),
                    attachments,
                    key,
                    assistedBy);
              });
      committed = true;
      return Outcome.done(application);
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      if (key == null) {
        throw sameKeyAtTheSameTime;
      }
      return replayed(
          repository.findByIdempotencyKey(officeId, key).orElseThrow(() -> sameKeyAtTheSameTime),
          service,
          command);
    } finally {
      if (!committed) {
        // the rollback removed the blobs of what was recorded; these were perhaps never recorded
        documents.discard(staged.files());
      }
    }
  }

  /** The field an error of the idempotency key is given on: the API's request header. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * The application made earlier with the same idempotency key, when the command is a repeat of it
   * (the same service and NIK); a key used for another application is refused, so a client that
   * reuses a key loses no application and never gets another person's.
   */
  private static Outcome<Application> replayed(
      Application earlier, ServiceType service, SubmitCommand command) {
    if (earlier.serviceId().equals(service.id())
        && earlier.applicant().nik().equals(IdentityNumbers.normalise(command.nik()))) {
      return Outcome.done(earlier);
    }
    return Outcome.failed(
        new FieldErrors().reject(IDEMPOTENCY_KEY, "application.error.idempotencyKeyReused"));
  }

  /** The queue ticket an application of this office was entered from at the counter, if any. */
  public Optional<CounterVisit> counterVisit(UUID officeId, ApplicationId id) {
    return repository.visit(officeId, id);
  }

  /**
   * An active service of the office offered on the channel: online ({@link ServiceType#online()}),
   * at the counter ({@link ServiceType#counter()}) or through the village office ({@link
   * ServiceType#village()}).
   */
  public Optional<ServiceType> offeredService(UUID officeId, String serviceCode, Channel channel) {
    return catalog.activeService(officeId, serviceCode).filter(s -> offers(s, channel));
  }

  static boolean offers(ServiceType service, Channel channel) {
    return switch (channel) {
      case ONLINE -> service.online();
      case COUNTER -> service.counter();
      case VILLAGE -> service.village();
    };
  }

  private static String idempotencyKey(String raw) {
    String key = FieldErrors.clean(raw);
    if (key == null) {
      return null;
    }
    // stored as a digest: any length and any characters the client sends
    return sha256(key);
  }

  /**
   * What a submission holds once checked, before anything is written to the database: the checked
   * applicant and answers, and the files taken into the blob store (staged, without a connection
   * held) by requirement. With errors, nothing of it is kept.
   */
  private record Staged(
      Prepared prepared,
      Map<UUID, List<StagedDocument>> byRequirement,
      List<StagedDocument> files,
      FieldErrors errors) {}

  /**
   * Checks a submission and stages its files, outside any transaction: the reads it needs take a
   * connection each only for their statement, and decoding, re-encoding, hashing and writing the
   * files hold none (ADR 0034).
   */
  private Staged stage(Office office, ServiceType service, SubmitCommand command) {
    UUID officeId = office.id();
    FieldErrors errors = new FieldErrors();
    Map<String, Requirement> requirements = new LinkedHashMap<>();
    for (Requirement r : service.requirements()) {
      requirements.put(r.id().toString(), r);
    }
    for (Map.Entry<String, List<Upload>> e : command.files().entrySet()) {
      if (!requirements.containsKey(e.getKey()) && Upload.anyChosen(e.getValue())) {
        errors.reject(RequestUploads.field(e.getKey()), "application.error.unknownRequirement");
      }
    }
    java.util.Set<UUID> withFiles = new java.util.HashSet<>();
    for (Requirement r : service.requirements()) {
      if (Upload.anyChosen(command.files().get(r.id().toString()))) {
        withFiles.add(r.id());
      }
    }
    Prepared prepared =
        prepare(
            officeId,
            service,
            command.channel(),
            command.applicant(),
            command.answers(),
            withFiles,
            errors);
    Map<UUID, List<StagedDocument>> byRequirement = new LinkedHashMap<>();
    List<StagedDocument> all = new ArrayList<>();
    if (prepared == null) {
      return new Staged(null, byRequirement, all, errors);
    }
    long bytes = 0;
    for (Requirement r : service.requirements()) {
      List<Upload> uploads = command.files().getOrDefault(r.id().toString(), List.of());
      String field = RequestUploads.field(r.id());
      List<StagedDocument> kept = new ArrayList<>();
      for (Upload upload : uploads) {
        if (upload == null || !upload.chosen()) {
          continue;
        }
        Outcome<StagedDocument> staged =
            documents.stage(new Slot(field, kept.size(), bytes), upload);
        if (!staged.ok()) {
          errors.addAll(staged.errors());
          break;
        }
        kept.add(staged.value());
        all.add(staged.value());
        bytes += staged.value().size();
      }
      if (!kept.isEmpty()) {
        byRequirement.put(r.id(), kept);
      }
    }
    return new Staged(prepared, byRequirement, all, errors);
  }

  /** Makes documents of the staged files (one statement) and returns their ids by requirement. */
  private Map<UUID, List<UUID>> record(UUID officeId, Staged staged) {
    List<Document> recorded = documents.record(officeId, staged.files());
    Map<UUID, List<UUID>> attachments = new LinkedHashMap<>();
    int at = 0;
    for (Map.Entry<UUID, List<StagedDocument>> e : staged.byRequirement().entrySet()) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        ids.add(recorded.get(at++).id());
      }
      attachments.put(e.getKey(), ids);
    }
    return attachments;
  }

  /** An applicant and answers that passed every check, ready to become an application. */
  record Prepared(Applicant applicant, Map<String, List<String>> answers) {}

  /**
   * Checks what an application says apart from its files: the applicant, the answers to the
   * service's form and that every required requirement has a file ({@code withFiles}).
   *
   * @return null when {@code errors} got any
   */
  Prepared prepare(
      UUID officeId,
      ServiceType service,
      Channel channel,
      ApplicantForm form,
      Map<String, List<String>> answers,
      java.util.Set<UUID> withFiles,
      FieldErrors errors) {
    Applicant applicant = applicants.check(officeId, channel, form, errors);
    FormAnswers.Checked checked =
        formAnswers.check(formFields.definition(officeId, service.id()), answers);
    for (Map.Entry<String, FieldErrors.Error> e : checked.errors().entries()) {
      errors.reject("answers." + e.getKey(), e.getValue().key(), e.getValue().args());
    }
    requireFiles(service.requirements(), withFiles::contains, errors);
    return errors.any() ? null : new Prepared(applicant, checked.answers());
  }

  /**
   * Rejects, on its file field, each required requirement without a file ({@code hasFile} false):
   * the same rule for a submission and for a draft's progress.
   */
  static void requireFiles(
      List<Requirement> requirements, Predicate<UUID> hasFile, FieldErrors errors) {
    for (Requirement r : requirements) {
      if (r.required() && !hasFile.test(r.id())) {
        errors.reject(
            RequestUploads.field(r.id()), "application.error.requirementMissing", r.name());
      }
    }
  }

  /**
   * Makes the application of a checked applicant and answers with documents stored already, its
   * first timeline step, audit record and {@link ApplicationSubmitted} event. Runs in the caller's
   * transaction.
   */
  Application create(
      Office office,
      ServiceType service,
      Channel channel,
      Prepared prepared,
      Map<UUID, List<UUID>> attachments,
      String key,
      AssistingOfficer assistedBy) {
    UUID officeId = office.id();
    // as PostgreSQL keeps it (microseconds): the answer now and every later read say the same
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    LocalDate today = LocalDate.now(clock);
    LocalDate deadline = calendar.of(officeId).plus(today, service.completionDays());
    Application application =
        Application.submit(
            officeId,
            service.id(),
            TrackingCode.generate(office.code(), random),
            channel,
            prepared.applicant(),
            prepared.answers(),
            attachments,
            now,
            deadline,
            assistedBy);
    List<StatusChange> changes = application.pendingChanges();
    repository.insert(application, key);
    auditChanges(application, changes);
    events.publishEvent(
        new ApplicationSubmitted(
            application.id(),
            officeId,
            service.id(),
            application.trackingCode().value(),
            application.channel(),
            now,
            deadline));
    return application;
  }

  /**
   * An application of an office, for staff (casework, letters). The caller has checked that the
   * signed-in officer may see this office's applications; narrower scopes (a village operator's
   * village) are the caller's to check on the returned applicant.
   *
   * @throws NotFoundException when the office has no application with this id (another office's
   *     application is not found either)
   */
  public Application get(UUID officeId, ApplicationId id) {
    return repository.find(officeId, id).orElseThrow(NotFoundException::new);
  }

  /**
   * What a message to the application's resident needs of it, in one short read (no answers,
   * documents or timeline).
   *
   * @throws NotFoundException when the office has no application with this id
   */
  public ApplicationAddressee addressee(UUID officeId, ApplicationId id) {
    return repository.addressee(officeId, id).orElseThrow(NotFoundException::new);
  }

  /**
   * The ids of an office's applications submitted since a moment (all with {@code null}), oldest
   * first, for a module that keeps its own facts of them (the statistics' backfill).
   */
  public List<ApplicationId> ids(UUID officeId, Instant since) {
    return repository.ids(officeId, since);
  }

  /**
   * Records status changes after their submission step: an audit record each (with the extra
   * details) and an {@link ApplicationStatusChanged} event each. Runs in the caller's transaction.
   */
  void recordTransitions(
      Application application, List<StatusChange> changes, Map<String, ?> details) {
    auditChanges(application, changes, details);
    for (StatusChange change : changes) {
      events.publishEvent(
          new ApplicationStatusChanged(
              application.id(),
              application.officeId(),
              application.trackingCode().value(),
              change));
    }
  }

  private void auditChanges(Application application, List<StatusChange> changes) {
    auditChanges(application, changes, Map.of());
  }

  private void auditChanges(
      Application application, List<StatusChange> changes, Map<String, ?> extra) {
    for (StatusChange change : changes) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", change.from() == null ? null : change.from().name());
      details.put("to", change.to().name());
      details.put("reason", change.reason());
      details.put("actor", change.actor());
      details.putAll(extra);
      audit.record(
          application.officeId(),
          "application." + change.to().name().toLowerCase(java.util.Locale.ROOT),
          "application",
          application.id(),
          details);
    }
  }

  private static String sha256(String text) {
    return Sha256.hex(text);
  }
}
