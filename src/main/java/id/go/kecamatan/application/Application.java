package id.go.kecamatan.application;

import id.go.kecamatan.office.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An application (permohonan), the aggregate that owns its status machine. Each guarded transition
 * appends a {@link StatusChange} to the timeline or fails with an {@link
 * IllegalTransitionException}; the changes not yet stored are kept in {@link #pendingChanges()}.
 */
public final class Application {

  /** How the resident, the system and officers are named as actors. */
  public static final String RESIDENT = "pemohon";

  private final ApplicationId id;
  private final UUID officeId;
  private final UUID serviceId;
  private final TrackingCode trackingCode;
  private final Channel channel;
  private final Applicant applicant;
  private final Map<String, List<String>> answers;
  private final Map<UUID, List<UUID>> attachments;
  private final Instant submittedAt;
  private LocalDate deadline;
  private CompletionRequest completionRequest;
  private AssistingOfficer assistedBy;
  private final List<StatusChange> timeline;
  private final List<StatusChange> pending = new ArrayList<>();
  private ApplicationStatus status;

  private Application(
      ApplicationId id,
      UUID officeId,
      UUID serviceId,
      TrackingCode trackingCode,
      Channel channel,
      Applicant applicant,
      Map<String, List<String>> answers,
      Map<UUID, List<UUID>> attachments,
      Instant submittedAt,
      LocalDate deadline,
      ApplicationStatus status,
      List<StatusChange> timeline,
      CompletionRequest completionRequest) {
    if ((completionRequest != null) != (status == ApplicationStatus.NEEDS_COMPLETION)) {
      throw new IllegalArgumentException("An open completion request goes with NEEDS_COMPLETION");
    }
    this.id = Objects.requireNonNull(id);
    this.officeId = Objects.requireNonNull(officeId);
    this.serviceId = Objects.requireNonNull(serviceId);
    this.trackingCode = Objects.requireNonNull(trackingCode);
    this.channel = Objects.requireNonNull(channel);
    this.applicant = Objects.requireNonNull(applicant);
    this.answers = Map.copyOf(answers);
    this.attachments = new LinkedHashMap<>(attachments);
    this.submittedAt = Objects.requireNonNull(submittedAt);
    this.deadline = Objects.requireNonNull(deadline);
    this.status = Objects.requireNonNull(status);
    this.timeline = new ArrayList<>(timeline);
    this.completionRequest = completionRequest;
  }

  /** A new application, submitted now: its first step in the timeline is the submission. */
  public static Application submit(
      UUID officeId,
      UUID serviceId,
      TrackingCode trackingCode,
      Channel channel,
      Applicant applicant,
      Map<String, List<String>> answers,
      Map<UUID, List<UUID>> attachments,
      Instant at,
      LocalDate deadline) {
    return submit(
        officeId,
        serviceId,
        trackingCode,
        channel,
        applicant,
        answers,
        attachments,
        at,
        deadline,
        null);
  }

  /**
   * A new application, submitted now; on an assisted channel (counter, village office) with the
   * officer who entered it, who is then the actor of the submission step.
   *
   * @throws IllegalArgumentException for an assisted channel without an officer, or an officer on
   *     the online channel
   */
  public static Application submit(
      UUID officeId,
      UUID serviceId,
      TrackingCode trackingCode,
      Channel channel,
      Applicant applicant,
      Map<String, List<String>> answers,
      Map<UUID, List<UUID>> attachments,
      Instant at,
      LocalDate deadline,
      AssistingOfficer assistedBy) {
    if (channel == Channel.ONLINE && assistedBy != null) {
      throw new IllegalArgumentException("An online application has no assisting officer");
    }
    Application application =
        new Application(
            ApplicationId.random(),
            officeId,
            serviceId,
            trackingCode,
            channel,
            applicant,
            answers,
            attachments,
            at,
            deadline,
            ApplicationStatus.SUBMITTED,
            List.of(),
            null);
    application.assistedBy = assistedBy;
    StatusChange first =
        new StatusChange(
            null,
            ApplicationStatus.SUBMITTED,
            at,
            null,
            assistedBy != null ? assistedBy.name() : actorOf(channel));
    application.timeline.add(first);
    application.pending.add(first);
    return application;
  }

  /** An application as stored, with its timeline in order, not waiting for the resident. */
  public static Application restore(
      ApplicationId id,
      UUID officeId,
      UUID serviceId,
      TrackingCode trackingCode,
      Channel channel,
      Applicant applicant,
      Map<String, List<String>> answers,
      Map<UUID, List<UUID>> attachments,
      Instant submittedAt,
      LocalDate deadline,
      ApplicationStatus status,
      List<StatusChange> timeline) {
    return restore(
        id,
        officeId,
        serviceId,
        trackingCode,
        channel,
        applicant,
        answers,
        attachments,
        submittedAt,
        deadline,
        status,
        timeline,
        null);
  }

  /**
   * An application as stored, with its timeline in order and, when its status is {@code
   * NEEDS_COMPLETION}, the open completion request (otherwise {@code null}).
   */
  public static Application restore(
      ApplicationId id,
      UUID officeId,
      UUID serviceId,
      TrackingCode trackingCode,
      Channel channel,
      Applicant applicant,
      Map<String, List<String>> answers,
      Map<UUID, List<UUID>> attachments,
      Instant submittedAt,
      LocalDate deadline,
      ApplicationStatus status,
      List<StatusChange> timeline,
      CompletionRequest completionRequest) {
    return new Application(
        id,
        officeId,
        serviceId,
        trackingCode,
        channel,
        applicant,
        answers,
        attachments,
        submittedAt,
        deadline,
        status,
        timeline,
        completionRequest);
  }

  private static String actorOf(Channel channel) {
    return switch (channel) {
      case ONLINE -> RESIDENT;
      case COUNTER -> "petugas loket";
      case VILLAGE -> "operator desa";
    };
  }

  /** An officer starts checking the application. */
  public StatusChange startReview(Instant at, String actor) {
    requireStatus(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW);
    return change(ApplicationStatus.IN_REVIEW, at, null, actor);
  }

  /**
   * The office asks the resident to complete the application, naming each rejected requirement
   * (persyaratan) with its reason; the deadline clock pauses. The working days left are counted
   * after {@code today} up to and including the deadline (today is the office's: it was spent on
   * the review), and never below zero: an office that asks on or after its deadline has no days to
   * give back. The timeline step carries no reason of its own: the reasons stand per requirement in
   * {@link #completionRequest()}.
   *
   * @param rejected per requirement id, the reason; at least one, each reason not blank
   * @param today the day of the request in the office's time zone
   * @param workingDays the office's working-day rule
   * @throws IllegalTransitionException unless the application is in review
   * @throws IllegalArgumentException for no requirement, a blank reason or no actor
   */
  public StatusChange requestCompletion(
      Instant at,
      Map<UUID, String> rejected,
      String actor,
      LocalDate today,
      WorkingDays workingDays) {
    if (!status.canBecome(ApplicationStatus.NEEDS_COMPLETION)) {
      throw new IllegalTransitionException(status, ApplicationStatus.NEEDS_COMPLETION);
    }
    if (rejected == null || rejected.isEmpty()) {
      throw new IllegalArgumentException("At least one rejected requirement is required");
    }
    Map<UUID, String> reasons = new LinkedHashMap<>();
    rejected.forEach((requirement, reason) -> reasons.put(requirement, required(reason)));
    int left = Math.max(0, workingDays.between(today, deadline));
    CompletionRequest request = new CompletionRequest(at, required(actor), reasons, left);
    StatusChange change = change(ApplicationStatus.NEEDS_COMPLETION, at, null, actor);
    completionRequest = request;
    return change;
  }

  /**
   * The resident completed the application: each rejected requirement gets new documents in place
   * of its old ones, the office checks it again, and the clock runs on. The new deadline is the
   * working day that lies as many working days after {@code today} as were left when the clock
   * paused ({@link WorkingDays#plus}: with none left, today or the next working day). So the office
   * gets back exactly the time it had, not more: the resident's waiting neither shortens nor
   * lengthens the office's own time.
   *
   * @param replacements per rejected requirement id, the documents now kept for it; exactly the
   *     rejected requirements, each with at least one document
   * @param today the day of the completion in the office's time zone
   * @throws IllegalTransitionException unless the application needs completion
   * @throws IllegalArgumentException when the replacements are not exactly the rejected
   *     requirements or one has no document
   */
  public StatusChange completed(
      Instant at,
      String actor,
      Map<UUID, List<UUID>> replacements,
      LocalDate today,
      WorkingDays workingDays) {
    if (status != ApplicationStatus.NEEDS_COMPLETION) {
      throw new IllegalTransitionException(status, ApplicationStatus.IN_REVIEW);
    }
    CompletionRequest request = completionRequest;
    if (!replacements.keySet().equals(request.reasons().keySet())
        || replacements.values().stream().anyMatch(ids -> ids == null || ids.isEmpty())) {
      throw new IllegalArgumentException("Each rejected requirement, and only those, is replaced");
    }
    LocalDate next = workingDays.plus(today, request.workingDaysLeft());
    StatusChange change = change(ApplicationStatus.IN_REVIEW, at, null, actor);
    replacements.forEach((requirement, ids) -> attachments.put(requirement, List.copyOf(ids)));
    deadline = next;
    return change;
  }

  public StatusChange approve(Instant at, String actor) {
    return change(ApplicationStatus.APPROVED, at, null, actor);
  }

  /**
   * The signer sends an approved application back to the office's checkers (APPROVED -> IN_REVIEW),
   * e.g. for a wrong spelling found in the letter's preview; the note stays internal.
   */
  public StatusChange returnForReview(Instant at, String actor) {
    requireStatus(ApplicationStatus.APPROVED, ApplicationStatus.IN_REVIEW);
    return change(ApplicationStatus.IN_REVIEW, at, null, actor);
  }

  /** The letter (or other product) was issued. */
  public StatusChange issue(Instant at, String actor) {
    return change(ApplicationStatus.ISSUED, at, null, actor);
  }

  /** The resident collected the product. */
  public StatusChange collect(Instant at, String actor) {
    return change(ApplicationStatus.COLLECTED, at, null, actor);
  }

  public StatusChange reject(Instant at, String reason, String actor) {
    return change(ApplicationStatus.REJECTED, at, required(reason), actor);
  }

  /** The resident withdraws the application; possible until it is approved. */
  public StatusChange withdraw(Instant at, String reason) {
    return change(ApplicationStatus.WITHDRAWN, at, reason, RESIDENT);
  }

  /** Whether the resident may still withdraw. */
  public boolean canWithdraw() {
    return status.canBecome(ApplicationStatus.WITHDRAWN);
  }

  private static String required(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A reason is required");
    }
    return reason.strip();
  }

  /**
   * A transition into {@code target} that only this status may take (others reach it otherwise).
   */
  private void requireStatus(ApplicationStatus from, ApplicationStatus target) {
    if (status != from) {
      throw new IllegalTransitionException(status, target);
    }
  }

  private StatusChange change(ApplicationStatus target, Instant at, String reason, String actor) {
    if (!status.canBecome(target)) {
      throw new IllegalTransitionException(status, target);
    }
    StatusChange change = new StatusChange(status, target, at, reason, actor);
    status = target;
    // leaving NEEDS_COMPLETION in any way (completed, rejected, withdrawn) closes the request
    completionRequest = null;
    timeline.add(change);
    pending.add(change);
    return change;
  }

  /** The changes made since this application was submitted or restored. */
  public List<StatusChange> pendingChanges() {
    return List.copyOf(pending);
  }

  /** Marks the pending changes as stored. */
  public void changesStored() {
    pending.clear();
  }

  public ApplicationId id() {
    return id;
  }

  public UUID officeId() {
    return officeId;
  }

  public UUID serviceId() {
    return serviceId;
  }

  public TrackingCode trackingCode() {
    return trackingCode;
  }

  /** The officer who entered the application for the resident; empty when applied online. */
  public Optional<AssistingOfficer> assistedBy() {
    return Optional.ofNullable(assistedBy);
  }

  /**
   * The assisting officer of an application as stored (for the repository); set once, after {@link
   * #restore}.
   */
  public Application withAssistedBy(AssistingOfficer officer) {
    if (this.assistedBy != null && !this.assistedBy.equals(officer)) {
      throw new IllegalStateException("The assisting officer is set once");
    }
    this.assistedBy = officer;
    return this;
  }

  public Channel channel() {
    return channel;
  }

  public Applicant applicant() {
    return applicant;
  }

  public Map<String, List<String>> answers() {
    return answers;
  }

  /** Per requirement id, the documents kept for it, in order. */
  public Map<UUID, List<UUID>> attachments() {
    return Map.copyOf(attachments);
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public LocalDate deadline() {
    return deadline;
  }

  public ApplicationStatus status() {
    return status;
  }

  /** Every status change, oldest first, starting with the submission. */
  public List<StatusChange> timeline() {
    return List.copyOf(timeline);
  }

  /** The office's open request to complete the application, while its status says so. */
  public Optional<CompletionRequest> completionRequest() {
    return Optional.ofNullable(completionRequest);
  }

  /** Whether the deadline clock stands still (the office waits for the resident). */
  public boolean clockPaused() {
    return status.pausesClock();
  }
}
