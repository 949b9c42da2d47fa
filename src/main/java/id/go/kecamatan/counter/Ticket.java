package id.go.kecamatan.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A queue ticket (nomor antrean) of a day.
 *
 * @param label the number as called, e.g. {@code A-007}
 * @param secret the unguessable part of the resident's link
 * @param priority null for a regular ticket
 * @param deskId the counter calling, serving or holding it
 * @param targetDeskId the counter it was transferred to, if any
 * @param calls how often it was called since it last joined the queue
 * @param requeues how often it was put back in the queue after three calls (at most once)
 * @param applicationId the application entered at the counter from this ticket, if any
 * @param applicationCode that application's tracking code
 */
public record Ticket(
    UUID id,
    UUID officeId,
    UUID groupId,
    LocalDate day,
    int number,
    String label,
    String secret,
    TicketSource source,
    String appointmentCode,
    LocalDateTime scheduledAt,
    Priority priority,
    String holderLabel,
    boolean hasContact,
    boolean waitOutside,
    TicketStatus status,
    Instant issuedAt,
    Instant queuedAt,
    UUID deskId,
    UUID targetDeskId,
    int calls,
    Instant firstCalledAt,
    Instant lastCalledAt,
    Instant servingAt,
    Instant finishedAt,
    int requeues,
    String outcome,
    UUID applicationId,
    String applicationCode) {

  /** A priority walk-in (an appointment's priority rides on its time). */
  public boolean priorityWalkIn() {
    return priority != null && scheduledAt == null;
  }

  /** The spoken form for the display's voice: letters and digits, e.g. {@code A 0 0 7}. */
  public String spoken() {
    return String.join(" ", label.replace("-", "").split(""));
  }
}
