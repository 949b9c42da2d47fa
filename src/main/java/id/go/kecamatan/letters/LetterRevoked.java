package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * The office revoked a letter (surat dicabut). Published in the revocation's transaction, for the
 * statistics (letters revoked per month).
 */
public record LetterRevoked(
    UUID letterId, UUID officeId, ApplicationId applicationId, Instant revokedAt) {}
