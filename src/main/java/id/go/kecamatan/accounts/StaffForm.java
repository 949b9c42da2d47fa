package id.go.kecamatan.accounts;

import id.go.kecamatan.shared.security.Role;
import java.util.Set;

/**
 * A staff account as typed by an office administrator.
 *
 * @param email optional; where the officer's daily messages go (digest, letters awaiting signature)
 */
public record StaffForm(
    String username,
    String fullName,
    String nip,
    String email,
    Set<Role> roles,
    String villageId,
    String password) {

  /** The same form with the password cleared, to show it again after an error. */
  public StaffForm withoutPassword() {
    return new StaffForm(username, fullName, nip, email, roles, villageId, "");
  }
}
