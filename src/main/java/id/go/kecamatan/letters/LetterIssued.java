package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * A letter was numbered, signed and issued; the application is ISSUED. Published in the signing
 * transaction (the event publication registry delivers it after commit), for notifications.
 *
 * @param serviceId the application's service, so that listeners need not read the application for
 *     it; {@code null} in a publication recorded before it was carried (listeners read it then)
 */
public record LetterIssued(
    UUID letterId,
    UUID officeId,
    ApplicationId applicationId,
    String trackingCode,
    String number,
    String verificationCode,
    Instant signedAt,
    UUID serviceId) {

  /** The event without the service, as publications recorded before it was carried read. */
  public LetterIssued(
      UUID letterId,
      UUID officeId,
      ApplicationId applicationId,
      String trackingCode,
      String number,
      String verificationCode,
      Instant signedAt) {
    this(letterId, officeId, applicationId, trackingCode, number, verificationCode, signedAt, null);
  }
}
