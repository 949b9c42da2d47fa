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

  /**
   * Where messages about the application go first: the chosen channel, or the default for the
   * contacts given; empty without any contact.
   */
  public java.util.Optional<PreferredChannel> messageChannel() {
    return preferredChannel != null && preferredChannel.reaches(phone, email)
        ? java.util.Optional.of(preferredChannel)
        : PreferredChannel.byDefault(phone, email);
  }

  /**
   * The contact of that channel with most of it hidden, to tell the resident where a message went:
   * {@code •••• 7890}, {@code s•••@contoh.go.id}; empty without a contact.
   */
  public String maskedContact() {
    return messageChannel()
        .map(
            c -> {
              if (c != PreferredChannel.EMAIL) {
                return "•••• " + phoneLast4();
              }
              String address = email.strip();
              int at = address.indexOf('@');
              return at <= 0 ? "•••" : address.charAt(0) + "•••" + address.substring(at);
            })
        .orElse("");
  }
}
