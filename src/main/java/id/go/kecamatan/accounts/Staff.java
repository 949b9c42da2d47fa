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
    int version) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
