package id.go.kecamatan.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as the project draws them: error correction M, UTF-8, the standard quiet zone of four
 * modules. PDFs (letters, posters, the survey's infographic) print them as PNG; pages show them as
 * an inline SVG.
 */
public final class QrCode {

  /**
   * Pixels per module of the PNG: few pixels keep the image small and fast to embed; at four or
   * more the image is not smoothed when a viewer scales it up.
   */
  private static final int SCALE = 4;

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

  /**
   * A black-and-white PNG of the text's QR code, {@code scale} pixels per module: at four or more a
   * viewer scaling it up keeps the edges sharp.
   */
  public static byte[] png(String text, int scale) {
    try {
      BitMatrix matrix = matrix(text);
      int size = matrix.getWidth() * scale;
      // RGB, although one bit per pixel would be smaller: PDFBox copies an RGB PNG's compressed
      // data into a PDF as it is (some 20 microseconds), but decodes a grey one and compresses it
      // again (3-4 ms, a third of a letter's layout)
      BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
      WritableRaster raster = image.getRaster();
      int[] row = new int[size * 3];
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int value = matrix.get(x / scale, y / scale) ? 0 : 255;
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

  /** {@link #png} as a {@code data:} URI for the XHTML a PDF is rendered from. */
  public static String pngDataUri(String text, int scale) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, scale));
  }

  /** {@link #png(String, int)} at four pixels per module. */
  public static byte[] png(String text) {
    return png(text, SCALE);
  }

  /** {@link #pngDataUri(String, int)} at four pixels per module. */
  public static String pngDataUri(String text) {
    return pngDataUri(text, SCALE);
  }
}
