package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.documents.TestFiles;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPEG photos through libjpeg-turbo ({@link TurboJpeg}) give what ImageIO gives: the same sizes,
 * turned the same way, no metadata, and pixels as close to the photo as ImageIO's or closer. The
 * build machine installs the library ({@code .ci/run}: {@code libturbojpeg0}); these tests fail
 * without it rather than test nothing.
 */
class TurboJpegTests {

  @TempDir Path dir;

  private final TurboJpeg turbo = new TurboJpeg(DocumentsProperties.DEFAULT_TURBO_JPEG);

  private ImageProcessor processor(TurboJpeg codec) {
    return new ImageProcessor(
        2000,
        320,
        50,
        new HeifConverter("heif-convert", Duration.ofSeconds(30)),
        codec,
        new ImageWork(1, 1L << 30, Duration.ofMinutes(1)));
  }

  private final ImageProcessor withTurbo = processor(turbo);
  private final ImageProcessor withImageIo = processor(new TurboJpeg(""));

  @Test
  void theLibraryIsInstalledAndLoads() {
    assertThat(turbo.available())
        .as("libturbojpeg.so.0 loads (Debian package libturbojpeg0, installed by .ci/run)")
        .isTrue();
  }

  @Test
  void aBlankOrMissingLibraryIsNotUsedAndImageIoTakesThePhoto() throws Exception {
    byte[] jpeg = TestFiles.jpeg(TestFiles.photo(400, 200));
    for (String library : new String[] {"", "  ", "/nonexistent/libturbojpeg.so.0"}) {
      TurboJpeg missing = new TurboJpeg(library);
      assertThat(missing.available()).as(library).isFalse();
      assertThat(missing.process(jpeg, 1, 2000, 320)).as(library).isNull();
    }
    ImageProcessor.Processed processed = withImageIo.process(file(jpeg), FileKind.JPEG, dir);
    assertThat(processed.width()).isEqualTo(400);
  }

  @Test
  void decodesAtTheSmallestEighthThatIsStillAtLeastTheSizeKept() {
    assertThat(TurboJpeg.scaled(4000, 3000, new Dimension(2000, 1500)))
        .isEqualTo(new Dimension(2000, 1500));
    assertThat(TurboJpeg.scaled(4032, 3024, new Dimension(2000, 1500)))
        .isEqualTo(new Dimension(2016, 1512));
    assertThat(TurboJpeg.scaled(4000, 3000, new Dimension(320, 240)))
        .isEqualTo(new Dimension(500, 375));
    // Not a multiple of eight: libjpeg rounds the scaled size up.
    assertThat(TurboJpeg.scaled(4001, 2999, new Dimension(320, 240)))
        .isEqualTo(new Dimension(501, 375));
    assertThat(TurboJpeg.scaled(1600, 1200, new Dimension(1600, 1200)))
        .isEqualTo(new Dimension(1600, 1200));
    assertThat(TurboJpeg.scaled(2400, 1800, new Dimension(2000, 1500)))
        .isEqualTo(new Dimension(2100, 1575));
    assertThat(TurboJpeg.scaled(1, 1, new Dimension(1, 1))).isEqualTo(new Dimension(1, 1));
  }

  @ParameterizedTest
  @CsvSource({
    "4000, 3000", // the submissions' camera photo: decoded at a half, exactly the size kept
    "4032, 3024", // a 12-megapixel phone: a half is 2,016 wide, drawn to 2,000
    "3000, 4000", // held upright
    "1600, 1200", // as a messenger app sends it: kept at its size
    "4200, 2100",
    "333, 251",
    "17, 9"
  })
  void aPhotoIsKeptAtTheSizesImageIoKeepsAndAtLeastAsFaithfully(int width, int height)
      throws Exception {
    BufferedImage original = TestFiles.photoLike(width, height, 7);
    byte[] jpeg = TestFiles.jpeg(original);
    Path file = file(jpeg);

    ImageProcessor.Processed fast = withTurbo.process(file, FileKind.JPEG, dir);
    ImageProcessor.Processed reference = withImageIo.process(file, FileKind.JPEG, dir);

    assertThat(turbo.process(jpeg, 1, 2000, 320)).as("taken by libjpeg-turbo").isNotNull();
    BufferedImage kept = read(fast.bytes());
    BufferedImage keptReference = read(reference.bytes());
    assertThat(size(kept)).isEqualTo(size(keptReference));
    assertThat(new Dimension(fast.width(), fast.height())).isEqualTo(size(kept));
    assertThat(fast.contentType()).isEqualTo("image/jpeg");
    assertThat(fast.extension()).isEqualTo("jpg");
    BufferedImage thumbnail = read(fast.thumbnail());
    assertThat(size(thumbnail)).isEqualTo(size(read(reference.thumbnail())));

    // Measured against the original shrunk by averaging, the best the size kept can hold.
    BufferedImage truth =
        ImageProcessor.resized(
            TestFiles.asType(original, BufferedImage.TYPE_3BYTE_BGR), size(kept), false);
    double error = difference(kept, truth);
    double referenceError = difference(keptReference, truth);
    assertThat(error).as("mean error per channel").isLessThanOrEqualTo(referenceError + 1.0);
    BufferedImage thumbnailTruth =
        ImageProcessor.resized(
            TestFiles.asType(original, BufferedImage.TYPE_3BYTE_BGR), size(thumbnail), false);
    if (Math.min(width, height) >= 100) { // a few pixels of JPEG are all blocks, either way
      assertThat(error).isLessThan(5.0);
      assertThat(difference(thumbnail, thumbnailTruth)).isLessThan(5.0);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyExifOrientationIsTurnedAsImageIoTurnsIt(int orientation) throws Exception {
    byte[] jpeg = TestFiles.jpegWithExif(quadrants(640, 400), orientation);
    Path file = file(jpeg);

    ImageProcessor.Processed fast = withTurbo.process(file, FileKind.JPEG, dir);
    ImageProcessor.Processed reference = withImageIo.process(file, FileKind.JPEG, dir);

    assertThat(turbo.process(jpeg, orientation, 2000, 320)).isNotNull();
    BufferedImage kept = read(fast.bytes());
    BufferedImage keptReference = read(reference.bytes());
    assertThat(size(kept)).isEqualTo(size(keptReference));
    assertThat(new Dimension(fast.width(), fast.height()))
        .isEqualTo(new Dimension(reference.width(), reference.height()));
    assertThat(difference(kept, keptReference)).isLessThan(2.0);
    BufferedImage thumbnail = read(fast.thumbnail());
    BufferedImage thumbnailReference = read(reference.thumbnail());
    assertThat(size(thumbnail)).isEqualTo(size(thumbnailReference));
    assertThat(difference(thumbnail, thumbnailReference)).isLessThan(4.0);
  }

  @Test
  void buffersKeptFromAnEarlierPhotoChangeNothingOfTheNext() throws Exception {
    // Decoded at 2,100 × 1,575, drawn to 2,000 × 1,500 and turned: every kind of buffer is used.
    byte[] large = TestFiles.jpegWithExif(TestFiles.photoLike(2400, 1800, 21), 6);
    byte[] small = TestFiles.jpeg(TestFiles.photoLike(640, 480, 22));
    ImageProcessor.Processed smallAlone =
        new TurboJpeg(DocumentsProperties.DEFAULT_TURBO_JPEG).process(small, 1, 2000, 320);
    ImageProcessor.Processed largeAlone =
        new TurboJpeg(DocumentsProperties.DEFAULT_TURBO_JPEG).process(large, 6, 2000, 320);

    TurboJpeg shared = new TurboJpeg(DocumentsProperties.DEFAULT_TURBO_JPEG);
    shared.process(large, 6, 2000, 320);
    ImageProcessor.Processed smallAfter = shared.process(small, 1, 2000, 320);
    ImageProcessor.Processed largeAfter = shared.process(large, 6, 2000, 320);

    assertThat(smallAfter.bytes()).isEqualTo(smallAlone.bytes());
    assertThat(smallAfter.thumbnail()).isEqualTo(smallAlone.thumbnail());
    assertThat(largeAfter.bytes()).isEqualTo(largeAlone.bytes());
    assertThat(largeAfter.thumbnail()).isEqualTo(largeAlone.thumbnail());
    assertThat(size(read(largeAfter.bytes()))).isEqualTo(new Dimension(1500, 2000));
  }

  @Test
  void aPanoramaTwiceTheSizeKeptEvenAtAnEighthIsLeftToImageIo() throws Exception {
    byte[] panorama = TestFiles.jpeg(TestFiles.photo(40_000, 32));
    assertThat(TurboJpeg.scaled(40_000, 32, ImageProcessor.kept(40_000, 32, 2000)).width)
        .isGreaterThanOrEqualTo(2 * 2000);

    assertThat(turbo.process(panorama, 1, 2000, 320)).isNull();
    ImageProcessor.Processed processed = withTurbo.process(file(panorama), FileKind.JPEG, dir);
    assertThat(new Dimension(processed.width(), processed.height()))
        .isEqualTo(new Dimension(2000, 2));
  }

  @Test
  void aGreyScanAndAProgressivePhotoAreTakenAsImageIoTakesThem() throws Exception {
    BufferedImage grey = new BufferedImage(1200, 900, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.drawImage(TestFiles.photoLike(1200, 900, 11), 0, 0, null);
    g.dispose();
    byte[] progressive = progressive(TestFiles.photoLike(2400, 1800, 13));
    for (byte[] jpeg : new byte[][] {TestFiles.jpeg(grey), progressive}) {
      Path file = file(jpeg);
      assertThat(turbo.process(jpeg, 1, 2000, 320)).isNotNull();
      ImageProcessor.Processed fast = withTurbo.process(file, FileKind.JPEG, dir);
      ImageProcessor.Processed reference = withImageIo.process(file, FileKind.JPEG, dir);
      BufferedImage kept = read(fast.bytes());
      assertThat(size(kept)).isEqualTo(size(read(reference.bytes())));
      assertThat(difference(kept, read(reference.bytes()))).isLessThan(4.0);
      assertThat(size(read(fast.thumbnail()))).isEqualTo(size(read(reference.thumbnail())));
    }
  }

  @Test
  void nothingOfTheUploadedFileSurvivesNeitherExifNorGpsNorTrailingBytes() throws Exception {
    byte[] upload = TestFiles.jpegWithExif(TestFiles.photoLike(800, 600, 3), 1);
    byte[] trailer = "TRAILING-SECRET".getBytes(StandardCharsets.US_ASCII);
    byte[] withTrailer = Arrays.copyOf(upload, upload.length + trailer.length);
    System.arraycopy(trailer, 0, withTrailer, upload.length, trailer.length);

    ImageProcessor.Processed processed = turbo.process(withTrailer, 1, 2000, 320);

    assertThat(processed).isNotNull();
    for (byte[] stored : new byte[][] {processed.bytes(), processed.thumbnail()}) {
      assertThat(TestFiles.jpegMarkers(stored)).doesNotContain(0xffe1);
      assertThat(TestFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
      assertThat(TestFiles.contains(stored, TestFiles.CAMERA.getBytes(StandardCharsets.US_ASCII)))
          .isFalse();
      assertThat(TestFiles.contains(stored, trailer)).isFalse();
    }
  }

  @Test
  void aPhotoWithAColourProfileIsLeftToImageIo() throws Exception {
    byte[] plain = TestFiles.jpeg(TestFiles.photoLike(800, 600, 5));
    byte[] profiled = withProfile(plain);
    assertThat(TurboJpeg.hasColourProfile(plain)).isFalse();
    assertThat(TurboJpeg.hasColourProfile(TestFiles.jpegWithExif(TestFiles.photo(8, 8), 6)))
        .isFalse();
    assertThat(TurboJpeg.hasColourProfile(profiled)).isTrue();
    assertThat(TurboJpeg.hasColourProfile(new byte[] {(byte) 0xff, (byte) 0xd8})).isTrue();
    assertThat(TurboJpeg.hasColourProfile("not a jpeg".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();

    assertThat(turbo.process(profiled, 1, 2000, 320)).isNull();
    ImageProcessor.Processed processed = withTurbo.process(file(profiled), FileKind.JPEG, dir);
    assertThat(processed.width()).isEqualTo(800);
    assertThat(read(processed.bytes()).getWidth()).isEqualTo(800);
  }

  @Test
  void aTruncatedOrBrokenPhotoIsLeftToImageIoWhichDecidesAsBefore() throws Exception {
    byte[] jpeg = TestFiles.jpeg(TestFiles.photoLike(800, 600, 9));
    byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
    byte[] garbled = jpeg.clone();
    for (int i = jpeg.length / 3; i < jpeg.length / 3 + 64; i++) {
      garbled[i] = (byte) 0xff;
    }
    byte[] headerOnly = Arrays.copyOf(jpeg, 600);
    for (byte[] broken : new byte[][] {truncated, garbled, headerOnly}) {
      assertThat(turbo.process(broken, 1, 2000, 320)).isNull();
      Outcome fast = outcome(withTurbo, broken);
      Outcome reference = outcome(withImageIo, broken);
      assertThat(fast).isEqualTo(reference);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** What processing gives, or the refusal's key. */
  private record Outcome(String refusal, Dimension size) {}

  private Outcome outcome(ImageProcessor processor, byte[] jpeg) throws IOException {
    try {
      ImageProcessor.Processed processed = processor.process(file(jpeg), FileKind.JPEG, dir);
      return new Outcome(null, new Dimension(processed.width(), processed.height()));
    } catch (Refusal refusal) {
      return new Outcome(refusal.key(), null);
    }
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(dir, "photo-", ".jpg"), bytes);
  }

  private static BufferedImage read(byte[] jpeg) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  private static Dimension size(BufferedImage image) {
    return new Dimension(image.getWidth(), image.getHeight());
  }

  /** Four colours, one a quarter, so every turn and mirror shows. */
  private static BufferedImage quadrants(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height / 2);
    g.setColor(Color.GREEN);
    g.fillRect(width / 2, 0, width - width / 2, height / 2);
    g.setColor(Color.BLUE);
    g.fillRect(0, height / 2, width / 2, height - height / 2);
    g.setColor(Color.YELLOW);
    g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
    g.dispose();
    return image;
  }

  /** The mean absolute difference per channel of two images of the same size. */
  private static double difference(BufferedImage a, BufferedImage b) {
    assertThat(size(a)).isEqualTo(size(b));
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static byte[] progressive(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = out.toByteArray();
    assertThat(TestFiles.jpegMarkers(jpeg)).as("progressive").contains(0xffc2);
    return jpeg;
  }

  /** The JPEG with an APP2 segment carrying the sRGB ICC profile after its start. */
  private static byte[] withProfile(byte[] jpeg) {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + name.length + 2 + profile.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xe2);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(name);
    out.write(1);
    out.write(1);
    out.writeBytes(profile);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
