package id.go.kecamatan.casework;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's work on one application: opening it (recorded as a view of personal data), its
 * files, internal notes, claiming and assigning, and the decisions, which go through {@link
 * Decisions} and {@link Completions} of the application module. The case file is put together by
 * {@link CaseFiles}, the first of a service's two checks kept by {@link FirstChecks}; the check of
 * each requirement is {@link RequirementChecks}.
 *
 * <p>Scope: an officer sees the applications of their own office only (another office's give a
 * {@link NotFoundException}); a village operator only those of residents of their village. Only a
 * verifier or an office admin checks requirements and decides ({@link AccessDeniedException}
 * otherwise); only an office admin assigns to someone else. Field error keys are {@code
 * casework.error.*} of {@code messages/casework} and those of {@link FieldErrors}.
 */
@Service
public class Casework {

  /** The longest reason for a rejected requirement or application. */
  public static final int MAX_REASON = 500;

  /** The longest internal note. */
  public static final int MAX_NOTE = 2000;

  /** The reasons an officer may pick for a rejected requirement: {@code casework.reason.<key>}. */
  public static final List<String> REASONS =
      List.of("unreadable", "expired", "mismatch", "incomplete", "wrongDocument");

  private final Applications applications;
  private final Decisions decisions;
  private final Completions completions;
  private final CaseFiles caseFiles;
  private final FirstChecks firstChecks;
  private final Catalog catalog;
  private final Documents documents;
  private final StaffAccounts staff;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Casework(
      Applications applications,
      Decisions decisions,
      Completions completions,
      CaseFiles caseFiles,
      FirstChecks firstChecks,
      Catalog catalog,
      Documents documents,
      StaffAccounts staff,
      AuditTrail audit,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.decisions = decisions;
    this.completions = completions;
    this.caseFiles = caseFiles;
    this.firstChecks = firstChecks;
    this.catalog = catalog;
    this.documents = documents;
    this.staff = staff;
    this.audit = audit;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the officer may check requirements and decide. */
  public static boolean decides(Officer officer) {
    return officer.has(Role.VERIFIER) || officer.has(Role.OFFICE_ADMIN);
  }

  /**
   * The application as the officer may see it, or {@link NotFoundException}: another office's, or
   * for a village operator another village's.
   */
  Application scoped(Officer officer, ApplicationId id) {
    if (officer.officeId() == null) {
      throw new NotFoundException();
    }
    Application application = applications.get(officer.officeId(), id);
    if (!Worklist.seesWholeOffice(officer)
        && (!officer.has(Role.VILLAGE_OPERATOR)
            || !application.applicant().villageId().equals(officer.villageId()))) {
      throw new NotFoundException();
    }
    return application;
  }

  static void requireDecider(Officer officer) {
    if (!decides(officer)) {
      throw new AccessDeniedException("Only a verifier or an office admin decides");
    }
  }

  /** Opens an application: the case file, with an audit record of who viewed the personal data. */
  @Transactional
  public CaseFile open(Officer officer, ApplicationId id) {
    Application application = scoped(officer, id);
    audit.record(
        application.officeId(),
        "casework.viewed",
        "application",
        application.id(),
        Map.of("trackingCode", application.trackingCode().value()));
    return caseFiles.of(application);
  }

  /**
   * Whether the officer may give the second approval of this case: the service has a second check,
   * the first is recorded, the application is in review, the officer has the configured role and is
   * not the officer of the first check.
   */
  public static boolean secondChecks(Officer officer, CaseFile file) {
    return file.awaitingSecondCheck()
        && officer.has(file.service().secondCheck())
        && !file.firstCheck().staffId().equals(officer.staffId());
  }

  /**
   * A document of the application, as a download or (photos only) as the inline thumbnail. The
   * download of the full file is recorded as a view of personal data.
   *
   * @throws NotFoundException for a document not attached to this application
   */
  @Transactional
  public ResponseEntity<InputStreamResource> document(
      Officer officer, ApplicationId id, UUID documentId, boolean thumbnail) {
    Application application = scoped(officer, id);
    boolean attached =
        application.attachments().values().stream().anyMatch(ids -> ids.contains(documentId));
    if (!attached) {
      throw new NotFoundException();
    }
    if (thumbnail) {
      Document document =
          documents
              .find(application.officeId(), documentId)
              .filter(Document::hasThumbnail)
              .orElseThrow(NotFoundException::new);
      return documents.thumbnail(application.officeId(), document.id());
    }
    audit.record(
        application.officeId(),
        "casework.document.viewed",
        "application",
        application.id(),
        Map.of("document", documentId.toString()));
    return documents.download(application.officeId(), documentId);
  }

  /**
   * Adds an internal note (plain text, at most {@value #MAX_NOTE} characters); field {@code note}.
   */
  @Transactional
  public Outcome<Void> note(Officer officer, ApplicationId id, String text) {
    Application application = scoped(officer, id);
    String body = FieldErrors.clean(text);
    FieldErrors errors = new FieldErrors().text("note", body, MAX_NOTE);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    insertNote(application, body, officer);
    audit.record(
        application.officeId(),
        "casework.note.added",
        "application",
        id,
        Map.of("length", body.length()));
    return Outcome.done(null);
  }

  private void insertNote(Application application, String body, Officer officer) {
    jdbc.sql(
            """
            insert into casework_note (office_id, application_id, body, written_at, written_by)
            values (?, ?, ?, ?, ?)
            """)
        .params(
            application.officeId(),
            application.id().value(),
            body,
            Timestamp.from(clock.instant()),
            officer.fullName())
        .update();
  }

  /** The officer takes the application on (in place of whoever had it). */
  @Transactional
  public void claim(Officer officer, ApplicationId id) {
    requireDecider(officer);
    Application application = scoped(officer, id);
    assignTo(application, officer.staffId(), officer);
  }

  /** An office admin gives the application to a verifier of the office; field {@code assignee}. */
  @Transactional
  public Outcome<Void> assign(Officer officer, ApplicationId id, String assignee) {
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("Only an office admin assigns");
    }
    Application application = scoped(officer, id);
    UUID staffId;
    try {
      staffId = UUID.fromString(String.valueOf(FieldErrors.clean(assignee)));
    } catch (IllegalArgumentException e) {
      return Outcome.failed(new FieldErrors().reject("assignee", "casework.error.assignee"));
    }
    boolean verifier =
        verifiers(application.officeId()).stream().anyMatch(s -> s.id().equals(staffId));
    if (!verifier) {
      return Outcome.failed(new FieldErrors().reject("assignee", "casework.error.assignee"));
    }
    assignTo(application, staffId, officer);
    return Outcome.done(null);
  }

  private void assignTo(Application application, UUID staffId, Officer by) {
    Instant now = clock.instant();
    events.publishEvent(
        new ApplicationAssigned(application.id(), application.officeId(), staffId, now));
    jdbc.sql(
            """
            insert into casework_assignment
              (application_id, office_id, staff_id, assigned_at, assigned_by)
            values (?, ?, ?, ?, ?)
            on conflict (application_id) do update
              set staff_id = excluded.staff_id, assigned_at = excluded.assigned_at,
                  assigned_by = excluded.assigned_by
            """)
        .params(
            application.id().value(),
            application.officeId(),
            staffId,
            Timestamp.from(now),
            by.fullName())
        .update();
    audit.record(
        application.officeId(),
        "casework.assigned",
        "application",
        application.id(),
        Map.of("staff", staffId.toString()));
  }

  /** The active verifiers of the office, whom an admin may assign. */
  public List<Staff> verifiers(UUID officeId) {
    return staff.staffOf(officeId).stream()
        .filter(s -> s.active() && s.roles().contains(Role.VERIFIER))
        .toList();
  }

  /** SUBMITTED -> IN_REVIEW; the officer also takes the application on if nobody has it. */
  public Application startReview(Officer officer, ApplicationId id) {
    requireDecider(officer);
    Application application = scoped(officer, id);
    Application started =
        decisions.startReview(application.officeId(), application.id(), officer.fullName());
    jdbc.sql(
            """
            insert into casework_assignment
              (application_id, office_id, staff_id, assigned_at, assigned_by)
            values (?, ?, ?, ?, ?) on conflict (application_id) do nothing
            """)
        .params(
            application.id().value(),
            application.officeId(),
            officer.staffId(),
            Timestamp.from(clock.instant()),
            officer.fullName())
        .update();
    return started;
  }

  /**
   * Asks the resident to complete the application: the requirements whose current check is a
   * rejection, each with its reason (what the resident reads on the status page).
   *
   * @return errors on {@code decision} when no requirement is rejected
   */
  @Transactional
  public Outcome<Application> requestCompletion(Officer officer, ApplicationId id) {
    requireDecider(officer);
    Application application = scoped(officer, id);
    CaseFile file = caseFiles.of(application);
    Map<UUID, String> reasons = new LinkedHashMap<>();
    file.items().stream()
        .filter(CaseFile.Item::rejected)
        .forEach(i -> reasons.put(i.requirement().id(), i.check().reason()));
    if (reasons.isEmpty()) {
      return Outcome.failed(new FieldErrors().reject("decision", "casework.error.noneRejected"));
    }
    Outcome<Application> outcome =
        completions.requestCompletion(
            application.officeId(), application.id(), reasons, officer.fullName());
    if (outcome.ok()) {
      // after the transition, which waits for a first check being recorded at the same time
      firstChecks.clear(application.officeId(), application.id(), "completionRequested");
    }
    return outcome;
  }

  /**
   * Approves the application, only when every requirement with files is accepted.
   *
   * <p>When the service has a second check ({@link ServiceType#secondCheck()}), the first approval,
   * by a verifier or an office admin, is recorded as the first check and the application stays in
   * review; the second, by an officer with the configured role other than the first checker,
   * approves it. The application row is locked while this is decided, so two officers at once leave
   * one outcome.
   *
   * @return the application (still {@code IN_REVIEW} after a first check), or errors on {@code
   *     decision}: a requirement rejected or unchecked, the same officer twice, or the second check
   *     not the officer's
   * @throws AccessDeniedException for an officer who may approve at neither step
   */
  @Transactional
  public Outcome<Application> approve(Officer officer, ApplicationId id) {
    Application application = scoped(officer, id);
    ServiceType service = catalog.service(application.officeId(), application.serviceId());
    if (!service.hasSecondCheck()) {
      requireDecider(officer);
    } else if (!decides(officer) && !officer.has(service.secondCheck())) {
      throw new AccessDeniedException("Neither a decider nor the second checker");
    }
    if (application.status() != ApplicationStatus.IN_REVIEW) {
      throw new IllegalTransitionException(application.status(), ApplicationStatus.APPROVED);
    }
    // serialises approval with the requirement checks and the other steps (a first check, a
    // second, a rejection or a completion request): the checks read below cannot change under it
    String status =
        jdbc.sql("select status from application where office_id = ? and id = ? for update")
            .params(application.officeId(), application.id().value())
            .query(String.class)
            .single();
    if (!ApplicationStatus.IN_REVIEW.name().equals(status)) {
      throw new IllegalTransitionException(
          ApplicationStatus.valueOf(status), ApplicationStatus.APPROVED);
    }
    CaseFile file = caseFiles.of(application);
    boolean firstStep = service.hasSecondCheck() && file.firstCheck() == null;
    if (firstStep && !decides(officer)) {
      // a second checker (let through above) whose page showed a first check that was cleared
      // since (a requirement checked again): the page changed under them, not their rights
      throw new OptimisticLockingFailureException("The first check was cleared meanwhile");
    } else if (firstStep) {
      requireDecider(officer);
    } else if (service.hasSecondCheck()) {
      if (!officer.has(service.secondCheck())) {
        return Outcome.failed(
            new FieldErrors().reject("decision", "casework.error.awaitingSecondCheck"));
      }
      if (file.firstCheck().staffId().equals(officer.staffId())) {
        return Outcome.failed(new FieldErrors().reject("decision", "casework.error.sameOfficer"));
      }
    }
    if (!file.readyToApprove()) {
      return Outcome.failed(new FieldErrors().reject("decision", "casework.error.notAllAccepted"));
    }
    if (firstStep) {
      firstChecks.pass(application, officer);
      return Outcome.done(application);
    }
    if (service.hasSecondCheck()) {
      audit.record(
          application.officeId(),
          "casework.secondCheck.passed",
          "application",
          application.id(),
          Map.of("role", service.secondCheck().name(), "firstCheckBy", file.firstCheck().by()));
    }
    return Outcome.done(
        decisions.approve(application.officeId(), application.id(), officer.fullName()));
  }

  /** Rejects the application with a reason the resident reads; field {@code rejectReason}. */
  @Transactional
  public Outcome<Application> reject(Officer officer, ApplicationId id, String reason) {
    requireDecider(officer);
    Application application = scoped(officer, id);
    String why = FieldErrors.clean(reason);
    FieldErrors errors = new FieldErrors().text("rejectReason", why, MAX_REASON);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Application rejected =
        decisions.reject(application.officeId(), application.id(), why, officer.fullName());
    // after the transition, which waits for a first check being recorded at the same time
    firstChecks.clear(application.officeId(), application.id(), "rejected");
    return Outcome.done(rejected);
  }

  /**
   * A signer sends an approved application back to the checkers with a note (field {@code note}),
   * e.g. for a wrong spelling seen in the letter's preview: APPROVED -> IN_REVIEW, the note joins
   * the case's internal notes, and a service with a second check is checked twice again.
   *
   * @throws AccessDeniedException for an officer without the SIGNER role
   */
  @Transactional
  public Outcome<Application> returnFromSigning(Officer officer, ApplicationId id, String note) {
    if (!officer.has(Role.SIGNER)) {
      throw new AccessDeniedException("Only a signer returns an application from signing");
    }
    Application application = scoped(officer, id);
    String body = FieldErrors.clean(note);
    FieldErrors errors = new FieldErrors().text("note", body, MAX_NOTE);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Application returned =
        decisions.returnForReview(application.officeId(), application.id(), officer.fullName());
    insertNote(application, body, officer);
    firstChecks.clear(application.officeId(), application.id(), "returnedFromSigning");
    audit.record(
        application.officeId(),
        "casework.returnedFromSigning",
        "application",
        id,
        Map.of("length", body.length()));
    return Outcome.done(returned);
  }
}
