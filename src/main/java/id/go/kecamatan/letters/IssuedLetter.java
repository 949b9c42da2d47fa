package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.letters.internal.NameMask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued letter (surat terbit) as stored at signing, without its PDF, with the tracking code and
 * the current status of its application.
 *
 * @param sha256 of the signed PDF, lower-case hex
 * @param signerPosition the position as printed, e.g. {@code a.n. Camat Jetis, Sekretaris
 *     Kecamatan}
 * @param revokedAt when an office admin revoked it (dicabut); {@code null} while it is valid
 * @param scans how many times the verification page was opened
 */
public record IssuedLetter(
    UUID id,
    UUID officeId,
    UUID applicationId,
    String trackingCode,
    ApplicationStatus applicationStatus,
    String number,
    String verificationCode,
    String sha256,
    String serviceName,
    String applicantName,
    LocalDate letterDate,
    Instant signedAt,
    String signerName,
    String signerNip,
    String signerPosition,
    Instant revokedAt,
    String revokedByName,
    String revocationReason,
    int scans,
    Instant lastScannedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The applicant's name masked as on the public verification page ({@code Bu** Sa*****}). */
  public String applicantMasked() {
    return NameMask.mask(applicantName);
  }

  /** The name of the downloaded file: {@code surat-474-007-416.305-2026.pdf}. */
  public String fileName() {
    String safe = number.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    return "surat-" + (safe.isEmpty() ? id.toString() : safe) + ".pdf";
  }
}
