package id.go.kecamatan.notifications;

import id.go.kecamatan.shared.web.EmailAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises a recipient before a message is stored: an e-mail address of the usual
 * shape, or an Indonesian phone number written any common way ({@code 0812-3456-7890}, {@code +62
 * 812 3456 7890}, {@code 62812...}) as {@code 62812...} with 8 to 15 digits, so that the same
 * person is the same recipient whichever way the number was typed.
 */
public final class Recipients {

  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  private Recipients() {}

  /** The recipient in its stored form, or empty when the address does not fit the channel. */
  public static Optional<Recipient> of(Channel channel, String address) {
    if (channel == null || address == null || address.length() > EmailAddress.MAX) {
      return Optional.empty();
    }
    return (channel == Channel.EMAIL ? email(address) : phone(address))
        .map(normalised -> new Recipient(channel, normalised));
  }

  private static Optional<String> email(String address) {
    String trimmed = address.strip();
    if (!EmailAddress.valid(trimmed)) {
      return Optional.empty();
    }
    int at = trimmed.lastIndexOf('@');
    return Optional.of(trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT));
  }

  private static Optional<String> phone(String address) {
    String digits = PHONE_SEPARATORS.matcher(address.strip()).replaceAll("");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    if (!DIGITS.matcher(digits).matches()) {
      return Optional.empty();
    }
    String national;
    if (digits.startsWith("62")) {
      national = digits.substring(2);
    } else if (digits.startsWith("0")) {
      national = digits.substring(1);
    } else if (digits.startsWith("8")) {
      national = digits;
    } else {
      return Optional.empty();
    }
    // "+62 0812..." is a common way of writing the trunk prefix twice
    if (national.startsWith("0")) {
      national = national.substring(1);
    }
    String international = "62" + national;
    return national.isEmpty()
            || national.startsWith("0")
            || international.length() < 8
            || international.length() > 15
        ? Optional.empty()
        : Optional.of(international);
  }
}
