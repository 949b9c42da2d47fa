package id.go.kecamatan.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a resident sees of an application with its tracking code: no personal data.
 *
 * @param officeName the office (kecamatan) the application was made to
 * @param clockPaused the deadline clock stands still while the office waits for the resident
 * @param rejected while the status is {@code NEEDS_COMPLETION}: the requirements the office asks
 *     the resident to replace, each with the reason, in the office's order; otherwise empty
 * @param assistedBy the name of the officer who entered the application for the resident at the
 *     counter or the village office; {@code null} when the resident applied online
 * @param letterRevoked when the issued letter was revoked (dicabut), when and why; {@code null}
 *     otherwise. The status stays ISSUED or COLLECTED, but the letter is no longer valid.
 */
public record ApplicationStatusView(
    String trackingCode,
    String officeName,
    String serviceCode,
    String serviceName,
    ApplicationStatus status,
    Instant submittedAt,
    LocalDate deadline,
    boolean clockPaused,
    boolean canWithdraw,
    List<StatusChange> timeline,
    List<Rejected> rejected,
    String assistedBy,
    LetterRevocations.Revocation letterRevoked) {

  /** A requirement (persyaratan) the office rejected, and why. */
  public record Rejected(UUID requirementId, String requirementName, String reason) {}

  public ApplicationStatusView {
    timeline = List.copyOf(timeline);
    rejected = List.copyOf(rejected);
  }

  /** Whether the issued letter was revoked. */
  public boolean revoked() {
    return letterRevoked != null;
  }

  /**
   * The key of what the resident is told the status is: the status, or {@code REVOKED} when the
   * letter was revoked (the messages {@code status.name.*} and {@code status.explain.*}).
   */
  public String shownStatus() {
    return revoked() ? "REVOKED" : status.name();
  }

  /** Whether the letter can be downloaded: issued, not revoked. */
  public boolean letterAvailable() {
    return !revoked()
        && (status == ApplicationStatus.ISSUED || status == ApplicationStatus.COLLECTED);
  }

  /** Whether the office waits for the resident to replace the rejected requirements. */
  public boolean needsCompletion() {
    return status == ApplicationStatus.NEEDS_COMPLETION;
  }
}
