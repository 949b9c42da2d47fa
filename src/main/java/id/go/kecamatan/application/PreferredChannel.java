package id.go.kecamatan.application;

import java.util.Optional;

/**
 * How the resident wants to hear about the application (kabar permohonan): WhatsApp or SMS to the
 * phone number, or e-mail. The notifications use it first, with the e-mail address as the fallback
 * when it was given.
 */
public enum PreferredChannel {
  WHATSAPP,
  SMS,
  EMAIL;

  /** Whether the applicant gave the contact this channel needs. */
  public boolean reaches(String phone, String email) {
    return this == EMAIL ? email != null && !email.isBlank() : phone != null && !phone.isBlank();
  }

  /**
   * The channel for an applicant who chose none: WhatsApp with a phone number (most residents use
   * it), else e-mail with an address, else none.
   */
  public static Optional<PreferredChannel> byDefault(String phone, String email) {
    if (WHATSAPP.reaches(phone, email)) {
      return Optional.of(WHATSAPP);
    }
    return EMAIL.reaches(phone, email) ? Optional.of(EMAIL) : Optional.empty();
  }

  /** The channel of this name, or empty for anything else. */
  public static Optional<PreferredChannel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (PreferredChannel channel : values()) {
      if (channel.name().equals(name.strip())) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
