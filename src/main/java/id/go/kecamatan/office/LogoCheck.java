package id.go.kecamatan.office;

/** Decides a logo's type from its first bytes, never from its name, before it is redrawn. */
final class LogoCheck {

  private LogoCheck() {}

  static String contentType(byte[] bytes) {
    if (bytes == null || bytes.length < 8) {
      return null;
    }
    if ((bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
      return "image/png";
    }
    if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    return null;
  }
}
