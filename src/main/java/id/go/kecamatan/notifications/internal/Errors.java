package id.go.kecamatan.notifications.internal;

/** Error texts as stored: one line, no control characters, at most 500 characters. */
final class Errors {

  static final int MAX = 500;

  private Errors() {}

  static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "unknown error";
    }
    String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
  }
}
