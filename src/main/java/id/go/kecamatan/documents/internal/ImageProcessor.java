package id.go.kecamatan.documents.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into what is kept: decoded (after its header passed the pixel limit),
 * turned upright by its EXIF orientation, shrunk to the longest side allowed and encoded anew, so
 * nothing of the original file survives: no EXIF, no GPS position, no camera serial, no trailing
 * bytes. A photo with transparent pixels stays PNG; every other becomes JPEG. A thumbnail is made
 * from the result.
 */
public class ImageProcessor {

  static final float JPEG_QUALITY = 0.85f;

  private final int maxSide;
  private final int thumbnailSide;
  private final long maxPixels;
  private final int maxMegapixels;
  private final HeifConverter heif;

  /** A photo as it will be stored, and its thumbnail in the same type. */
  public record Processed(
      byte[] bytes,
      byte[] thumbnail,
      String contentType,
      String extension,
      int width,
      int height) {}

  public ImageProcessor(int maxSide, int thumbnailSide, int maxMegapixels, HeifConverter heif) {
    this.maxSide = maxSide;
    this.thumbnailSide = thumbnailSide;
    this.maxMegapixels = maxMegapixels;
    this.maxPixels = maxMegapixels * 1_000_000L;
    this.heif = heif;
    // Registers the TwelveMonkeys readers (JPEG, WebP) with the class loader of the application,
    // which in a packaged jar is not the one ImageIO would find on first use elsewhere.
    ImageIO.scanForPlugins();
  }

  /**
   * @throws Refusal {@code documents.error.heic} (no converter), {@code documents.error.dimensions}
   *     (over the pixel limit), {@code documents.error.unreadable} (cannot be decoded)
   */
  public Processed process(Path file, FileKind kind, Path workDir) throws Refusal, IOException {
    Path source = file;
    int orientation = 1;
    if (kind == FileKind.HEIF) {
      if (!heif.available()) {
        throw new Refusal("documents.error.heic");
      }
      long declared = HeifConverter.declaredPixels(file);
      if (declared <= 0) {
        throw new Refusal("documents.error.unreadable");
      }
      if (declared > maxPixels) {
        throw new Refusal("documents.error.dimensions", maxMegapixels);
      }
      try {
        source = heif.toJpeg(file, workDir);
      } catch (IOException e) {
        throw new Refusal("documents.error.unreadable");
      }
    } else if (kind == FileKind.JPEG) {
      orientation = exifOrientation(file);
    }
    BufferedImage decoded = decode(source);
    boolean alpha = hasTransparency(decoded);
    BufferedImage upright = orient(fit(decoded, maxSide, alpha), orientation);
    BufferedImage thumbnail = fit(upright, thumbnailSide, alpha);
    return new Processed(
        encode(upright, alpha),
        encode(thumbnail, alpha),
        alpha ? "image/png" : "image/jpeg",
        alpha ? "png" : "jpg",
        upright.getWidth(),
        upright.getHeight());
  }

  /** Decodes after checking the declared size, subsampling very large photos while decoding. */
  private BufferedImage decode(Path file) throws Refusal {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new Refusal("documents.error.unreadable");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new Refusal("documents.error.unreadable");
        }
        if (width * height > maxPixels) {
          throw new Refusal("documents.error.dimensions", maxMegapixels);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Decode a big photo at every n-th pixel, still twice the size kept, then shrink it well.
        int step = (int) Math.max(1, Math.max(width, height) / (2L * maxSide));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new Refusal("documents.error.unreadable");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refusal("documents.error.unreadable");
    }
  }

  /** The EXIF orientation of a JPEG (1 to 8), 1 when it has none or it cannot be read. */
  static int exifOrientation(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
        byte[] data;
        try (InputStream segmentData = segment.data()) {
          data = segmentData.readAllBytes();
        }
        // "Exif" is followed by two zero bytes; the identifier took the first.
        int offset = data.length > 0 && data[0] == 0 ? 1 : 0;
        try (ImageInputStream tiff =
            ImageIO.createImageInputStream(
                new ByteArrayInputStream(data, offset, data.length - offset))) {
          Directory directory = new TIFFReader().read(tiff);
          Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
          if (entry != null && entry.getValue() instanceof Number number) {
            int value = number.intValue();
            return value >= 1 && value <= 8 ? value : 1;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // A broken EXIF block only costs the rotation; the photo itself is checked when decoded.
    }
    return 1;
  }

  private static boolean hasTransparency(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return false;
    }
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) != 0xff) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The image shrunk so its longest side is at most {@code side}, halving step by step (one big
   * bilinear step would alias), as RGB on white or as ARGB.
   */
  static BufferedImage fit(BufferedImage source, int side, boolean alpha) {
    int width = source.getWidth();
    int height = source.getHeight();
    double scale = Math.min(1.0, side / (double) Math.max(width, height));
    int targetWidth = Math.max(1, (int) Math.round(width * scale));
    int targetHeight = Math.max(1, (int) Math.round(height * scale));
    BufferedImage current = redraw(source, width, height, alpha);
    while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
      current = redraw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
    }
    if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
      current = redraw(current, targetWidth, targetHeight, alpha);
    }
    return current;
  }

  private static BufferedImage redraw(BufferedImage source, int width, int height, boolean alpha) {
    BufferedImage target =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      if (!alpha) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** Turns the image upright by an EXIF orientation (1 upright, 6 turned right, 8 turned left). */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    boolean swap = orientation >= 5;
    BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
    Graphics2D g = target.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static byte[] encode(BufferedImage image, boolean png) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (png) {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IOException("no PNG writer");
      }
      return bytes.toByteArray();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      // No metadata is passed: the writer puts a bare JFIF header and nothing else.
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
