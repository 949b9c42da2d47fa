package id.go.kecamatan.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a resident sees of an application with its tracking code: no personal data.
 *
 * @param clockPaused the deadline clock stands still while the office waits for the resident
 */
public record ApplicationStatusView(
    String trackingCode,
    String serviceCode,
    String serviceName,
    ApplicationStatus status,
    Instant submittedAt,
    LocalDate deadline,
    boolean clockPaused,
    boolean canWithdraw,
    List<StatusChange> timeline) {}
