package id.go.kecamatan.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes as the project draws them: error correction M, UTF-8, the standard quiet zone of four
 * modules. The letters print them as PNG; pages show them as an inline SVG.
 */
public final class QrCode {

  private QrCode() {}

  /** The modules of the text's QR code, quiet zone included. */
  public static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code of this text", e);
    }
  }

  /**
   * The QR code as an inline SVG of one path (no script, no style attribute, so the page's content
   * security policy holds), black on white, with this accessible name.
   */
  public static String svg(String text, String label) {
    BitMatrix matrix = matrix(text);
    int size = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < size; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\""
        + label.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
        + "\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\"><rect width=\"100%\""
        + " height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }
}
