package id.go.kecamatan.shared.web;

import java.util.regex.Pattern;

/**
 * The one rule for e-mail addresses, wherever one is typed (a resident's, an officer's, an
 * office's) and wherever a message is addressed: the usual shape, as a mail server takes it. A
 * dot-atom local part of at most 64 characters and a domain of letter-digit-hyphen labels with at
 * least one dot; at most {@value #MAX} characters. No blanks, angle brackets, quotes, commas or
 * control characters, so nothing typed can add a header or a second recipient to a message, and an
 * address a form accepts is one a message can be sent to.
 */
public final class EmailAddress {

  public static final int MAX = 254;

  private static final Pattern SHAPE =
      Pattern.compile(
          "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddress() {}

  /** Whether the address, as it stands (not trimmed), is a valid one. */
  public static boolean valid(String address) {
    return address != null && address.length() <= MAX && SHAPE.matcher(address).matches();
  }
}
