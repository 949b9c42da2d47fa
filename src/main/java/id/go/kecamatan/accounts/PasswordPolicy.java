package id.go.kecamatan.accounts;

import id.go.kecamatan.shared.web.FieldErrors;
import java.util.Set;

/**
 * What a staff password must be: at least 10 characters, at most 128, not a well-known password and
 * not the user name (NIST SP 800-63B: length over composition rules).
 */
final class PasswordPolicy {

  static final int MIN = 10;
  static final int MAX = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password123",
          "1234567890",
          "qwertyuiop",
          "kecamatan123",
          "administrator",
          "passw0rd123",
          "0123456789",
          "bismillah123",
          "indonesia123",
          "password1234");

  private PasswordPolicy() {}

  static void check(FieldErrors errors, String field, String password, String username) {
    if (password == null || password.isEmpty()) {
      errors.reject(field, "error.required");
    } else if (password.length() < MIN) {
      errors.reject(field, "account.error.passwordShort", MIN);
    } else if (password.length() > MAX) {
      errors.reject(field, "error.tooLong", MAX);
    } else if (COMMON.contains(password.toLowerCase())
        || (username != null && password.toLowerCase().contains(username.toLowerCase()))) {
      errors.reject(field, "account.error.passwordWeak");
    }
  }
}
