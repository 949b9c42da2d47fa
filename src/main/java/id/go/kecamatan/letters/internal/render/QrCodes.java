package id.go.kecamatan.letters.internal.render;

import com.google.zxing.common.BitMatrix;
import id.go.kecamatan.shared.web.QrCode;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

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
    try {
      BitMatrix matrix = QrCode.matrix(text);
      int size = matrix.getWidth() * SCALE;
      BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
      WritableRaster raster = image.getRaster();
      int[] row = new int[size * 3];
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int value = matrix.get(x / SCALE, y / SCALE) ? 0 : 255;
          row[3 * x] = value;
          row[3 * x + 1] = value;
          row[3 * x + 2] = value;
        }
        raster.setPixels(0, y, size, 1, row);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The QR code as a {@code data:} URI. */
  static String dataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
  }
}
