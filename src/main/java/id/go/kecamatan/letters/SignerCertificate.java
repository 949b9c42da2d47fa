package id.go.kecamatan.letters;

import java.time.Instant;

/**
 * A signer's certificate as shown to people: who it names, who issued it, how long it is valid.
 *
 * @param serialNumber hexadecimal
 * @param sha256Fingerprint the SHA-256 of the certificate, hexadecimal bytes separated by colons
 * @param replacedAt when the key was last replaced, {@code null} if never
 */
public record SignerCertificate(
    String subject,
    String serialNumber,
    String issuer,
    Instant validFrom,
    Instant validUntil,
    String sha256Fingerprint,
    Instant createdAt,
    Instant replacedAt) {}
