package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone opened a letter's verification page (its QR code, {@code /v/<code>}): one counted scan.
 * Published in the transaction that counts it, for the statistics (letters verified per month).
 */
public record LetterVerified(
    UUID letterId, UUID officeId, ApplicationId applicationId, Instant scannedAt) {}
