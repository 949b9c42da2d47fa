package id.go.kecamatan.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  private final LocalDate deadline;
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
      List<StatusChange> timeline) {
    this.id = Objects.requireNonNull(id);
    this.officeId = Objects.requireNonNull(officeId);
    this.serviceId = Objects.requireNonNull(serviceId);
    this.trackingCode = Objects.requireNonNull(trackingCode);
    this.channel = Objects.requireNonNull(channel);
    this.applicant = Objects.requireNonNull(applicant);
    this.answers = Map.copyOf(answers);
    this.attachments = Map.copyOf(attachments);
    this.submittedAt = Objects.requireNonNull(submittedAt);
    this.deadline = Objects.requireNonNull(deadline);
    this.status = Objects.requireNonNull(status);
    this.timeline = new ArrayList<>(timeline);
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
            List.of());
    StatusChange first =
        new StatusChange(null, ApplicationStatus.SUBMITTED, at, null, actorOf(channel));
    application.timeline.add(first);
    application.pending.add(first);
    return application;
  }

  /** An application as stored, with its timeline in order. */
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
        timeline);
  }

  private static String actorOf(Channel channel) {
    return channel == Channel.ONLINE ? RESIDENT : "petugas loket";
  }

  /** An officer starts checking the application. */
  public StatusChange startReview(Instant at, String actor) {
    return change(ApplicationStatus.IN_REVIEW, at, null, actor);
  }

  /** The office asks the resident to complete the application; the deadline clock pauses. */
  public StatusChange requestCompletion(Instant at, String reason, String actor) {
    return change(ApplicationStatus.NEEDS_COMPLETION, at, required(reason), actor);
  }

  /** The resident completed the application; the office checks it again. */
  public StatusChange completed(Instant at, String actor) {
    if (status != ApplicationStatus.NEEDS_COMPLETION) {
      throw new IllegalTransitionException(status, ApplicationStatus.IN_REVIEW);
    }
    return change(ApplicationStatus.IN_REVIEW, at, null, actor);
  }

  public StatusChange approve(Instant at, String actor) {
    return change(ApplicationStatus.APPROVED, at, null, actor);
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

  private StatusChange change(ApplicationStatus target, Instant at, String reason, String actor) {
    if (!status.canBecome(target)) {
      throw new IllegalTransitionException(status, target);
    }
    StatusChange change = new StatusChange(status, target, at, reason, actor);
    status = target;
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

  public Channel channel() {
    return channel;
  }

  public Applicant applicant() {
    return applicant;
  }

  public Map<String, List<String>> answers() {
    return answers;
  }

  public Map<UUID, List<UUID>> attachments() {
    return attachments;
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

  /** Whether the deadline clock stands still (the office waits for the resident). */
  public boolean clockPaused() {
    return status.pausesClock();
  }
}
