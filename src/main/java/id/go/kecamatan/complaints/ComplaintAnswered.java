package id.go.kecamatan.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A public answer (or its correction) was added to a complaint's thread.
 *
 * @param answeredOn the day of the answer in the office's time zone
 * @param answerDue the deadline of the answer clock in force when it was answered (the category's
 *     tier from verification or reopening, moved by the reporter's waiting), so that a reader can
 *     tell an answer in time without reading the complaint again
 */
public record ComplaintAnswered(
    UUID officeId,
    UUID complaintId,
    String trackingCode,
    Instant at,
    boolean correction,
    LocalDate answeredOn,
    LocalDate answerDue) {

  /** Answered on or before its deadline. */
  public boolean withinDeadline() {
    return answerDue != null && !answeredOn.isAfter(answerDue);
  }
}
