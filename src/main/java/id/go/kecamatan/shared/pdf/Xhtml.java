package id.go.kecamatan.shared.pdf;

/** Text for the XHTML a PDF is rendered from. */
public final class Xhtml {

  private Xhtml() {}

  /**
   * Escapes text for XHTML content and attribute values; what XML cannot carry is dropped: control
   * characters, U+FFFE, U+FFFF and unpaired surrogates.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, out);
    return out.toString();
  }

  /** Appends the escaped text to {@code out}; see {@link #escape(String)}. */
  public static void escape(String text, StringBuilder out) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if ((c >= 0x20 || c == '\n' || c == '\t')
              && c != '\uFFFE'
              && c != '\uFFFF'
              && !Character.isSurrogate(c)) {
            out.append(c);
          }
        }
      }
    }
  }
}
