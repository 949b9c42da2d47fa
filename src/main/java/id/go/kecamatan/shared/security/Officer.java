package id.go.kecamatan.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in officer (petugas), as every module sees it. Every staff query is scoped by {@link
 * #officeId()} (or {@link #regencyId()} for a regency administrator).
 *
 * @param staffId the staff account
 * @param username login name
 * @param fullName name shown in the audit trail
 * @param regencyId the regency the officer belongs to
 * @param officeId the office, {@code null} for a regency administrator
 * @param villageId the village of a village operator, otherwise {@code null}
 * @param roles the roles granted
 */
public record Officer(
    UUID staffId,
    String username,
    String fullName,
    UUID regencyId,
    UUID officeId,
    UUID villageId,
    Set<Role> roles)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public Officer {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
