package id.go.kecamatan.notifications.internal;

/**
 * The GSM 03.38 alphabet of SMS: one text message holds {@value #SMS_LIMIT} characters of it, the
 * characters of the extension table count twice. A text with any other character would be sent in
 * UCS-2, which holds only 70, so SMS templates keep to this alphabet.
 */
public final class Gsm {

  /** The characters of one SMS in the GSM alphabet. */
  public static final int SMS_LIMIT = 160;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "^{}\\[~]|€\f";

  private Gsm() {}

  /** The length in GSM characters, or -1 when the text has a character outside the alphabet. */
  public static int length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) {
        length++;
      } else if (EXTENSION.indexOf(c) >= 0) {
        length += 2;
      } else {
        return -1;
      }
    }
    return length;
  }

  /** The first character outside the alphabet, or null. */
  public static String firstForeign(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return Character.isSurrogate(c) ? text.substring(i, i + 2) : String.valueOf(c);
      }
    }
    return null;
  }

  /**
   * The text made fit for one SMS: a character outside the alphabet becomes {@code ?}, and the end
   * is cut so that at most {@link #SMS_LIMIT} GSM characters remain (a value longer than the
   * preview's sample, such as a long name, may make the message longer than its template was).
   */
  public static String fit(String text) {
    StringBuilder out = new StringBuilder();
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        i++;
      }
      int size = BASIC.indexOf(c) >= 0 ? 1 : EXTENSION.indexOf(c) >= 0 ? 2 : 1;
      char kept = BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0 ? c : '?';
      if (length + size > SMS_LIMIT) {
        break;
      }
      out.append(kept);
      length += size;
    }
    return out.toString();
  }
}
