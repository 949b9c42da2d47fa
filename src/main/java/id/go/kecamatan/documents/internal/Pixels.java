package id.go.kecamatan.documents.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Halving and turning a photo's pixels directly on its bytes, for the layout photos are decoded to
 * (8-bit BGR, three bytes a pixel, rows one after the other). Java2D draws the same results through
 * its general loops, which convert every pixel to 32-bit colour and back: a camera photo's
 * thumbnail took some 11 ms that way, its halvings here about a tenth of that. Any other layout (a
 * picture with alpha, a grey scan, a sub-image) is left to Java2D by the callers: {@link #plain}
 * says which images these methods take.
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
    int halfWidth = width / 2;
    int halfHeight = height / 2;
    if (!plain(source) || halfWidth == 0 || halfHeight == 0) {
      throw new IllegalArgumentException("not a plain 3-byte BGR image of at least 2 × 2");
    }
    BufferedImage target = new BufferedImage(halfWidth, halfHeight, BufferedImage.TYPE_3BYTE_BGR);
    byte[] from = bytes(source);
    byte[] to = bytes(target);
    int stride = 3 * width;
    int out = 0;
    for (int y = 0; y < halfHeight; y++) {
      int top = 2 * y * stride;
      int bottom = top + stride;
      for (int x = 0; x < halfWidth; x++) {
        for (int c = 0; c < 3; c++) {
          int sum =
              (from[top + c] & 0xff)
                  + (from[top + 3 + c] & 0xff)
                  + (from[bottom + c] & 0xff)
                  + (from[bottom + 3 + c] & 0xff);
          to[out++] = (byte) ((sum + 2) >> 2);
        }
        top += 6;
        bottom += 6;
      }
    }
    return target;
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
    int targetWidth = swap ? height : width;
    int targetHeight = swap ? width : height;
    BufferedImage target =
        new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_3BYTE_BGR);
    byte[] from = bytes(source);
    byte[] to = bytes(target);
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
            to[out] = from[in];
            to[out + 1] = from[in + 1];
            to[out + 2] = from[in + 2];
            out += 3;
            in += dx;
          }
        }
      }
    }
    return target;
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }
}
