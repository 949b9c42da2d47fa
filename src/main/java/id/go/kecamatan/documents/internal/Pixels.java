package id.go.kecamatan.documents.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;

/**
 * Halving, scaling and turning a photo's pixels directly on its bytes, for the layout photos are
 * decoded to (8-bit BGR, three bytes a pixel, rows one after the other), in an image's array or in
 * native memory (libjpeg-turbo's, {@link TurboJpeg}). Java2D draws the same results through its
 * general loops, which convert every pixel to 32-bit colour and back (a camera photo's thumbnail
 * took some 11 ms of processor time that way, 7 here), and only from and into images in the heap.
 * Any other layout (a picture with alpha, a grey scan, a sub-image) is left to Java2D by the
 * callers: {@link #plain} says which images these methods take.
 */
final class Pixels {

  private Pixels() {}

  /**
   * Whether the image is 3-byte BGR in one array of its own: what {@link #half} and {@link #turned}
   * take.
   */
  static boolean plain(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
      return false;
    }
    WritableRaster raster = image.getRaster();
    return raster.getSampleModel() instanceof PixelInterleavedSampleModel model
        && raster.getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getNumBanks() == 1
        && buffer.getOffset() == 0
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && raster.getParent() == null
        && model.getPixelStride() == 3
        && model.getScanlineStride() == 3 * image.getWidth()
        && buffer.getData().length == 3 * image.getWidth() * image.getHeight();
  }

  /**
   * The image at half its width and height, each pixel the rounded mean of the two by two it stands
   * for (what a bilinear drawing at exactly half gives); an odd last row or column is left out, as
   * halving in whole pixels must. The image must be {@link #plain} and at least 2 × 2.
   */
  static BufferedImage half(BufferedImage source) {
    int width = source.getWidth();
    int height = source.getHeight();
    if (!plain(source) || width < 2 || height < 2) {
      throw new IllegalArgumentException("not a plain 3-byte BGR image of at least 2 × 2");
    }
    BufferedImage target = new BufferedImage(width / 2, height / 2, BufferedImage.TYPE_3BYTE_BGR);
    half(pixels(source), width, height, pixels(target));
    return target;
  }

  /**
   * {@link #half(BufferedImage)} on 3-byte pixels in buffers (the target of {@code width / 2 ×
   * height / 2}).
   */
  static void half(ByteBuffer from, int width, int height, ByteBuffer to) {
    int halfWidth = width / 2;
    int halfHeight = height / 2;
    int stride = 3 * width;
    int out = 0;
    for (int y = 0; y < halfHeight; y++) {
      int top = 2 * y * stride;
      int bottom = top + stride;
      for (int x = 0; x < halfWidth; x++) {
        for (int c = 0; c < 3; c++) {
          int sum =
              (from.get(top + c) & 0xff)
                  + (from.get(top + 3 + c) & 0xff)
                  + (from.get(bottom + c) & 0xff)
                  + (from.get(bottom + 3 + c) & 0xff);
          to.put(out++, (byte) ((sum + 2) >> 2));
        }
        top += 6;
        bottom += 6;
      }
    }
  }

  /**
   * 3-byte pixels in {@code from} ({@code width × height}) drawn at {@code targetWidth ×
   * targetHeight} into {@code to}, bilinear, each target pixel sampled at its centre as Java2D
   * samples it. For shrinking by less than half (more would alias: halve first) or enlarging.
   */
  static void scale(
      ByteBuffer from, int width, int height, ByteBuffer to, int targetWidth, int targetHeight) {
    int[] left = new int[targetWidth];
    int[] right = new int[targetWidth];
    int[] rightWeight = new int[targetWidth];
    taps(width, targetWidth, left, right, rightWeight);
    int[] top = new int[targetHeight];
    int[] bottom = new int[targetHeight];
    int[] bottomWeight = new int[targetHeight];
    taps(height, targetHeight, top, bottom, bottomWeight);
    int stride = 3 * width;
    int out = 0;
    for (int y = 0; y < targetHeight; y++) {
      int upper = top[y] * stride;
      int lower = bottom[y] * stride;
      int wy = bottomWeight[y];
      for (int x = 0; x < targetWidth; x++) {
        int l = 3 * left[x];
        int r = 3 * right[x];
        int wx = rightWeight[x];
        for (int c = 0; c < 3; c++) {
          int a =
              ((from.get(upper + l + c) & 0xff) << 8)
                  + wx * ((from.get(upper + r + c) & 0xff) - (from.get(upper + l + c) & 0xff));
          int b =
              ((from.get(lower + l + c) & 0xff) << 8)
                  + wx * ((from.get(lower + r + c) & 0xff) - (from.get(lower + l + c) & 0xff));
          int value = (a << 8) + wy * (b - a);
          to.put(out++, (byte) ((value + (1 << 15)) >> 16));
        }
      }
    }
  }

  /**
   * For each target position the two source positions around its centre and the second's weight (of
   * 256).
   */
  private static void taps(int size, int targetSize, int[] first, int[] second, int[] weight) {
    double ratio = size / (double) targetSize;
    for (int i = 0; i < targetSize; i++) {
      double centre = Math.min(size - 1, Math.max(0, (i + 0.5) * ratio - 0.5));
      int low = (int) Math.floor(centre);
      first[i] = low;
      second[i] = Math.min(size - 1, low + 1);
      weight[i] = (int) Math.round((centre - low) * 256);
    }
  }

  /**
   * The image turned upright by an EXIF orientation (2 to 8; see {@link ImageProcessor#orient}),
   * pixel for pixel: every pixel is moved, none is blended. The image must be {@link #plain}.
   */
  static BufferedImage turned(BufferedImage source, int orientation) {
    if (!plain(source) || orientation < 2 || orientation > 8) {
      throw new IllegalArgumentException("not a plain 3-byte BGR image or not an orientation");
    }
    int width = source.getWidth();
    int height = source.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage target =
        new BufferedImage(
            swap ? height : width, swap ? width : height, BufferedImage.TYPE_3BYTE_BGR);
    turn(pixels(source), width, height, orientation, pixels(target));
    return target;
  }

  /**
   * {@link #turned(BufferedImage, int)} on 3-byte pixels in buffers; the target is {@code height ×
   * width} for orientations 5 to 8.
   */
  static void turn(ByteBuffer from, int width, int height, int orientation, ByteBuffer to) {
    if (orientation < 2 || orientation > 8) {
      throw new IllegalArgumentException("not an orientation to turn by: " + orientation);
    }
    boolean swap = orientation >= 5;
    int targetWidth = swap ? height : width;
    int targetHeight = swap ? width : height;
    // Where the target's pixel (x, y) comes from, as a source offset: start + x * dx + y * dy.
    int row = 3 * width;
    int last = width - 1;
    int bottom = (height - 1) * row;
    int start;
    int dx;
    int dy;
    switch (orientation) {
      case 2 -> { // mirrored: source (last - x, y)
        start = 3 * last;
        dx = -3;
        dy = row;
      }
      case 3 -> { // upside down: source (last - x, last row - y)
        start = bottom + 3 * last;
        dx = -3;
        dy = -row;
      }
      case 4 -> { // mirrored upside down: source (x, last row - y)
        start = bottom;
        dx = 3;
        dy = -row;
      }
      case 5 -> { // transposed: source (y, x)
        start = 0;
        dx = row;
        dy = 3;
      }
      case 6 -> { // turned right: source (y, last row - x)
        start = bottom;
        dx = -row;
        dy = 3;
      }
      case 7 -> { // transposed the other way: source (last - y, last row - x)
        start = bottom + 3 * last;
        dx = -row;
        dy = -3;
      }
      default -> { // 8, turned left: source (last - y, x)
        start = 3 * last;
        dx = row;
        dy = -3;
      }
    }
    // In tiles, so the columns read by a turn stay in the cache.
    int tile = 64;
    for (int ty = 0; ty < targetHeight; ty += tile) {
      int yEnd = Math.min(targetHeight, ty + tile);
      for (int tx = 0; tx < targetWidth; tx += tile) {
        int xEnd = Math.min(targetWidth, tx + tile);
        for (int y = ty; y < yEnd; y++) {
          int in = start + tx * dx + y * dy;
          int out = 3 * (y * targetWidth + tx);
          for (int x = tx; x < xEnd; x++) {
            to.put(out, from.get(in));
            to.put(out + 1, from.get(in + 1));
            to.put(out + 2, from.get(in + 2));
            out += 3;
            in += dx;
          }
        }
      }
    }
  }

  private static ByteBuffer pixels(BufferedImage image) {
    return ByteBuffer.wrap(bytes(image));
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }
}
