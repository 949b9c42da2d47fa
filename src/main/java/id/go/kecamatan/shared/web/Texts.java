package id.go.kecamatan.shared.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Helpers for text typed into forms, and the one rule for text that may reach a letter: it is
 * normalised to Unicode NFC (so "é" typed as e + combining accent is the same name as "é"), and it
 * may not hold invisible formatting characters that change how it prints without showing
 * themselves: bidirectional controls (a right-to-left override prints "Budi" as "iduB") and
 * zero-width characters (which make two names that look alike differ, or hide a word break).
 */
public final class Texts {

  /**
   * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the directional marks
   * (U+200E, U+200F, U+061C), zero-width space, non-joiner and joiner (U+200B–U+200D), the word
   * joiner and invisible operators (U+2060–U+2064) and the zero-width no-break space or byte order
   * mark (U+FEFF).
   */
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060-\u2064\uFEFF]");

  private Texts() {}

  /** Trimmed and in Unicode NFC; {@code null} stays {@code null}. */
  public static String normalise(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return Normalizer.isNormalized(trimmed, Normalizer.Form.NFC)
        ? trimmed
        : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
  }

  /** Whether the text holds a bidi control or a zero-width character (see the class comment). */
  public static boolean hasInvisibleFormatting(String value) {
    return value != null && INVISIBLE.matcher(value).find();
  }

  /** The non-blank lines of a text typed one entry per line, trimmed. */
  public static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
