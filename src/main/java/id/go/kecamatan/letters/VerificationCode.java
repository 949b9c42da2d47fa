package id.go.kecamatan.letters;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code in a letter's QR link {@code https://<host>/v/<code>} (kode verifikasi): {@value
 * #LENGTH} random characters of {@link #ALPHABET} (31 characters without the easily confused {@code
 * 0 O 1 I L}), about 128 bits, so codes cannot be guessed or enumerated.
 *
 * <p>Stored in {@code letter.verification_code} exactly as {@link #value()}. {@link #parse} reads a
 * code as someone types it from paper: case, spaces and dashes do not matter; anything that cannot
 * be a code (wrong length or characters, path tricks, markup, NUL) is empty at once, so absurd
 * input never reaches the database.
 */
public record VerificationCode(String value) {

  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  public static final int LENGTH = 26;

  /** Typed input longer than this is not looked at further. */
  private static final int MAX_INPUT = 80;

  public VerificationCode {
    if (value == null || value.length() != LENGTH || !inAlphabet(value)) {
      throw new IllegalArgumentException("Not a verification code");
    }
  }

  /** A new random code (a {@link java.security.SecureRandom} in production). */
  public static VerificationCode generate(RandomGenerator random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new VerificationCode(code.toString());
  }

  /** The code as typed or scanned; empty when it cannot be a code. */
  public static Optional<VerificationCode> parse(String input) {
    if (input == null || input.length() > MAX_INPUT) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder(LENGTH);
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == ' ' || c == '-' || c == '\t') {
        continue;
      }
      canonical.append(c);
    }
    String text = canonical.toString().toUpperCase(Locale.ROOT);
    if (text.length() != LENGTH || !inAlphabet(text)) {
      return Optional.empty();
    }
    return Optional.of(new VerificationCode(text));
  }

  private static boolean inAlphabet(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
