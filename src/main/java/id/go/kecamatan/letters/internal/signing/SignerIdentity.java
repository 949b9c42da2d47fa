package id.go.kecamatan.letters.internal.signing;

import java.util.UUID;

/**
 * Who signs: a staff account with the SIGNER role.
 *
 * @param staffId the signer's staff account (the key of the local signer, the lock-out counter)
 * @param name the signer's name as on the letter and in the certificate
 * @param nip the signer's NIP, may be {@code null}
 * @param nik the signer's NIK for a remote signing service, may be {@code null} for the local one
 */
public record SignerIdentity(UUID staffId, UUID officeId, String name, String nip, String nik) {}
