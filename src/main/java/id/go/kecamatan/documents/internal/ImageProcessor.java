package id.go.kecamatan.documents.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded photo into what is kept: decoded (after its header passed the pixel limit),
 * turned upright by its EXIF orientation, shrunk to the longest side allowed and encoded anew, so
 * nothing of the original file survives: no EXIF, no GPS position, no camera serial, no trailing
 * bytes. A photo with transparent pixels stays PNG; every other becomes JPEG. A thumbnail is made
 * from the result. A plain JPEG photo (and a HEIC photo once converted) is decoded at a reduced
 * scale and encoded by libjpeg-turbo when it is installed ({@link TurboJpeg}), with the same
 * result.
 */
public class ImageProcessor {

  static final float JPEG_QUALITY = 0.85f;

  /**
   * Bytes per pixel a photo may hold fully decoded, times the pixel limit: 8-bit RGBA. A photo with
   * 16 bits per sample counts double, so a 49-megapixel 16-bit PNG (392 MB decoded) is refused
   * although its pixels are under the limit.
   */
  static final int BYTES_PER_PIXEL_ALLOWED = 4;

  private final int maxSide;
  private final int thumbnailSide;
  private final long maxPixels;
  private final int maxMegapixels;
  private final HeifConverter heif;
  private final TurboJpeg turbo;
  private final ImageWork work;

  /** A photo as it will be stored, and its thumbnail in the same type. */
  public record Processed(
      byte[] bytes,
      byte[] thumbnail,
      String contentType,
      String extension,
      int width,
      int height) {}

  /** What an image's header declares, read before any pixel is decoded. */
  record Header(long width, long height, int bitsPerPixel, int bitsPerSample) {

    long pixels() {
      return width * height;
    }

    int bytesPerPixel() {
      return Math.max(1, (bitsPerPixel + 7) / 8);
    }

    long decodedBytes() {
      return pixels() * bytesPerPixel();
    }
  }

  public ImageProcessor(
      int maxSide,
      int thumbnailSide,
      int maxMegapixels,
      HeifConverter heif,
      TurboJpeg turbo,
      ImageWork work) {
    this.maxSide = maxSide;
    this.thumbnailSide = thumbnailSide;
    this.maxMegapixels = maxMegapixels;
    this.maxPixels = maxMegapixels * 1_000_000L;
    this.heif = heif;
    this.turbo = turbo;
    this.work = work;
    // Registers the TwelveMonkeys readers (JPEG, WebP) with the class loader of the application,
    // which in a packaged jar is not the one ImageIO would find on first use elsewhere.
    ImageIO.scanForPlugins();
  }

  /**
   * @throws Refusal {@code documents.error.heic} (no converter), {@code documents.error.dimensions}
   *     (over the pixel limit), {@code documents.error.depth} (over the decoded size limit), {@code
   *     documents.error.unreadable} (cannot be decoded), {@code documents.error.busy} (no turn for
   *     image work came in time)
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
      try (ImageWork.Permit permit = work.enter(declared * 4)) {
        source = heif.toJpeg(file, workDir);
      } catch (IOException e) {
        throw new Refusal("documents.error.unreadable");
      }
    } else if (kind == FileKind.JPEG) {
      orientation = exifOrientation(file);
    }
    Header header = checkedHeader(source);
    int step = step(header, maxSide);
    try (ImageWork.Permit permit = work.enter(cost(header, step, maxSide))) {
      if ((kind == FileKind.JPEG || kind == FileKind.HEIF) && turbo.available()) {
        Processed fast =
            turbo.process(Files.readAllBytes(source), orientation, maxSide, thumbnailSide);
        if (fast != null) {
          return fast;
        }
      }
      BufferedImage decoded = decode(source, step);
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
  }

  /**
   * Redraws a picture (a logo) as a PNG whose longest side is at most {@code side}, keeping its
   * transparency, under the same header checks and the same bound on image work as photos.
   */
  public Processed redrawAsPng(Path file, int side) throws Refusal, IOException {
    Header header = checkedHeader(file);
    int step = step(header, side);
    try (ImageWork.Permit permit = work.enter(cost(header, step, side))) {
      BufferedImage decoded = decode(file, step);
      boolean alpha = hasTransparency(decoded);
      BufferedImage fitted = fit(decoded, side, alpha);
      byte[] png = encode(fitted, true);
      return new Processed(png, null, "image/png", "png", fitted.getWidth(), fitted.getHeight());
    }
  }

  /** The header, refused when it declares more pixels, or more decoded bytes, than allowed. */
  Header checkedHeader(Path file) throws Refusal {
    Header header = header(file);
    if (header.pixels() > maxPixels) {
      throw new Refusal("documents.error.dimensions", maxMegapixels);
    }
    if (header.decodedBytes() > maxPixels * BYTES_PER_PIXEL_ALLOWED) {
      throw new Refusal(
          "documents.error.depth",
          String.valueOf(header.width()),
          String.valueOf(header.height()),
          String.valueOf(header.bitsPerSample()));
    }
    return header;
  }

  /** Reads width, height and sample sizes from the header; no pixel is decoded. */
  static Header header(Path file) throws Refusal {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = reader(in);
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new Refusal("documents.error.unreadable");
        }
        int bitsPerPixel = 32;
        int bitsPerSample = 8;
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
          Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
          type = types.hasNext() ? types.next() : null;
        }
        if (type != null) {
          int[] sizes = type.getSampleModel().getSampleSize();
          bitsPerPixel = 0;
          bitsPerSample = 0;
          for (int size : sizes) {
            bitsPerPixel += size;
            bitsPerSample = Math.max(bitsPerSample, size);
          }
        }
        return new Header(width, height, Math.max(8, bitsPerPixel), bitsPerSample);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refusal("documents.error.unreadable");
    }
  }

  private static ImageReader reader(ImageInputStream in) throws Refusal {
    Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
    if (readers == null || !readers.hasNext()) {
      throw new Refusal("documents.error.unreadable");
    }
    return readers.next();
  }

  /**
   * Decode a big photo at every n-th pixel, the largest n that keeps its longest side at least the
   * side kept: a 4,000 × 3,000 phone photo decodes straight to the 2,000 × 1,500 that is kept, with
   * no copy to shrink, and at most {@code (2 * side)²} pixels are ever held decoded.
   */
  static int step(Header header, int side) {
    long longest = Math.max(header.width(), header.height());
    return (int) Math.max(1, longest / side);
  }

  /**
   * What a job holds at most: the decoded pixels, the first halving in 32-bit colour (a quarter of
   * them, four bytes each), and the result and its copies at the size kept, three of them in 32-bit
   * colour. The size kept is the decoded image's, shrunk to at most {@code side} on its longest
   * side: a 4:3 photo keeps three quarters of a square's pixels. (Counting a square of {@code side}
   * for every photo made a camera photo declare 58 MiB, and two of them did not fit the quarter of
   * a 512 MiB heap with the parallel collector, 113 MiB: one photo was worked on at a time on two
   * cores; now 46 MiB.)
   */
  static long cost(Header header, int step, int side) {
    long width = ceilDiv(header.width(), step);
    long height = ceilDiv(header.height(), step);
    Dimension kept = kept(width, height, side);
    return width * height * (header.bytesPerPixel() + 1) + 3L * kept.width * kept.height * 4;
  }

  /**
   * The size a picture is kept at: shrunk in proportion to at most {@code side} on its longest
   * side, never enlarged ({@link #fit} draws it at this size, {@link #cost} counts it).
   */
  static Dimension kept(long width, long height, int side) {
    double scale = Math.min(1.0, side / (double) Math.max(width, height));
    return new Dimension(
        (int) Math.max(1, Math.round(width * scale)),
        (int) Math.max(1, Math.round(height * scale)));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Decodes at every {@code step}-th pixel; the header was checked before. */
  static BufferedImage decode(Path file, int step) throws Refusal {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = reader(in);
      try {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
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
   * bilinear step would alias; a photo's 3-byte pixels are averaged two by two by {@link
   * Pixels#half}, other layouts drawn), as RGB on white or as ARGB. An image that fits already and
   * is of a plain type the encoders take as it is (a photo decoded at its kept size) is returned
   * itself: no copy is drawn for nothing.
   */
  static BufferedImage fit(BufferedImage source, int side, boolean alpha) {
    int width = source.getWidth();
    int height = source.getHeight();
    if (Math.max(width, height) <= side && plain(source, alpha)) {
      return source;
    }
    return resized(source, kept(width, height, side), alpha);
  }

  /**
   * The image at the given size, not larger than it is: halved step by step while it stays at least
   * that size, then drawn to it; the image itself when it is of that size and {@link #plain}.
   */
  static BufferedImage resized(BufferedImage source, Dimension target, boolean alpha) {
    if (source.getWidth() == target.width
        && source.getHeight() == target.height
        && plain(source, alpha)) {
      return source;
    }
    int targetWidth = target.width;
    int targetHeight = target.height;
    // Halving starts from the source itself, so no full-size copy is ever made of a big photo.
    BufferedImage current = source;
    while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
      current =
          !alpha && Pixels.plain(current)
              ? Pixels.half(current)
              : redraw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
    }
    if (current == source
        || current.getWidth() != targetWidth
        || current.getHeight() != targetHeight) {
      current = redraw(current, targetWidth, targetHeight, alpha);
    }
    return current;
  }

  /**
   * Whether the image is kept as it is: 8-bit RGB without alpha for a photo (what the JPEG reader
   * decodes to), ARGB for a picture with transparency.
   */
  private static boolean plain(BufferedImage image, boolean alpha) {
    int type = image.getType();
    return alpha
        ? type == BufferedImage.TYPE_INT_ARGB
        : type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB;
  }

  private static BufferedImage redraw(BufferedImage source, int width, int height, boolean alpha) {
    BufferedImage target =
        new BufferedImage(
            // 3-byte BGR: the layout the JPEG reader decodes to and the writer reads fastest
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
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

  /**
   * Turns the image upright by an EXIF orientation (1 upright, 6 turned right, 8 turned left): a
   * photo's 3-byte pixels moved by {@link Pixels#turned}, other layouts drawn turned.
   */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    if (Pixels.plain(image)) {
      return Pixels.turned(image, orientation);
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

  /**
   * Encodes in memory: the output stream caches in memory, never in a temporary file as {@link
   * ImageIO#createImageOutputStream} does by default.
   */
  static byte[] encode(BufferedImage image, boolean png) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!png) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      // No metadata is passed: the writer puts a bare header and nothing else.
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
