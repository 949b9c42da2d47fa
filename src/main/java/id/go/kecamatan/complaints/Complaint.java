package id.go.kecamatan.complaints;

import id.go.kecamatan.office.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A complaint (pengaduan), the aggregate that owns its status machine and its two clocks, both in
 * working days of the office's calendar ({@link WorkingDays}):
 *
 * <ul>
 *   <li>verification: within {@value #VERIFY_DAYS} working days after the day it was received;
 *   <li>answer: within the category's tier after the day it was verified (or reopened). While the
 *       office waits for the reporter the clock is paused with the working days left kept; when the
 *       reporter replies, or the {@value #REPLY_DAYS} working days to reply pass, it runs on from
 *       that day with those days left, so the reporter's waiting neither shortens nor lengthens the
 *       office's time.
 * </ul>
 *
 * After the answer the reporter has {@value #REACTION_DAYS} working days to react (satisfied, or
 * not satisfied which asks to reopen); without a reaction it is closed. Each guarded transition
 * appends a {@link StatusChange} ({@link #pendingChanges()}) or throws {@link
 * IllegalComplaintTransitionException}; thread entries ({@link #pendingEntries()}) are only ever
 * appended: a correction of an answer is a new answer.
 */
public final class Complaint {

  public static final int VERIFY_DAYS = 3;
  public static final int REPLY_DAYS = 5;
  public static final int REACTION_DAYS = 10;

  /** How the reporter is named as an actor. */
  public static final String REPORTER = "pelapor";

  /** How the scheduled job is named as an actor. */
  public static final String SYSTEM = "sistem";

  private final UUID id;
  private final UUID officeId;
  private final LocalDate receivedOn;
  private final int version;
  private ComplaintStatus status;
  private LocalDate verifyDue;
  private LocalDate answerDue;
  private Integer daysLeft;
  private LocalDate replyDue;
  private final List<StatusChange> pending = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();

  /** One step of the status history. */
  public record StatusChange(
      ComplaintStatus from, ComplaintStatus to, Instant at, String actor, String reason) {

    /**
     * The system's own reason for this step, when the scheduled job took it: stored as its code
     * ({@link AutomaticReason#stored()}) and told in the reader's language, never as the text of
     * one language.
     */
    public Optional<AutomaticReason> automaticReason() {
      if (!SYSTEM.equals(actor) || reason == null) {
        return Optional.empty();
      }
      return Arrays.stream(AutomaticReason.values())
          .filter(r -> r.stored().equals(reason))
          .findFirst();
    }
  }

  /**
   * The reporter's verdict on the answer and their reasons, as a feedback entry keeps them: its
   * text is the verdict's word ("Puas", "Tidak puas") and the reasons after a colon, as the entries
   * of the first complaints were written; pages tell the verdict in the reader's language ({@link
   * #of}).
   */
  public record Feedback(boolean satisfied, String reasons) {

    private static final String SATISFIED = "Puas";
    private static final String NOT_SATISFIED = "Tidak puas";

    String stored() {
      String verdict = satisfied ? SATISFIED : NOT_SATISFIED;
      return reasons.isEmpty() ? verdict : verdict + ": " + reasons;
    }

    /** The verdict and reasons of a feedback entry; empty for any other entry. */
    public static Optional<Feedback> of(EntryKind kind, String text) {
      if (kind != EntryKind.FEEDBACK || text == null) {
        return Optional.empty();
      }
      for (String verdict : List.of(NOT_SATISFIED, SATISFIED)) {
        if (text.equals(verdict)) {
          return Optional.of(new Feedback(verdict.equals(SATISFIED), ""));
        }
        if (text.startsWith(verdict + ": ")) {
          return Optional.of(
              new Feedback(verdict.equals(SATISFIED), text.substring(verdict.length() + 2)));
        }
      }
      return Optional.empty();
    }

    /** The message key of the verdict. */
    public String messageKey() {
      return satisfied ? "complaints.feedback.satisfied" : "complaints.feedback.notSatisfied";
    }
  }

  /** Why the scheduled job moved a complaint on: a message key and the working days it waited. */
  public enum AutomaticReason {
    /** The reporter did not answer the office's question in time: the clock runs on. */
    NO_REPLY(REPLY_DAYS),
    /** The reporter did not react to the answer in time: the complaint is closed. */
    NO_REACTION(REACTION_DAYS);

    private final int days;

    AutomaticReason(int days) {
      this.days = days;
    }

    /** How it is stored as the step's reason. */
    public String stored() {
      return "auto:" + name();
    }

    /** The message with {@code {0}}, the working days. */
    public String messageKey() {
      return "complaints.auto." + name();
    }

    public int days() {
      return days;
    }
  }

  /** What a thread entry is. */
  public enum EntryKind {
    /** The office's public answer (jawaban). */
    ANSWER,
    /** An internal note of the office (catatan internal), never shown to the reporter. */
    NOTE,
    /** The office's question to the reporter. */
    QUESTION,
    /** The reporter's reply to a question. */
    REPLY,
    /** The reporter's feedback on the answer. */
    FEEDBACK,
    /** A notice of the office to the reporter (a reason, a forward, a merge). */
    NOTICE
  }

  /** One entry of the thread, as appended. */
  public record Entry(
      EntryKind kind, boolean visibleToReporter, Instant at, String author, String text) {

    public Entry {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(at);
      Objects.requireNonNull(author);
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("An entry needs a text");
      }
      if (kind == EntryKind.NOTE && visibleToReporter) {
        throw new IllegalArgumentException("An internal note is never shown to the reporter");
      }
    }
  }

  private Complaint(
      UUID id,
      UUID officeId,
      LocalDate receivedOn,
      int version,
      ComplaintStatus status,
      LocalDate verifyDue,
      LocalDate answerDue,
      Integer daysLeft,
      LocalDate replyDue) {
    this.id = Objects.requireNonNull(id);
    this.officeId = Objects.requireNonNull(officeId);
    this.receivedOn = Objects.requireNonNull(receivedOn);
    this.version = version;
    this.status = Objects.requireNonNull(status);
    this.verifyDue = Objects.requireNonNull(verifyDue);
    this.answerDue = answerDue;
    this.daysLeft = daysLeft;
    this.replyDue = replyDue;
  }

  /**
   * A new complaint, received now ({@code receivedOn} is its day in the office's time zone); the
   * verification clock starts.
   */
  public static Complaint receive(
      UUID officeId, Instant at, LocalDate receivedOn, String actor, WorkingDays days) {
    Complaint complaint =
        new Complaint(
            UUID.randomUUID(),
            officeId,
            receivedOn,
            0,
            ComplaintStatus.RECEIVED,
            days.plus(receivedOn, VERIFY_DAYS),
            null,
            null,
            null);
    complaint.pending.add(new StatusChange(null, ComplaintStatus.RECEIVED, at, actor, null));
    return complaint;
  }

  /** A complaint as stored. */
  public static Complaint restore(
      UUID id,
      UUID officeId,
      LocalDate receivedOn,
      int version,
      ComplaintStatus status,
      LocalDate verifyDue,
      LocalDate answerDue,
      Integer daysLeft,
      LocalDate replyDue) {
    return new Complaint(
        id, officeId, receivedOn, version, status, verifyDue, answerDue, daysLeft, replyDue);
  }

  /** Verified: the answer clock starts, due {@code tierDays} working days after {@code today}. */
  public void verify(Instant at, String actor, LocalDate today, int tierDays, WorkingDays days) {
    if (tierDays < 1) {
      throw new IllegalArgumentException("A tier is at least one working day");
    }
    change(ComplaintStatus.VERIFIED, at, actor, null);
    answerDue = days.plus(today, tierDays);
  }

  /** Not a complaint the office takes; the reason is told to the reporter. */
  public void reject(Instant at, String actor, String reason) {
    change(ComplaintStatus.REJECTED, at, actor, required(reason));
    entries.add(new Entry(EntryKind.NOTICE, true, at, actor, reason.strip()));
  }

  /** Not the office's authority, closed with the outside channel named (e.g. a LAPOR! number). */
  public void closeAsOutside(Instant at, String actor, String outsideChannel) {
    change(ComplaintStatus.NOT_OUR_AUTHORITY, at, actor, required(outsideChannel));
    entries.add(new Entry(EntryKind.NOTICE, true, at, actor, outsideChannel.strip()));
  }

  /**
   * Forwarded to another office of the regency, which receives it as it is: the same status
   * (Diterima), the same clock, the whole thread. Recorded as a step Diterima -> Diterima with the
   * offices named.
   */
  public void forward(Instant at, String actor, String note) {
    if (status != ComplaintStatus.RECEIVED) {
      throw new IllegalComplaintTransitionException(status, ComplaintStatus.RECEIVED);
    }
    StatusChange step = new StatusChange(status, status, at, actor, required(note));
    pending.add(step);
    entries.add(new Entry(EntryKind.NOTICE, true, at, actor, note.strip()));
  }

  /** A duplicate of another complaint, into which it is merged; the reporter is told. */
  public void markDuplicate(Instant at, String actor, String note) {
    change(ComplaintStatus.DUPLICATE, at, actor, required(note));
    entries.add(new Entry(EntryKind.NOTICE, true, at, actor, note.strip()));
  }

  /** An officer takes it in hand (Diproses). */
  public void process(Instant at, String actor) {
    change(ComplaintStatus.IN_PROGRESS, at, actor, null);
  }

  /**
   * Asks the reporter: the answer clock pauses with its working days left; the reporter has {@value
   * #REPLY_DAYS} working days to reply.
   */
  public void askReporter(
      Instant at, String actor, String question, LocalDate today, WorkingDays days) {
    required(question);
    change(ComplaintStatus.AWAITING_REPORTER, at, actor, null);
    daysLeft = Math.max(0, days.between(today, answerDue));
    replyDue = days.plus(today, REPLY_DAYS);
    entries.add(new Entry(EntryKind.QUESTION, true, at, actor, question.strip()));
  }

  /** The reporter replied: the clock runs on from today with the days it had left. */
  public void reporterReplied(Instant at, String text, LocalDate today, WorkingDays days) {
    required(text);
    if (status != ComplaintStatus.AWAITING_REPORTER) {
      throw new IllegalComplaintTransitionException(status, ComplaintStatus.IN_PROGRESS);
    }
    resume(at, REPORTER, null, today, days);
    entries.add(new Entry(EntryKind.REPLY, true, at, REPORTER, text.strip()));
  }

  /**
   * The reporter's time to reply passed ({@code today} after its last day): the clock runs on.
   *
   * @return false when it is not yet time (nothing changes)
   */
  public boolean replyWindowPassed(Instant at, LocalDate today, WorkingDays days) {
    if (status != ComplaintStatus.AWAITING_REPORTER || !today.isAfter(replyDue)) {
      return false;
    }
    resume(at, SYSTEM, AutomaticReason.NO_REPLY.stored(), today, days);
    return true;
  }

  private void resume(Instant at, String actor, String reason, LocalDate today, WorkingDays days) {
    change(ComplaintStatus.IN_PROGRESS, at, actor, reason);
    answerDue = days.plus(today, daysLeft == null ? 0 : daysLeft);
    daysLeft = null;
    replyDue = null;
  }

  /**
   * The public answer. From a complaint in hand it becomes Dijawab and the reporter's {@value
   * #REACTION_DAYS} working days start; on an answered complaint it is a correction: a new entry,
   * the status and the window unchanged.
   */
  public void answer(Instant at, String actor, String text, LocalDate today, WorkingDays days) {
    required(text);
    if (status != ComplaintStatus.ANSWERED) {
      change(ComplaintStatus.ANSWERED, at, actor, null);
      replyDue = days.plus(today, REACTION_DAYS);
    }
    entries.add(new Entry(EntryKind.ANSWER, true, at, actor, text.strip()));
  }

  /** An internal note, never shown to the reporter; allowed in every status. */
  public void note(Instant at, String actor, String text) {
    entries.add(new Entry(EntryKind.NOTE, false, at, actor, required(text).strip()));
  }

  /**
   * The reporter's feedback on the answer within the window: satisfied closes it; not satisfied
   * (with reasons) asks to reopen.
   */
  public void feedback(Instant at, boolean satisfied, String reasons, LocalDate today) {
    if (status != ComplaintStatus.ANSWERED || replyDue == null || today.isAfter(replyDue)) {
      throw new IllegalComplaintTransitionException(
          status, satisfied ? ComplaintStatus.CLOSED : ComplaintStatus.REOPEN_REQUESTED);
    }
    if (satisfied) {
      change(ComplaintStatus.CLOSED, at, REPORTER, null);
    } else {
      change(ComplaintStatus.REOPEN_REQUESTED, at, REPORTER, required(reasons).strip());
    }
    entries.add(
        new Entry(
            EntryKind.FEEDBACK,
            true,
            at,
            REPORTER,
            new Feedback(satisfied, reasons == null ? "" : reasons.strip()).stored()));
    replyDue = null;
  }

  /** The officer accepts the request to reopen: a new answer clock of the tier from today. */
  public void acceptReopen(
      Instant at, String actor, LocalDate today, int tierDays, WorkingDays days) {
    change(ComplaintStatus.REOPENED, at, actor, null);
    answerDue = days.plus(today, tierDays);
  }

  /** The officer declines the request to reopen, with a reason told to the reporter. */
  public void declineReopen(Instant at, String actor, String reason) {
    if (status != ComplaintStatus.REOPEN_REQUESTED) {
      throw new IllegalComplaintTransitionException(status, ComplaintStatus.CLOSED);
    }
    change(ComplaintStatus.CLOSED, at, actor, required(reason));
    entries.add(new Entry(EntryKind.NOTICE, true, at, actor, reason.strip()));
  }

  /**
   * Closes an answered complaint whose reporter did not react in time ({@code today} after the last
   * day of the window).
   *
   * @return false when it is not yet time (nothing changes)
   */
  public boolean closeAfterSilence(Instant at, LocalDate today) {
    if (status != ComplaintStatus.ANSWERED || replyDue == null || !today.isAfter(replyDue)) {
      return false;
    }
    change(ComplaintStatus.CLOSED, at, SYSTEM, AutomaticReason.NO_REACTION.stored());
    replyDue = null;
    return true;
  }

  private void change(ComplaintStatus to, Instant at, String actor, String reason) {
    if (!status.canBecome(to)) {
      throw new IllegalComplaintTransitionException(status, to);
    }
    pending.add(new StatusChange(status, to, at, Objects.requireNonNull(actor), reason));
    status = to;
  }

  private static String required(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A text is required");
    }
    return text;
  }

  /**
   * The deadline of the running clock: verification while received, the answer while in hand; null
   * while paused or when the office has nothing to do.
   */
  public LocalDate due() {
    return switch (status) {
      case RECEIVED -> verifyDue;
      case VERIFIED, IN_PROGRESS, REOPENED -> answerDue;
      default -> null;
    };
  }

  /** The clock runs and its deadline passed. */
  public boolean overdue(LocalDate today) {
    LocalDate due = due();
    return due != null && due.isBefore(today);
  }

  public boolean clockPaused() {
    return status == ComplaintStatus.AWAITING_REPORTER;
  }

  public UUID id() {
    return id;
  }

  public UUID officeId() {
    return officeId;
  }

  public LocalDate receivedOn() {
    return receivedOn;
  }

  public int version() {
    return version;
  }

  public ComplaintStatus status() {
    return status;
  }

  public LocalDate verifyDue() {
    return verifyDue;
  }

  public LocalDate answerDue() {
    return answerDue;
  }

  /** Working days left on the answer clock while it is paused; otherwise null. */
  public Integer daysLeft() {
    return daysLeft;
  }

  /** The last day the reporter may reply (when asked) or react to the answer; otherwise null. */
  public LocalDate replyDue() {
    return replyDue;
  }

  /** The status changes not yet stored, in order. */
  public List<StatusChange> pendingChanges() {
    return List.copyOf(pending);
  }

  /** The thread entries not yet stored, in order. */
  public List<Entry> pendingEntries() {
    return List.copyOf(entries);
  }
}
