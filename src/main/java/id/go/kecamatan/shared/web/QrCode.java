package id.go.kecamatan.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import id.go.kecamatan.shared.pdf.PdfA;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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

  /**
   * The modules of the text's QR code, quiet zone included: ZXing's, with the mask ZXing would
   * choose chosen faster ({@link QrMasks}), unless ZXing's own detector and decoder do not read
   * that code back at {@link #QUICK_SCALES 8 pixels a module}: then the code of {@link
   * #readableMatrix} (the next mask by penalty that reads at every scale from 3 to 8). For some 3
   * letter addresses in 1,000 (with some hosts 1 in 10,000, with others 6) the mask of least
   * penalty leaves a pattern among the data that the reader takes for a finder pattern, so that the
   * code reads at no scale, or at 3 or 4 pixels a module and at none larger (a phone camera sees
   * more); one read at 8 pixels finds them all, for some 0.1 to 0.2 ms a code. Codes that fail only
   * at some fractional or single small scales (some 2 in 100), which a moving camera gets past,
   * keep the mask of least penalty here: only {@link #readableMatrix} checks every scale.
   */
  public static BitMatrix matrix(String text) {
    return readable(text, QUICK_SCALES);
  }

  /**
   * {@link #matrix}, unless ZXing's own reader does not read that code back at every scale from 3
   * to 8 pixels a module (quarter steps, as a camera or a 150 dpi rendering quantizes it): then the
   * code with the next mask by penalty that it does read. The penalty of ISO 18004 does not rule
   * out a pattern among the data that the reader takes for a finder pattern (some 3 codes in 1,000
   * of a short address), or one that passes for it only at some scales (some 7 in 1,000); any mask
   * is a valid code, so a printed code gets one that reads. For what is printed once and scanned
   * from a wall (posters): the check reads the code some twenty times, a few milliseconds.
   */
  public static BitMatrix readableMatrix(String text) {
    return readable(text, EVERY_SCALE);
  }

  /**
   * The code with the mask of least penalty if ZXing reads it back at these scales (quarters of a
   * pixel a module), else the first by penalty of the other masks that it reads back at {@link
   * #EVERY_SCALE every scale}; the mask of least penalty when none does.
   */
  private static BitMatrix readable(String text, int[] firstChecked) {
    int[] ranked = QrMasks.ranked(encodeCode(text, 0));
    if (ranked == null) {
      // wider than QrMasks ranks: ZXing's choice first, then the others in order
      int chosen = encodeCode(text, -1).getMaskPattern();
      ranked = new int[8];
      ranked[0] = chosen;
      for (int mask = 0, i = 1; mask < 8; mask++) {
        if (mask != chosen) {
          ranked[i++] = mask;
        }
      }
    }
    BitMatrix first = encode(text, ranked[0]);
    if (readsBack(first, text, firstChecked)) {
      return first;
    }
    for (int i = 1; i < ranked.length; i++) {
      BitMatrix matrix = encode(text, ranked[i]);
      if (readsBack(matrix, text, EVERY_SCALE)) {
        return matrix;
      }
    }
    return first;
  }

  /**
   * The scale {@link #matrix} reads a code back at, in quarters of a pixel a module: 8 pixels. Of
   * 40,000 letter and short addresses, the codes of least penalty of 144 did not read at 8, 10 and
   * 12 pixels a module (85 of them at no scale from 3 to 12, 7 only from 5 or 7 pixels up): a check
   * at 8 finds them all, one at 4 would keep those 7.
   */
  static final int[] QUICK_SCALES = {32};

  /**
   * Every scale {@link #readableMatrix} reads a code back at: 3 to 8 pixels a module, in quarters.
   */
  static final int[] EVERY_SCALE = java.util.stream.IntStream.rangeClosed(12, 32).toArray();

  private static final Map<DecodeHintType, Object> READ =
      Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

  /** Whether ZXing's detector and decoder read the text back at every scale checked. */
  static boolean readsBack(BitMatrix matrix, String text) {
    return readsBack(matrix, text, EVERY_SCALE);
  }

  /**
   * Whether ZXing's detector and decoder read the text back at each of these scales, in quarters of
   * a pixel a module.
   */
  static boolean readsBack(BitMatrix matrix, String text, int[] quarters) {
    for (int quarter : quarters) {
      try {
        DetectorResult detected = new Detector(scaled(matrix, quarter / 4.0)).detect(READ);
        if (!text.equals(new Decoder().decode(detected.getBits(), READ).getText())) {
          return false;
        }
      } catch (ReaderException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The modules as pixels, {@code scale} a module: each pixel the module under its centre. A row of
   * pixels is made once for each row of modules, a run of pixels for each module, and copied (pixel
   * by pixel, this took half the time of {@link #matrix}'s check).
   */
  static BitMatrix scaled(BitMatrix matrix, double scale) {
    int modules = matrix.getWidth();
    int size = (int) Math.round(modules * scale);
    int[] module = new int[size];
    for (int p = 0; p < size; p++) {
      module[p] = Math.min(modules - 1, (int) ((p + 0.5) / scale));
    }
    BitMatrix image = new BitMatrix(size);
    BitArray row = new BitArray(size);
    int made = -1;
    for (int y = 0; y < size; y++) {
      if (module[y] != made) {
        made = module[y];
        row.clear();
        for (int x = 0, end; x < size; x = end) {
          end = x + 1;
          while (end < size && module[end] == module[x]) {
            end++;
          }
          if (matrix.get(module[x], made)) {
            row.setRange(x, end);
          }
        }
      }
      image.setRow(y, row);
    }
    return image;
  }

  /** The code's modules with this mask (-1: the one ZXing chooses) and the quiet zone. */
  private static BitMatrix encode(String text, int mask) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints(mask, true));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code of this text", e);
    }
  }

  private static QRCode encodeCode(String text, int mask) {
    try {
      return Encoder.encode(text, ErrorCorrectionLevel.M, hints(mask, false));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code of this text", e);
    }
  }

  private static Map<EncodeHintType, Object> hints(int mask, boolean margin) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
    if (mask >= 0) {
      hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
    }
    if (margin) {
      hints.put(EncodeHintType.MARGIN, 4);
    }
    return hints;
  }

  /** The most CSS pixels a side a page's QR code takes. */
  static final int SVG_SIDE = 220;

  /**
   * The QR code as an inline SVG of one path, a rectangle for each row's run of dark modules (no
   * script, no style attribute, so the page's content security policy holds), black on white, with
   * this accessible name. It is drawn a whole number of pixels a module, as large as fits {@value
   * #SVG_SIDE} pixels: at a fraction (220 pixels for 37 modules is 5.95 a module) a screen draws
   * some modules a pixel narrower than others, and a reader then failed on some 3 codes in 1,000 of
   * one rendering; at a whole number it read every one of 2,000 addresses at 3 to 7 pixels a
   * module.
   */
  public static String svg(String text, String label) {
    BitMatrix matrix = matrix(text);
    int size = matrix.getWidth();
    int side = Math.max(1, SVG_SIDE / size) * size;
    // each row's runs of dark modules as one rectangle: a third of the bytes of one square a
    // module (the survey's code on its page: 9 KB before), drawn the same
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      int x = 0;
      while (x < size) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int run = 1;
        while (x + run < size && matrix.get(x + run, y)) {
          run++;
        }
        path.append('M').append(x).append(' ').append(y);
        path.append('h').append(run).append("v1h-").append(run).append('z');
        x += run;
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\""
        + label.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
        + "\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" width=\""
        + side
        + "\" height=\""
        + side
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\""
        + " height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /**
   * A black-and-white PNG of the text's QR code, {@code scale} pixels per module: at four or more a
   * viewer scaling it up keeps the edges sharp.
   *
   * <p>Written here rather than by ImageIO, whose PNG writer reads the image pixel by pixel and
   * tries every row filter (a tenth of a letter's processor time): 8-bit RGB, although one bit per
   * pixel would be smaller, because PDFBox copies an RGB PNG's compressed data into a PDF as it is
   * (some 20 microseconds) but decodes a grey one and compresses it again (3-4 ms, a third of a
   * letter's layout); the first row of each module row is written out (filter None), the others
   * repeat the row above (filter Up, all zeros).
   */
  public static byte[] png(String text, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("A module is at least one pixel");
    }
    BitMatrix matrix = matrix(text);
    int modules = matrix.getWidth();
    int size = modules * scale;
    int stride = 1 + 3 * size;
    byte[] rows = new byte[stride * size];
    for (int y = 0; y < size; y += scale) {
      int start = y * stride;
      rows[start] = FILTER_NONE;
      for (int x = 0; x < modules; x++) {
        if (!matrix.get(x, y / scale)) {
          Arrays.fill(rows, start + 1 + 3 * x * scale, start + 1 + 3 * (x + 1) * scale, WHITE);
        }
      }
      for (int repeat = 1; repeat < scale; repeat++) {
        rows[start + repeat * stride] = FILTER_UP;
      }
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(rows.length / 16 + 64);
    try {
      deflater.setInput(rows);
      deflater.finish();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        compressed.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(size).putInt(size);
    // 8 bits a sample, colour type 2 (RGB), deflate, adaptive filtering, not interlaced
    header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
    png.writeBytes(SIGNATURE);
    chunk(png, "IHDR", header.array());
    chunk(png, "IDAT", compressed.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte FILTER_NONE = 0;
  private static final byte FILTER_UP = 2;
  private static final byte WHITE = (byte) 0xff;

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(name);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** {@link #png} as a {@code data:} URI for the XHTML a PDF is rendered from. */
  public static String pngDataUri(String text, int scale) {
    return PdfA.dataUri("image/png", png(text, scale));
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
