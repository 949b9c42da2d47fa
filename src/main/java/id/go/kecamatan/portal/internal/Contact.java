package id.go.kecamatan.portal.internal;

import id.go.kecamatan.portal.OneTimeCodeRequested.ContactChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact a resident types to sign in, in its one stored form: an Indonesian phone number as
 * {@code 62812...} (from {@code 0812-3456-7890}, {@code +62 812 ...} and the like) or an e-mail
 * address in lower case.
 */
public record Contact(ContactChannel channel, String value) {

  private static final int MAX = 254;
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern PHONE = Pattern.compile("(\\+?62|0)?0?(8[0-9]{6,12})");

  /** The contact, or empty when the text is neither a phone number nor an e-mail address. */
  public static Optional<Contact> parse(String text) {
    if (text == null || text.length() > MAX) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.contains("@")) {
      return EMAIL.matcher(trimmed).matches()
          ? Optional.of(new Contact(ContactChannel.EMAIL, trimmed.toLowerCase(Locale.ROOT)))
          : Optional.empty();
    }
    var matcher = PHONE.matcher(trimmed.replaceAll("[\\s().-]", ""));
    return matcher.matches()
        ? Optional.of(new Contact(ContactChannel.PHONE, "62" + matcher.group(2)))
        : Optional.empty();
  }

  /**
   * The contact as people write it: a phone number as {@code 0812-3456-7890} (groups of four), an
   * e-mail address as it is.
   */
  public String shown() {
    if (channel != ContactChannel.PHONE) {
      return value;
    }
    String local = "0" + value.substring(2);
    StringBuilder shown = new StringBuilder(local.length() + 3);
    for (int i = 0; i < local.length(); i += 4) {
      if (i > 0) {
        shown.append('-');
      }
      shown.append(local, i, Math.min(i + 4, local.length()));
    }
    return shown.toString();
  }
}
