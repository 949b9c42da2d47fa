package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * A letter was numbered, signed and issued; the application is ISSUED. Published in the signing
 * transaction (the event publication registry delivers it after commit), for notifications.
 */
public record LetterIssued(
    UUID letterId,
    UUID officeId,
    ApplicationId applicationId,
    String trackingCode,
    String number,
    String verificationCode,
    Instant signedAt) {}
