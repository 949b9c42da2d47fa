package id.go.kecamatan.complaints;

import id.go.kecamatan.complaints.Complaint.EntryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A complaint as a page shows it. For the reporter ({@link Complaints#forReporter}) internal notes,
 * the assignee and the contact are left out.
 */
public record ComplaintDetails(
    UUID id,
    UUID officeId,
    String officeName,
    String trackingCode,
    Kind kind,
    UUID categoryId,
    String categoryName,
    String expectation,
    String description,
    String villageName,
    String place,
    LocalDate occurredOn,
    Privacy privacy,
    String reporterName,
    String phone,
    String email,
    Channel channel,
    String assistedBy,
    String applicationCode,
    ComplaintStatus status,
    Instant receivedAt,
    LocalDate verifyDue,
    LocalDate answerDue,
    Integer daysLeft,
    LocalDate replyDue,
    LocalDate due,
    UUID assigneeId,
    String assigneeName,
    String outsideChannel,
    int version,
    List<Entry> thread,
    List<Complaint.StatusChange> history,
    List<Attachment> attachments) {

  /** One entry of the thread as stored. */
  public record Entry(
      long id, EntryKind kind, boolean visibleToReporter, Instant at, String author, String text) {}

  /** A photo or PDF filed with the complaint. */
  public record Attachment(
      UUID documentId, UUID documentOfficeId, String name, String contentType) {}

  public boolean overdue(LocalDate today) {
    return due != null && due.isBefore(today);
  }

  /** Due today or within the next {@code soon} day (a working day computed by the caller). */
  public boolean dueSoon(LocalDate today, LocalDate soon) {
    return due != null && !due.isBefore(today) && !due.isAfter(soon);
  }

  public boolean clockPaused() {
    return status == ComplaintStatus.AWAITING_REPORTER;
  }

  /** The reporter may reply: the office asked and waits. */
  public boolean awaitingReporter() {
    return status == ComplaintStatus.AWAITING_REPORTER;
  }

  /** The reporter may give feedback on the answer until {@link #replyDue}. */
  public boolean feedbackOpen(LocalDate today) {
    return status == ComplaintStatus.ANSWERED && replyDue != null && !today.isAfter(replyDue);
  }
}
