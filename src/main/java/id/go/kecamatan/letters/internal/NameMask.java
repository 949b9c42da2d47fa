package id.go.kecamatan.letters.internal;

import java.text.Normalizer;

/**
 * Masks a resident's name on the public verification page, so the holder of a letter can see that
 * it is theirs without the page giving the name away to anyone who finds the link.
 *
 * <p>The rule, word by word (words are separated by white space): a word of four or more letters
 * keeps its first two letters, a word of two or three letters its first letter, a one-letter word
 * stays as it is; every further letter or digit becomes {@code *}. Punctuation (dots of titles and
 * initials, apostrophes, hyphens, commas) stays, so the shape of the name is recognisable: {@code
 * Budi Santoso} becomes {@code Bu** Sa*****}, {@code Ma'ruf} {@code Ma'***}, {@code M. Ali} {@code
 * M. A**}. Letters are counted as characters a reader sees (code points after NFC normalisation),
 * so accented and non-Latin names are masked the same way.
 */
public final class NameMask {

  private NameMask() {}

  public static String mask(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String normalised = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    StringBuilder masked = new StringBuilder(normalised.length());
    for (String word : normalised.split("\\s+")) {
      if (!masked.isEmpty()) {
        masked.append(' ');
      }
      masked.append(maskWord(word));
    }
    return masked.toString();
  }

  private static String maskWord(String word) {
    int[] points = word.codePoints().toArray();
    int letters = 0;
    for (int c : points) {
      if (Character.isLetterOrDigit(c)) {
        letters++;
      }
    }
    int keep = letters >= 4 ? 2 : letters >= 2 ? 1 : letters;
    StringBuilder out = new StringBuilder(points.length);
    int seen = 0;
    for (int c : points) {
      if (!Character.isLetterOrDigit(c)) {
        if (Character.getType(c) == Character.NON_SPACING_MARK && seen > keep) {
          continue; // a combining mark of a masked letter goes with it
        }
        out.appendCodePoint(c);
      } else {
        seen++;
        if (seen <= keep) {
          out.appendCodePoint(c);
        } else {
          out.append('*');
        }
      }
    }
    return out.toString();
  }
}
