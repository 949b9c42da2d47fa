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
    String assistedBy) {

  /** A requirement (persyaratan) the office rejected, and why. */
  public record Rejected(UUID requirementId, String requirementName, String reason) {}

  public ApplicationStatusView {
    timeline = List.copyOf(timeline);
    rejected = List.copyOf(rejected);
  }

  /** Whether the office waits for the resident to replace the rejected requirements. */
  public boolean needsCompletion() {
    return status == ApplicationStatus.NEEDS_COMPLETION;
  }
}
