package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.application.Applicant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a letter is rendered from. Without a number, signature and verification link it is a preview
 * (a draft, marked as such).
 *
 * @param answers the application's form answers by field key
 * @param trackingCode the application's tracking code
 * @param number the letter number, {@code null} before signing
 * @param date the letter's date
 * @param signature the signature block, {@code null} before signing
 * @param verificationUrl the link the QR code encodes, {@code null} before signing
 */
public record LetterRequest(
    UUID officeId,
    UUID serviceId,
    Applicant applicant,
    Map<String, List<String>> answers,
    String trackingCode,
    String number,
    LocalDate date,
    SignatureLine signature,
    String verificationUrl) {

  /** Whether this is a draft for preview (no number, signature or link yet). */
  public boolean draft() {
    return number == null;
  }
}
