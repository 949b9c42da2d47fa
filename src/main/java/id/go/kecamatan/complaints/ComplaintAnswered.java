package id.go.kecamatan.complaints;

import java.time.Instant;
import java.util.UUID;

/** A public answer (or its correction) was added to a complaint's thread. */
public record ComplaintAnswered(
    UUID officeId, UUID complaintId, String trackingCode, Instant at, boolean correction) {}
