package id.go.kecamatan.letters;

import java.util.UUID;

/**
 * A staff account with the SIGNER role and the position it signs in.
 *
 * @param title the signer's own position as printed, e.g. {@code Sekretaris Kecamatan}
 * @param rank pangkat/golongan as printed, may be {@code null}
 */
public record SignerProfile(
    UUID staffId,
    UUID officeId,
    String fullName,
    String nip,
    SignerPosition position,
    String title,
    String rank) {}
