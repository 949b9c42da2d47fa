package id.go.kecamatan.application;

import id.go.kecamatan.office.Sex;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Who applies: the resident's identity as declared, kept as plain text.
 *
 * @param preferredChannel how the resident wants to hear about the application (without a choice,
 *     the default when the application was made); null when they gave neither a phone number nor an
 *     e-mail address (possible at the counter) and for applications made before the choice existed,
 *     whose messages take the default
 */
public record Applicant(
    String nik,
    String name,
    String birthPlace,
    LocalDate birthDate,
    Sex sex,
    UUID villageId,
    String address,
    String phone,
    String email,
    PreferredChannel preferredChannel) {

  /** The last four digits of the phone number, or {@code null} without a phone. */
  public String phoneLast4() {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
  }
}
