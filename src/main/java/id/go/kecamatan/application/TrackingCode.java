package id.go.kecamatan.application;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code a resident follows an application with, e.g. {@code 351616-K7M3QPX9}: the office's
 * region code as digits, a dash, a random body of {@value #BODY_LENGTH} characters and a check
 * character.
 *
 * <p>The body and the check character come from {@link #ALPHABET}, 31 characters without the easily
 * confused {@code 0 O 1 I L}. The check character makes {@code sum(weight(i) * value(c_i)) ≡ 0 (mod
 * 31)} over all characters but the dash, with weights 1 for the check character, 2 for the one
 * before it and so on. 31 is prime and every weight is below 31, so a single wrong character
 * changes the sum by {@code weight * difference ≠ 0}, and two swapped neighbours by {@code
 * ±difference ≠ 0}: both are always detected. Values are positions in {@code 0-9} followed by the
 * letters of the alphabet, modulo 31, which makes them distinct within the digits of the prefix and
 * within the alphabet of the body.
 *
 * <p>The body is random (a {@link java.security.SecureRandom} in production): 31^7, about 2.7 *
 * 10^10 codes per office, so codes cannot be enumerated, and looking one up also needs the last
 * digits of the phone number.
 */
public record TrackingCode(String value) {

  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  public static final int BODY_LENGTH = 7;
  private static final String VALUES = "01" + ALPHABET;
  private static final int MODULUS = 31;

  public TrackingCode {
    if (value == null || !value.equals(canonical(value))) {
      throw new IllegalArgumentException("Not a tracking code: " + value);
    }
  }

  /** A new random code for an office with the given region code ({@code 35.16.16}). */
  public static TrackingCode generate(String officeCode, RandomGenerator random) {
    String prefix = prefixOf(officeCode);
    StringBuilder body = new StringBuilder(BODY_LENGTH + 1);
    for (int i = 0; i < BODY_LENGTH; i++) {
      body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    body.append(checkCharacter(prefix + body));
    return new TrackingCode(prefix + "-" + body);
  }

  /** The office prefix of a region code: its digits ({@code 35.16.16} -> {@code 351616}). */
  public static String prefixOf(String officeCode) {
    String digits = officeCode == null ? "" : officeCode.replaceAll("\\D", "");
    if (digits.length() < 2 || digits.length() > 10) {
      throw new IllegalArgumentException("Not an office code: " + officeCode);
    }
    return digits;
  }

  /**
   * Reads a code as a resident types it: case and surrounding blanks do not matter; the dash may be
   * left out. Empty when it is not a well-formed code with a correct check character.
   */
  public static Optional<TrackingCode> parse(String input) {
    return Optional.ofNullable(canonical(input)).map(TrackingCode::new);
  }

  private static String canonical(String input) {
    if (input == null || input.length() > 40) {
      return null;
    }
    String text = input.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    int dash = text.indexOf('-');
    String prefix;
    String rest;
    if (dash >= 0) {
      prefix = text.substring(0, dash);
      rest = text.substring(dash + 1);
    } else if (text.length() > BODY_LENGTH + 1) {
      prefix = text.substring(0, text.length() - BODY_LENGTH - 1);
      rest = text.substring(text.length() - BODY_LENGTH - 1);
    } else {
      return null;
    }
    if (!prefix.matches("\\d{2,10}") || rest.length() != BODY_LENGTH + 1) {
      return null;
    }
    for (int i = 0; i < rest.length(); i++) {
      if (ALPHABET.indexOf(rest.charAt(i)) < 0) {
        return null;
      }
    }
    if (weightedSum(prefix + rest) != 0) {
      return null;
    }
    return prefix + "-" + rest;
  }

  /** The office prefix of this code. */
  public String officePrefix() {
    return value.substring(0, value.indexOf('-'));
  }

  /** The check character for the characters before it (without the dash). */
  static char checkCharacter(String withoutCheck) {
    int sum = 0;
    int n = withoutCheck.length();
    for (int i = 0; i < n; i++) {
      sum += (n + 1 - i) * valueOf(withoutCheck.charAt(i));
    }
    int check = Math.floorMod(-sum, MODULUS);
    // the check character has weight 1; its value must be `check` modulo 31
    for (int i = 0; i < ALPHABET.length(); i++) {
      if (valueOf(ALPHABET.charAt(i)) == check) {
        return ALPHABET.charAt(i);
      }
    }
    throw new IllegalStateException();
  }

  private static int weightedSum(String characters) {
    int sum = 0;
    int n = characters.length();
    for (int i = 0; i < n; i++) {
      sum += (n - i) * valueOf(characters.charAt(i));
    }
    return Math.floorMod(sum, MODULUS);
  }

  private static int valueOf(char c) {
    return VALUES.indexOf(c) % MODULUS;
  }

  @Override
  public String toString() {
    return value;
  }
}
