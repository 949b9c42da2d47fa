package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.shared.web.QrCode;

/** QR codes of verification links, as PNG images for the letter's XHTML. */
final class QrCodes {

  /**
   * Pixels per module: few pixels keep the image small and fast to embed; at four or more the image
   * is not smoothed when a viewer scales it up.
   */
  private static final int SCALE = 4;

  private QrCodes() {}

  /**
   * A black-and-white PNG of the text's QR code (error correction M, the standard quiet zone of 4
   * modules).
   */
  static byte[] png(String text) {
    return QrCode.png(text, SCALE);
  }

  /** The QR code as a {@code data:} URI. */
  static String dataUri(String text) {
    return QrCode.pngDataUri(text, SCALE);
  }
}
