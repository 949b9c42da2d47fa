package id.go.kecamatan.accounts;

import id.go.kecamatan.shared.security.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A staff account (akun petugas).
 *
 * @param officeId the office, {@code null} for a regency administrator
 * @param villageId the village of a village operator
 * @param email where the officer's daily messages go (digest, letters awaiting signature), {@code
 *     null} for none
 * @param failedAttempts failed sign-ins in a row (audited, never locking the account)
 * @param lockedUntil the end of a lock-out set before sign-ins were throttled instead (no longer
 *     set; cleared by the next success)
 */
public record Staff(
    UUID id,
    UUID regencyId,
    UUID officeId,
    UUID villageId,
    String username,
    String fullName,
    String nip,
    String email,
    Set<Role> roles,
    boolean active,
    int failedAttempts,
    Instant lockedUntil,
    int version) {}
