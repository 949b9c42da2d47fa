package id.go.kecamatan.complaints;

import java.util.UUID;

/**
 * A complaint changed status (or was forwarded: from and to both {@code RECEIVED}, {@code officeId}
 * the receiving office).
 */
public record ComplaintStatusChanged(
    UUID officeId, UUID complaintId, String trackingCode, Complaint.StatusChange change) {}
