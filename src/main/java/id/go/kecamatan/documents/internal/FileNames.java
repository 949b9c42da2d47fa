package id.go.kecamatan.documents.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans an uploaded file's name for display. The name is never used to store or to type a file; it
 * is shown to staff and offered as the download name, so it must not carry a path, control or
 * direction-changing characters, or unbounded length.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 100;
  static final String FALLBACK = "berkas";

  /** Control characters and invisible format characters (such as right-to-left overrides). */
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");

  /** Characters that Windows refuses in a file name, so a download saves everywhere. */
  private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");

  private FileNames() {}

  public static String clean(String original) {
    if (original == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.replaceAll("[\\t\\n\\r\\x0B\\f]", " ");
    name = UNSAFE.matcher(name).replaceAll("");
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = RESERVED.matcher(name).replaceAll("_");
    name = name.replaceAll("\\s+", " ").strip();
    name = name.replaceFirst("^[.\\s]+", "");
    if (name.isEmpty()) {
      return FALLBACK;
    }
    return shorten(name);
  }

  /** The name with its extension replaced, or added when it has none. */
  public static String withExtension(String name, String extension) {
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return shorten(base + "." + extension);
  }

  /** At most {@link #MAX_LENGTH} code points, keeping a short extension. */
  private static String shorten(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String base = extension.isEmpty() ? name : name.substring(0, dot);
    int keep = MAX_LENGTH - extension.length();
    return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
  }
}
