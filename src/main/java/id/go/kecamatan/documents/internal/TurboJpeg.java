package id.go.kecamatan.documents.internal;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG photos decoded at a reduced scale and encoded by libjpeg-turbo's TurboJPEG library (Debian
 * package {@code libturbojpeg0}) when it is installed, through JNA (ADR 0039). The JDK's own codec
 * (IJG libjpeg 6b, without SIMD) decodes all 12 megapixels of a camera photo to keep every second
 * one, and cannot scale in the transform: a camera photo cost some 48-65 ms of processor time
 * there; here it is decoded straight at half scale (the inverse transform of 4 × 4 of each block's
 * 8 × 8 coefficients), its thumbnail at an eighth (each block's mean), and encoded with SIMD: some
 * 19-20 ms ({@code ImageWorkBenchmark}).
 *
 * <p>Only plain photos go this way: YCbCr or grey, without an ICC colour profile (a photo with one,
 * a CMYK scan, anything the library refuses or warns about goes to ImageIO as before, whose
 * refusals and colour handling stay the reference). What is kept is the same as ImageIO's: the
 * pixels turned upright, at most the longest side allowed, encoded anew at the same quality with
 * the same 4:2:0 chroma subsampling and no metadata (the library writes a bare JFIF header).
 * Handles are made for each photo, so no state is shared between threads; the native memory of the
 * pixels and of the encoded files is taken from buffers kept between photos ({@link NativeBuffers},
 * ADR 0043), and the library writes into them rather than allocating its own.
 */
public final class TurboJpeg {

  private static final Logger log = LoggerFactory.getLogger(TurboJpeg.class);

  private static final int PIXEL_FORMAT_BGR = 1;
  private static final int SUBSAMPLING_420 = 2;
  private static final int COLOURSPACE_RGB = 0;
  private static final int COLOURSPACE_YCBCR = 1;
  private static final int COLOURSPACE_GREY = 2;
  private static final int NO_REALLOCATION = 1024; // TJFLAG_NOREALLOC

  /**
   * Native memory kept between photos for each core (each works on one photo at a time, {@link
   * ImageWork}): a camera photo's steps hold some 28 MiB at once.
   */
  private static final long KEPT_BYTES_PER_CORE = 32L * 1024 * 1024;

  private static final int QUALITY = Math.round(ImageProcessor.JPEG_QUALITY * 100);

  /** The functions of TurboJPEG's API 2 (libjpeg-turbo 2.0 and later, also in 3.x). */
  interface Api extends Library {
    Pointer tjInitDecompress();

    Pointer tjInitCompress();

    int tjDestroy(Pointer handle);

    int tjDecompressHeader3(
        Pointer handle,
        Pointer jpeg,
        NativeLong size,
        IntByReference width,
        IntByReference height,
        IntByReference subsampling,
        IntByReference colourspace);

    int tjDecompress2(
        Pointer handle,
        Pointer jpeg,
        NativeLong size,
        Pointer pixels,
        int width,
        int pitch,
        int height,
        int pixelFormat,
        int flags);

    int tjCompress2(
        Pointer handle,
        Pointer pixels,
        int width,
        int pitch,
        int height,
        int pixelFormat,
        PointerByReference jpeg,
        NativeLongByReference size,
        int subsampling,
        int quality,
        int flags);

    NativeLong tjBufSize(int width, int height, int subsampling);

    String tjGetErrorStr2(Pointer handle);
  }

  private final String library;
  private final NativeBuffers buffers;
  private volatile Api api;
  private volatile boolean tried;

  /**
   * @param library the library's file name as the dynamic linker finds it ({@code
   *     libturbojpeg.so.0}), or a path; blank: not used
   */
  public TurboJpeg(String library) {
    this.library = library == null ? "" : library.strip();
    this.buffers =
        new NativeBuffers(Runtime.getRuntime().availableProcessors() * KEPT_BYTES_PER_CORE);
  }

  /** Whether the library is installed and loads; loaded on the first call, once. */
  public boolean available() {
    return api() != null;
  }

  private Api api() {
    if (!tried) {
      synchronized (this) {
        if (!tried) {
          api = load(library);
          tried = true;
        }
      }
    }
    return api;
  }

  private static Api load(String library) {
    if (library.isEmpty()) {
      log.info("JPEG photos: ImageIO (layanan.documents.turbo-jpeg is blank)");
      return null;
    }
    try {
      Api loaded = Native.load(library, Api.class);
      Pointer probe = loaded.tjInitCompress();
      if (probe == null) {
        throw new IllegalStateException("tjInitCompress gave no handle");
      }
      loaded.tjDestroy(probe);
      log.info("JPEG photos: libjpeg-turbo ({})", library);
      return loaded;
    } catch (LinkageError | RuntimeException e) {
      log.info(
          "JPEG photos: ImageIO ({} cannot be loaded: {}; Debian package libturbojpeg0)",
          library,
          e.getMessage());
      return null;
    }
  }

  /**
   * The photo as it is kept, its longest side at most {@code side} and turned upright by {@code
   * orientation}, and its thumbnail, or {@code null} when this photo is not for this library (not
   * installed, a colour profile, CMYK, twice the size kept even at an eighth, an error or a warning
   * while decoding): ImageIO takes it then.
   */
  ImageProcessor.Processed process(byte[] jpeg, int orientation, int side, int thumbnailSide) {
    Api tj = api();
    if (tj == null || hasColourProfile(jpeg)) {
      return null;
    }
    Pointer decompressor = tj.tjInitDecompress();
    if (decompressor == null) {
      return null;
    }
    try (NativeBuffers.Lease source = buffers.take(jpeg.length)) {
      source.memory().write(0, jpeg, 0, jpeg.length);
      Jpeg file = new Jpeg(source.memory(), new NativeLong(jpeg.length));
      IntByReference width = new IntByReference();
      IntByReference height = new IntByReference();
      IntByReference subsampling = new IntByReference();
      IntByReference colourspace = new IntByReference();
      if (tj.tjDecompressHeader3(
              decompressor, file.bytes(), file.size(), width, height, subsampling, colourspace)
          != 0) {
        return null;
      }
      int space = colourspace.getValue();
      if (space != COLOURSPACE_YCBCR && space != COLOURSPACE_GREY && space != COLOURSPACE_RGB) {
        return null;
      }
      int w = width.getValue();
      int h = height.getValue();
      Dimension kept = ImageProcessor.kept(w, h, side);
      Dimension thumbnail = ImageProcessor.kept(kept.width, kept.height, thumbnailSide);
      Dimension scaled = scaled(w, h, kept);
      if (scaled.width >= 2 * kept.width || scaled.height >= 2 * kept.height) {
        // Twice the size kept even at an eighth (a panorama over 32,000 px): a bilinear drawing
        // would alias; ImageIO halves step by step.
        return null;
      }
      byte[] keptJpeg = encodeKept(tj, decompressor, file, scaled, kept, orientation);
      if (keptJpeg == null) {
        return null;
      }
      Dimension thumbnailScaled = scaled(w, h, thumbnail);
      BufferedImage small;
      try (NativeBuffers.Lease pixels = buffers.take(bytes(thumbnailScaled))) {
        if (!decode(tj, decompressor, file, pixels.memory(), thumbnailScaled)) {
          return null;
        }
        small =
            ImageProcessor.orient(
                ImageProcessor.resized(image(pixels.memory(), thumbnailScaled), thumbnail, false),
                orientation);
      }
      byte[] thumbnailJpeg = encode(tj, small);
      if (thumbnailJpeg == null) {
        return null;
      }
      boolean turned = orientation >= 5 && orientation <= 8;
      return new ImageProcessor.Processed(
          keptJpeg,
          thumbnailJpeg,
          "image/jpeg",
          "jpg",
          turned ? kept.height : kept.width,
          turned ? kept.width : kept.height);
    } finally {
      tj.tjDestroy(decompressor);
    }
  }

  /** The JPEG file's bytes in native memory. */
  private record Jpeg(Pointer bytes, NativeLong size) {}

  /**
   * The size the library decodes to at the smallest of its scales (eighths, as libjpeg's inverse
   * transform allows) that is still at least {@code target} both ways, so the pixels are only ever
   * shrunk after it, never enlarged: a 4,000 × 3,000 photo kept at 2,000 × 1,500 decodes at a half,
   * exactly; a 4,032 × 3,024 at a half too (2,016 × 1,512, then drawn to 2,000 × 1,500).
   */
  static Dimension scaled(int width, int height, Dimension target) {
    for (int eighths = 1; eighths < 8; eighths++) {
      int w = ceilEighths(width, eighths);
      int h = ceilEighths(height, eighths);
      if (w >= target.width && h >= target.height) {
        return new Dimension(w, h);
      }
    }
    return new Dimension(width, height);
  }

  /** libjpeg's scaled size: {@code ceil(size × eighths / 8)}. */
  private static int ceilEighths(int size, int eighths) {
    return (int) (((long) size * eighths + 7) / 8);
  }

  /** The bytes of 3-byte pixels of this size. */
  private static long bytes(Dimension size) {
    return 3L * size.width * size.height;
  }

  private static boolean decode(
      Api tj, Pointer handle, Jpeg file, Pointer pixels, Dimension scaled) {
    // 0 only without error and without warning (a truncated file warns and is left to ImageIO).
    return tj.tjDecompress2(
            handle,
            file.bytes(),
            file.size(),
            pixels,
            scaled.width,
            0,
            scaled.height,
            PIXEL_FORMAT_BGR,
            0)
        == 0;
  }

  /**
   * The photo decoded at {@code scaled}, drawn to the size kept and turned upright in native memory
   * ({@link Pixels}: none of its megabytes in the heap), encoded; {@code null} when the library
   * could not. Each step's pixels are given back as soon as the next step has them.
   */
  private byte[] encodeKept(
      Api tj, Pointer decompressor, Jpeg file, Dimension scaled, Dimension kept, int orientation) {
    NativeBuffers.Lease pixels = buffers.take(bytes(scaled));
    try {
      if (!decode(tj, decompressor, file, pixels.memory(), scaled)) {
        return null;
      }
      Dimension size = scaled;
      if (!scaled.equals(kept)) {
        NativeBuffers.Lease resized = buffers.take(bytes(kept));
        Pixels.scale(
            pixels.bytes(bytes(scaled)),
            scaled.width,
            scaled.height,
            resized.bytes(bytes(kept)),
            kept.width,
            kept.height);
        pixels.close();
        pixels = resized;
        size = kept;
      }
      if (orientation >= 2 && orientation <= 8) {
        NativeBuffers.Lease turned = buffers.take(bytes(size));
        Pixels.turn(
            pixels.bytes(bytes(size)),
            size.width,
            size.height,
            orientation,
            turned.bytes(bytes(size)));
        pixels.close();
        pixels = turned;
        size = orientation >= 5 ? new Dimension(size.height, size.width) : size;
      }
      return encode(tj, pixels.memory(), size);
    } finally {
      pixels.close();
    }
  }

  /** The pixels as a 3-byte BGR image (the layout TurboJPEG's BGR format has). */
  private static BufferedImage image(Memory pixels, Dimension size) {
    BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    pixels.read(0, data, 0, data.length);
    return image;
  }

  private byte[] encode(Api tj, BufferedImage image) {
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    try (NativeBuffers.Lease pixels = buffers.take(data.length)) {
      pixels.memory().write(0, data, 0, data.length);
      return encode(tj, pixels.memory(), new Dimension(image.getWidth(), image.getHeight()));
    }
  }

  /**
   * The pixels encoded into a buffer of the largest size the library may write for them ({@code
   * tjBufSize}, so it never allocates one of its own: {@code TJFLAG_NOREALLOC}).
   */
  private byte[] encode(Api tj, Pointer pixels, Dimension size) {
    long largest = tj.tjBufSize(size.width, size.height, SUBSAMPLING_420).longValue();
    if (largest <= 0) {
      return null;
    }
    Pointer compressor = tj.tjInitCompress();
    if (compressor == null) {
      return null;
    }
    try (NativeBuffers.Lease out = buffers.take(largest)) {
      PointerByReference jpeg = new PointerByReference(out.memory());
      NativeLongByReference length = new NativeLongByReference(new NativeLong(largest));
      int result =
          tj.tjCompress2(
              compressor,
              pixels,
              size.width,
              0,
              size.height,
              PIXEL_FORMAT_BGR,
              jpeg,
              length,
              SUBSAMPLING_420,
              QUALITY,
              NO_REALLOCATION);
      long written = length.getValue().longValue();
      if (result != 0
          || !out.memory().equals(jpeg.getValue())
          || written <= 0
          || written > largest) {
        log.warn("libjpeg-turbo could not encode a photo: {}", tj.tjGetErrorStr2(compressor));
        return null;
      }
      return out.memory().getByteArray(0, Math.toIntExact(written));
    } finally {
      tj.tjDestroy(compressor);
    }
  }

  private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether the JPEG carries an ICC colour profile (an APP2 segment named {@code ICC_PROFILE})
   * before its first scan: such photos keep going to ImageIO, whose colour handling is the
   * reference. A file whose segments cannot be walked counts as having one.
   */
  static boolean hasColourProfile(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
      return true;
    }
    int at = 2;
    while (at + 4 <= jpeg.length) {
      if ((jpeg[at] & 0xff) != 0xff) {
        return true;
      }
      int marker = jpeg[at + 1] & 0xff;
      if (marker == 0xff) { // fill byte
        at++;
        continue;
      }
      if (marker == 0xda || marker == 0xd9) { // start of scan, end of image
        return false;
      }
      int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
      if (length < 2) {
        return true;
      }
      if (marker == 0xe2
          && length >= 2 + ICC_PROFILE.length
          && at + 4 + ICC_PROFILE.length <= jpeg.length) {
        boolean named = true;
        for (int i = 0; i < ICC_PROFILE.length; i++) {
          named &= jpeg[at + 4 + i] == ICC_PROFILE[i];
        }
        if (named) {
          return true;
        }
      }
      at += 2 + length;
    }
    return true;
  }
}
