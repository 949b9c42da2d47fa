package id.go.kecamatan.complaints;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint just filed: its tracking code, the secret shown once (only its hash is kept) and the
 * verification deadline.
 */
public record Filed(UUID id, String trackingCode, String secret, LocalDate verifyDue)
    implements java.io.Serializable {}
