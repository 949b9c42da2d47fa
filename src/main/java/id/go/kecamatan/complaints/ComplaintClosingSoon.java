package id.go.kecamatan.complaints;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An answered complaint closes after {@code lastDay} unless its reporter reacts: the reporter is
 * reminded ({@link ComplaintDeadlines#remindClosingSoon()}), once per window.
 */
public record ComplaintClosingSoon(
    UUID officeId, UUID complaintId, String trackingCode, LocalDate lastDay) {}
