package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.documents.TestFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A photo's bytes halved and turned as Java2D draws them. */
class PixelsTests {

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void turningMovesEveryPixelWhereJava2dDrawsIt(int orientation) {
    for (int[] size : new int[][] {{37, 23}, {64, 64}, {130, 67}, {1, 9}}) {
      BufferedImage image = noise(size[0], size[1], orientation);

      BufferedImage turned = Pixels.turned(image, orientation);

      assertThat(bytes(turned)).isEqualTo(bytes(drawnTurned(image, orientation)));
    }
  }

  @ParameterizedTest
  @CsvSource({"40, 30", "2000, 1500", "6, 2"})
  void halvingIsTheMeanOfEachTwoByTwoAsABilinearDrawingAtHalfGives(int width, int height) {
    BufferedImage image = noise(width, height, width);

    BufferedImage half = Pixels.half(image);

    assertThat(half.getWidth()).isEqualTo(width / 2);
    assertThat(half.getHeight()).isEqualTo(height / 2);
    assertThat(half.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    byte[] drawn = bytes(drawnHalf(image));
    byte[] ours = bytes(half);
    for (int i = 0; i < ours.length; i++) {
      assertThat(Math.abs((ours[i] & 0xff) - (drawn[i] & 0xff)))
          .as("byte %d", i)
          .isLessThanOrEqualTo(1);
    }
    byte[] source = bytes(image);
    int stride = 3 * width;
    int expected =
        ((source[0] & 0xff)
                + (source[3] & 0xff)
                + (source[stride] & 0xff)
                + (source[stride + 3] & 0xff)
                + 2)
            / 4;
    assertThat(ours[0] & 0xff).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2016, 1512, 2000, 1500", "37, 23, 30, 19", "64, 48, 33, 25", "10, 10, 13, 13"})
  void scalingIsTheBilinearDrawingJava2dMakes(int width, int height, int toWidth, int toHeight) {
    BufferedImage image = smooth(width, height);
    BufferedImage drawn = drawn(image, toWidth, toHeight);
    ByteBuffer scaled = ByteBuffer.allocateDirect(3 * toWidth * toHeight);

    Pixels.scale(ByteBuffer.wrap(bytes(image)), width, height, scaled, toWidth, toHeight);

    byte[] expected = bytes(drawn);
    int worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs((scaled.get(i) & 0xff) - (expected[i] & 0xff)));
    }
    assertThat(worst).isLessThanOrEqualTo(2);
  }

  @Test
  void scalingKeepsAnEdgeWhereItIs() {
    // Left half black, right half white: after scaling the columns left of the middle stay dark.
    BufferedImage image = new BufferedImage(20, 4, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = bytes(image);
    for (int y = 0; y < 4; y++) {
      for (int x = 10; x < 20; x++) {
        for (int c = 0; c < 3; c++) {
          pixels[3 * (20 * y + x) + c] = (byte) 255;
        }
      }
    }
    ByteBuffer scaled = ByteBuffer.allocate(3 * 15 * 3);
    Pixels.scale(ByteBuffer.wrap(pixels), 20, 4, scaled, 15, 3);
    assertThat(scaled.get(3 * 6) & 0xff).isZero();
    assertThat(scaled.get(3 * 8) & 0xff).isEqualTo(255);
    assertThat(scaled.get(3 * 7) & 0xff).isBetween(1, 254);
  }

  @Test
  void anOddLastRowAndColumnAreLeftOut() {
    BufferedImage image = noise(5, 3, 1);
    byte[] source = bytes(image);
    BufferedImage half = Pixels.half(image);
    assertThat(half.getWidth()).isEqualTo(2);
    assertThat(half.getHeight()).isEqualTo(1);
    // The second pixel's blue: columns 2 and 3 of rows 0 and 1.
    int expected =
        ((source[6] & 0xff) + (source[9] & 0xff) + (source[21] & 0xff) + (source[24] & 0xff) + 2)
            / 4;
    assertThat(bytes(half)[3] & 0xff).isEqualTo(expected);
  }

  @Test
  void onlyWholeThreeByteImagesAreTaken() {
    assertThat(Pixels.plain(noise(8, 8, 1))).isTrue();
    assertThat(Pixels.plain(noise(8, 8, 1).getSubimage(1, 1, 4, 4))).isFalse();
    assertThat(Pixels.plain(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))).isFalse();
    assertThat(Pixels.plain(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY))).isFalse();
    assertThat(Pixels.plain(new BufferedImage(8, 8, BufferedImage.TYPE_4BYTE_ABGR))).isFalse();
    assertThatThrownBy(() -> Pixels.half(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.half(noise(1, 8, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.turned(noise(8, 8, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.turned(noise(8, 8, 1), 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void imagesOfOtherLayoutsAreStillTurnedAndShrunkByJava2d() {
    BufferedImage rgb = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xff0000);
    BufferedImage turned = ImageProcessor.orient(rgb, 6);
    assertThat(turned.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(turned.getWidth()).isEqualTo(20);
    assertThat(turned.getRGB(19, 0) & 0xffffff).isEqualTo(0xff0000);
    BufferedImage fitted = ImageProcessor.fit(rgb, 10, false);
    assertThat(fitted.getWidth()).isEqualTo(10);
    assertThat(fitted.getHeight()).isEqualTo(5);
  }

  private static BufferedImage noise(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    new Random(seed).nextBytes(bytes(image));
    return image;
  }

  /**
   * Soft gradients and a few edges, as in a photo (noise would make rounding differences the test).
   */
  private static BufferedImage smooth(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = 255 * x / width;
        int g = 255 * y / height;
        int b = (x / 7 + y / 5) % 2 == 0 ? 40 : 220;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  /** Java2D's bilinear drawing at that size. */
  private static BufferedImage drawn(BufferedImage image, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = target.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return target;
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  /**
   * What Java2D draws turned: {@link ImageProcessor#orient} draws an image of another layout
   * (32-bit RGB) with the orientation's transform, as it drew every photo before.
   */
  private static BufferedImage drawnTurned(BufferedImage image, int orientation) {
    BufferedImage turned =
        ImageProcessor.orient(TestFiles.asType(image, BufferedImage.TYPE_INT_RGB), orientation);
    assertThat(turned.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    return TestFiles.asType(turned, BufferedImage.TYPE_3BYTE_BGR);
  }

  /** What {@link ImageProcessor#fit} drew before for each halving: bilinear at half. */
  private static BufferedImage drawnHalf(BufferedImage image) {
    return drawn(image, image.getWidth() / 2, image.getHeight() / 2);
  }
}
