package id.go.kecamatan.letters.internal.numbering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An office's letter number format: literal text and tokens in braces, e.g. {@code
 * {klasifikasi}/{nomor:3}/{kode_unit}/{tahun}} prints {@code 474/007/416.305/2026}. A format
 * carries exactly one running number token; literal text is limited to letters, digits, spaces and
 * a few separators, so a format can neither break the letter's markup nor hide control characters.
 * Whether a format tells the sequences of a scope apart ({@code {klasifikasi}}, {@code
 * {kode_layanan}}) is checked with the scope, by {@link LetterNumberingService#check}.
 */
public final class LetterNumberFormat {

  /** The format of an office that has not chosen one. */
  public static final String DEFAULT = "{klasifikasi}/{nomor:3}/{kode_unit}/{tahun}";

  /** The longest format, and the longest number it may print (the letter's number column). */
  public static final int MAX_LENGTH = 120;

  /** The widest zero-padding of {@code {nomor:N}}. */
  public static final int MAX_WIDTH = 6;

  /** Separators allowed in literal text besides letters, digits and spaces. */
  public static final String SEPARATORS = "/.-_(),:#";

  /** Printed for a missing classification code: visible on the letter, so it gets corrected. */
  public static final String NO_CLASSIFICATION = "TANPA-KLASIFIKASI";

  /** Printed for a missing unit code. */
  public static final String NO_UNIT_CODE = "TANPA-KODE-UNIT";

  /** Printed for a missing service code (only in a preview without any active service). */
  public static final String NO_SERVICE_CODE = "TANPA-KODE-LAYANAN";

  /** The longest classification code ({@code service_type.classification_code}). */
  private static final int MAX_CLASSIFICATION = 30;

  /** The longest unit code ({@code office.unit_code}). */
  private static final int MAX_UNIT_CODE = 40;

  /** The longest service code ({@code service_type.code}). */
  private static final int MAX_SERVICE_CODE = 20;

  private static final String[] ROMAN = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
  };

  /** The tokens, as typed in braces. */
  public enum Token {
    KLASIFIKASI("klasifikasi"),
    KODE_LAYANAN("kode_layanan"),
    NOMOR("nomor"),
    KODE_UNIT("kode_unit"),
    BULAN_ROMAWI("bulan_romawi"),
    BULAN("bulan"),
    TAHUN("tahun");

    private final String name;

    Token(String name) {
      this.name = name;
    }

    /** The token as typed, e.g. {@code {kode_unit}}. */
    public String typed() {
      return "{" + name + "}";
    }

    /** The message key of the token's explanation. */
    public String helpKey() {
      return "numbering.token." + name;
    }

    static Optional<Token> named(String name) {
      for (Token token : values()) {
        if (token.name.equals(name)) {
          return Optional.of(token);
        }
      }
      return Optional.empty();
    }
  }

  /** Why a format was refused: a message key of the {@code numbering} bundle and its arguments. */
  public record Problem(String key, Object... args) {}

  /**
   * The values a number is printed with.
   *
   * @param serviceCode the service's code ({@code ServiceType.code()}), e.g. {@code DOMISILI}
   */
  public record Values(
      String classification, String serviceCode, String unitCode, int number, LocalDate day) {}

  private sealed interface Part permits Literal, Field {}

  private record Literal(String text) implements Part {}

  private record Field(Token token, int width) implements Part {}

  private final String text;
  private final List<Part> parts;

  private LetterNumberFormat(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /** A format known to be valid (saved earlier, or the default). */
  public static LetterNumberFormat of(String text) {
    Parsed parsed = parse(text);
    if (parsed.problem() != null) {
      throw new IllegalArgumentException("invalid letter number format: " + parsed.problem().key());
    }
    return parsed.format();
  }

  /** The result of parsing: the format, or the first problem found. */
  public record Parsed(LetterNumberFormat format, Problem problem) {}

  /** Parses a typed format, checking every rule; nothing is trimmed or repaired. */
  public static Parsed parse(String text) {
    if (text == null || text.isBlank()) {
      return failed("numbering.error.required");
    }
    if (text.length() > MAX_LENGTH) {
      return failed("numbering.error.tooLong", MAX_LENGTH, text.length());
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!allowed(c)) {
        return Character.isISOControl(c)
                || !Character.isDefined(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.PRIVATE_USE
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
            ? failed("numbering.error.control", String.format("U+%04X", c))
            : failed("numbering.error.character", new String(Character.toChars(c)), SEPARATORS);
      }
      i += Character.charCount(c);
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int numbers = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '}') {
        return failed("numbering.error.braces");
      }
      if (c != '{') {
        literal.append(c);
        continue;
      }
      int end = text.indexOf('}', i + 1);
      int nextOpen = text.indexOf('{', i + 1);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
        return failed("numbering.error.braces");
      }
      String inside = text.substring(i + 1, end);
      Field field;
      if (inside.startsWith("nomor:")) {
        String width = inside.substring("nomor:".length());
        if (!width.matches("[1-" + MAX_WIDTH + "]")) {
          return failed("numbering.error.width", "{" + inside + "}", MAX_WIDTH);
        }
        field = new Field(Token.NOMOR, Integer.parseInt(width));
      } else {
        Optional<Token> token = Token.named(inside);
        if (token.isEmpty()) {
          return failed("numbering.error.unknownToken", "{" + inside + "}");
        }
        field = new Field(token.get(), 0);
      }
      if (field.token() == Token.NOMOR) {
        numbers++;
      }
      if (!literal.isEmpty()) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(field);
      i = end;
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    if (numbers != 1) {
      return failed("numbering.error.numberToken", Token.NOMOR.typed(), "{nomor:3}");
    }
    LetterNumberFormat format = new LetterNumberFormat(text, parts);
    if (format.longestLength() > MAX_LENGTH) {
      return failed("numbering.error.tooLongPrinted", MAX_LENGTH);
    }
    return new Parsed(format, null);
  }

  private static Parsed failed(String key, Object... args) {
    return new Parsed(null, new Problem(key, args));
  }

  /** Letters and digits of any script, the space and {@link #SEPARATORS}; braces for tokens. */
  private static boolean allowed(int c) {
    return c == ' '
        || c == '{'
        || c == '}'
        || SEPARATORS.indexOf(c) >= 0
        || (Character.isLetterOrDigit(c) && Character.getType(c) != Character.PRIVATE_USE);
  }

  /** The length of the longest number this format can print (codes of their longest length). */
  private int longestLength() {
    int length = 0;
    for (Part part : parts) {
      if (part instanceof Literal l) {
        length += l.text().length();
      } else if (part instanceof Field f) {
        length +=
            switch (f.token()) {
              case KLASIFIKASI -> Math.max(MAX_CLASSIFICATION, NO_CLASSIFICATION.length());
              case KODE_LAYANAN -> Math.max(MAX_SERVICE_CODE, NO_SERVICE_CODE.length());
              case KODE_UNIT -> Math.max(MAX_UNIT_CODE, NO_UNIT_CODE.length());
              case NOMOR -> Math.max(f.width(), 7);
              case BULAN_ROMAWI -> 4;
              case BULAN -> 2;
              case TAHUN -> 4;
            };
      }
    }
    return length;
  }

  /** The format as typed. */
  public String text() {
    return text;
  }

  /** Whether the format prints this token. */
  public boolean uses(Token token) {
    return parts.stream().anyMatch(p -> p instanceof Field f && f.token() == token);
  }

  /**
   * Prints a number. A missing classification or unit code prints {@link #NO_CLASSIFICATION} or
   * {@link #NO_UNIT_CODE}: the settings page refuses a format whose codes are missing, so this
   * happens only when a code was removed afterwards, and the letter then shows it plainly.
   */
  public String format(Values values) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof Field f) {
        out.append(value(f, values));
      }
    }
    return out.toString();
  }

  private static String value(Field field, Values values) {
    return switch (field.token()) {
      case KLASIFIKASI -> present(values.classification(), NO_CLASSIFICATION);
      case KODE_LAYANAN -> present(values.serviceCode(), NO_SERVICE_CODE);
      case KODE_UNIT -> present(values.unitCode(), NO_UNIT_CODE);
      case NOMOR -> padded(values.number(), field.width());
      case BULAN_ROMAWI -> roman(values.day().getMonthValue());
      case BULAN -> String.format("%02d", values.day().getMonthValue());
      case TAHUN -> String.valueOf(values.day().getYear());
    };
  }

  private static String present(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String padded(int number, int width) {
    String digits = String.valueOf(number);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** A month in Roman numerals, as in Indonesian letter numbers: 11 is {@code XI}. */
  public static String roman(int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month " + month);
    }
    return ROMAN[month - 1];
  }

  @Override
  public String toString() {
    return text;
  }
}
