package id.go.kecamatan.letters.internal.signing;

import java.time.Instant;

/**
 * What a signature states besides the signer.
 *
 * @param reason e.g. {@code Surat Keterangan Domisili 474/007/416.305/2026}
 * @param location e.g. {@code Jetis}
 * @param signingTime the claimed signing time (the signature dictionary's M entry)
 */
public record SignatureDetails(String reason, String location, Instant signingTime) {}
