package id.go.kecamatan.documents.internal;

import static id.go.kecamatan.documents.TestFiles.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import id.go.kecamatan.documents.FileSize;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class IntakeTests {

  @TempDir Path dir;
  FileSystemBlobStore blobs;
  Intake intake;

  @BeforeEach
  void setUp() {
    blobs = new FileSystemBlobStore(dir.resolve("blobs"));
    intake = new Intake(properties(DocumentsProperties.defaults(dir)), blobs);
  }

  /** The settings these tests run with: the defaults (JPEG photos through libjpeg-turbo). */
  DocumentsProperties properties(DocumentsProperties defaults) {
    return defaults;
  }

  // ---- photos ---------------------------------------------------------------------------------

  @Test
  void aPhotoLosesItsExifAndGpsAndIsTurnedUpright() throws Exception {
    byte[] upload = TestFiles.jpegWithExif(TestFiles.photo(400, 200), 6);
    assertThat(contains(upload, TestFiles.CAMERA.getBytes(StandardCharsets.US_ASCII))).isTrue();
    Path source = Files.write(dir.resolve("source.jpg"), upload);
    assertThat(ImageProcessor.exifOrientation(source)).isEqualTo(6);

    Intake.Accepted accepted =
        intake.take(upload("foto.jpg", "image/jpeg", upload), Slot.empty("ktp"));

    byte[] stored = read(accepted.blobKey());
    assertThat(accepted.contentType()).isEqualTo("image/jpeg");
    assertThat(TestFiles.jpegMarkers(stored)).doesNotContain(0xffe1);
    assertThat(contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(contains(stored, TestFiles.CAMERA.getBytes(StandardCharsets.US_ASCII))).isFalse();
    // Orientation 6: the 400×200 sensor image is shown 200×400, its red half on top.
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(400);
    assertThat(accepted.width()).isEqualTo(200);
    assertThat(accepted.height()).isEqualTo(400);
    assertThat(red(image.getRGB(100, 50))).isGreaterThan(200);
    assertThat(blue(image.getRGB(100, 350))).isGreaterThan(200);
    assertThat(accepted.sha256()).isEqualTo(sha256(stored));
    assertThat(accepted.size()).isEqualTo(stored.length);
  }

  @Test
  void aLargePhotoIsShrunkToTheLongestSideAndGetsAThumbnail() throws Exception {
    byte[] upload = TestFiles.jpeg(TestFiles.photo(4200, 2100));

    Intake.Accepted accepted = intake.take(upload("besar.jpg", null, upload), Slot.empty("kk"));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(accepted.blobKey())));
    assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(2000);
    assertThat(image.getWidth()).isEqualTo(2000);
    assertThat(image.getHeight()).isEqualTo(1000);
    assertThat(accepted.thumbnailKey()).isNotNull();
    assertThat(blobs.exists(accepted.thumbnailKey())).isTrue();
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(read(accepted.thumbnailKey())));
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(160);
  }

  @Test
  void aPngWithTransparencyStaysPngAndAnOpaquePngBecomesJpeg() throws Exception {
    Intake.Accepted transparent =
        intake.take(
            upload("ttd.png", "image/png", TestFiles.transparentPng(300, 100)), Slot.empty("ttd"));
    Intake.Accepted opaque =
        intake.take(
            upload("scan.png", "image/png", TestFiles.png(TestFiles.photo(300, 100))),
            Slot.empty("scan"));

    assertThat(transparent.contentType()).isEqualTo("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(transparent.blobKey())));
    assertThat(image.getRGB(250, 50) >>> 24).isZero();
    assertThat(opaque.contentType()).isEqualTo("image/jpeg");
    assertThat(opaque.extension()).isEqualTo("jpg");
  }

  @Test
  void aWebpPhotoIsDecodedAndStoredAsJpeg() throws Exception {
    Intake.Accepted lossy =
        intake.take(upload("foto.webp", "image/webp", TestFiles.WEBP_LOSSY), Slot.empty("foto"));
    Intake.Accepted lossless =
        intake.take(upload("foto.webp", "image/webp", TestFiles.WEBP_LOSSLESS), Slot.empty("foto"));

    assertThat(lossy.contentType()).isEqualTo("image/jpeg");
    assertThat(lossy.width()).isEqualTo(1);
    assertThat(lossless.width()).isEqualTo(1);
  }

  @Test
  void aPngDeclaringHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
    byte[] bomb = TestFiles.pngDeclaring(100_000, 100_000);

    assertRefused(
        upload("bom.png", "image/png", bomb), Slot.empty("foto"), "documents.error.dimensions");
  }

  @Test
  void aSixteenBitPngUnderThePixelLimitIsRefusedByWhatItWouldTakeDecoded() throws Exception {
    // 49 megapixels pass the 50-megapixel limit, but 16 bits per sample make 392 MB decoded.
    byte[] deep = TestFiles.sixteenBitPng();
    assertThat(deep.length).isLessThan(1024 * 1024);

    assertThatThrownBy(() -> intake.take(upload("dalam.png", "image/png", deep), Slot.empty("f")))
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.key()).isEqualTo("documents.error.depth");
              assertThat(r.args()).containsExactly("7000", "7000", "16");
            });
    assertThat(workFiles()).isEmpty();
  }

  @Test
  void bigPhotosAtOnceTakeTurnsWithinTheBudgetOfImageWork() throws Exception {
    // Each decodes subsampled to 2,500 × 2,500 (25 MB as RGB) and holds about 44 MB in all: two at
    // once would take more than the 64 MB budget, so they take turns, and all are stored.
    ImageWork work = new ImageWork(2, 64L * 1024 * 1024, Duration.ofMinutes(2));
    Intake bounded = new Intake(properties(DocumentsProperties.defaults(dir)), blobs, work);
    byte[] big = TestFiles.plainPng(5000, 5000, 8, false);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Intake.Accepted>> results =
          new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(
            pool.submit(() -> bounded.take(upload("besar.png", null, big), Slot.empty("f"))));
      }
      for (var result : results) {
        Intake.Accepted accepted = result.get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(accepted.width()).isEqualTo(2000);
        assertThat(accepted.height()).isEqualTo(2000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(work.peakMegabytes()).isPositive().isLessThanOrEqualTo(64);
  }

  /**
   * A camera photo (4,000 × 3,000, decoded at every second pixel to the 2,000 × 1,500 kept)
   * declares what it holds at that size, not a square of 2,000: two fit the budget of a node with
   * {@code -Xmx512m} and the parallel collector (a quarter of the 455 MiB the JVM gives the heap),
   * so both cores work on photos at once; a square photo of the same width declares more.
   */
  @Test
  void twoCameraPhotosAreWorkedOnAtOnceWithinTheBudgetOfA512MiBNode() throws Exception {
    ImageProcessor.Header camera = new ImageProcessor.Header(4000, 3000, 24, 8);
    int step = ImageProcessor.step(camera, 2000);
    assertThat(step).isEqualTo(2);
    long cost = ImageProcessor.cost(camera, step, 2000);
    // 2,000 × 1,500 decoded (3 bytes and 1 more a pixel), three copies of it at 4 bytes a pixel
    assertThat(cost).isEqualTo(2000L * 1500 * 4 + 3L * 2000 * 1500 * 4);
    ImageProcessor.Header square = new ImageProcessor.Header(4000, 4000, 24, 8);
    assertThat(ImageProcessor.cost(square, 2, 2000)).isGreaterThan(cost);

    ImageWork work = new ImageWork(2, 455L * 1024 * 1024 / 4, Duration.ofMillis(50));
    try (ImageWork.Permit first = work.enter(cost);
        ImageWork.Permit second = work.enter(cost)) {
      assertThat(work.peakMegabytes()).isEqualTo(2 * 46);
    }
  }

  @Test
  void aTurnNotComingInTimeIsARefusalToTryAgain() throws Exception {
    ImageWork work = new ImageWork(1, 64L * 1024 * 1024, Duration.ofMillis(50));
    try (ImageWork.Permit busy = work.enter(1)) {
      assertThatThrownBy(() -> work.enter(1))
          .isInstanceOfSatisfying(
              Refusal.class, r -> assertThat(r.key()).isEqualTo("documents.error.busy"));
    }
    work.enter(1).close();
  }

  @Test
  void aJpegThatIsOnlyAHeaderCannotBeRead() throws Exception {
    byte[] jpeg = TestFiles.jpeg(TestFiles.photo(100, 100));
    byte[] truncated = java.util.Arrays.copyOf(jpeg, 20);

    assertRefused(
        upload("rusak.jpg", "image/jpeg", truncated),
        Slot.empty("foto"),
        "documents.error.unreadable");
  }

  // ---- HEIC -----------------------------------------------------------------------------------

  @Test
  void aHeicPhotoIsRefusedPolitelyWhenHeifConvertIsMissing() throws Exception {
    DocumentsProperties defaults = DocumentsProperties.defaults(dir);
    DocumentsProperties noConverter =
        new DocumentsProperties(
            dir,
            defaults.maxFileBytes(),
            5,
            defaults.maxBytesPerApplication(),
            2000,
            320,
            50,
            "/nonexistent/heif-convert",
            Duration.ofSeconds(5),
            25,
            defaults.turboJpeg());
    Intake withoutConverter = new Intake(noConverter, blobs);
    byte[] heic = new byte[64];
    System.arraycopy(
        new byte[] {
          0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h',
          'e', 'i', 'c'
        },
        0,
        heic,
        0,
        24);

    assertThatThrownBy(
            () ->
                withoutConverter.take(
                    upload("IMG_0001.HEIC", "image/heic", heic), Slot.empty("foto")))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.key()).isEqualTo("documents.error.heic"));
    assertThat(storedKeys()).isEmpty();
  }

  @Test
  void aHeicPhotoIsConvertedWhenLibheifIsInstalled() throws Exception {
    assumeThat(onPath("heif-enc") && onPath("heif-convert"))
        .as("libheif-examples installed")
        .isTrue();
    Path png = Files.write(dir.resolve("in.png"), TestFiles.png(TestFiles.photo(640, 320)));
    Path heic = dir.resolve("in.heic");
    Process enc =
        new ProcessBuilder("heif-enc", "-o", heic.toString(), png.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(enc.waitFor()).isZero();
    assertThat(HeifConverter.declaredPixels(heic)).isEqualTo(640L * 320);

    Intake.Accepted accepted =
        intake.take(
            upload("IMG_0001.HEIC", "image/heic", Files.readAllBytes(heic)), Slot.empty("foto"));

    assertThat(accepted.contentType()).isEqualTo("image/jpeg");
    assertThat(accepted.width()).isEqualTo(640);
    assertThat(accepted.height()).isEqualTo(320);
    assertThat(accepted.thumbnailKey()).isNotNull();
    assertThat(workFiles()).isEmpty();
  }

  // ---- PDFs -----------------------------------------------------------------------------------

  @Test
  void aPdfIsKeptByteForByteWithItsHash() throws Exception {
    byte[] pdf = TestFiles.pdf(2);

    Intake.Accepted accepted =
        intake.take(upload("surat pengantar.pdf", "application/pdf", pdf), Slot.empty("pengantar"));

    assertThat(read(accepted.blobKey())).isEqualTo(pdf);
    assertThat(accepted.sha256()).isEqualTo(sha256(pdf));
    assertThat(accepted.contentType()).isEqualTo("application/pdf");
    assertThat(accepted.thumbnailKey()).isNull();
    assertThat(accepted.width()).isNull();
  }

  @Test
  void aPdfWithScriptsAndLaunchActionsIsStoredWithoutThem() throws Exception {
    byte[] upload = TestFiles.activePdf("Surat pengantar RT");
    assertThat(contains(upload, "app.alert".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(contains(upload, "/Launch".getBytes(StandardCharsets.US_ASCII))).isTrue();

    Intake.Accepted accepted =
        intake.take(upload("pengantar.pdf", "application/pdf", upload), Slot.empty("rt"));

    byte[] stored = read(accepted.blobKey());
    assertThat(stored).isNotEqualTo(upload);
    assertThat(accepted.sha256()).isEqualTo(sha256(stored));
    assertThat(accepted.size()).isEqualTo(stored.length);
    for (String active : new String[] {"app.alert", "/JavaScript", "/Launch", "calc.exe", "/AA"}) {
      assertThat(contains(stored, active.getBytes(StandardCharsets.US_ASCII))).as(active).isFalse();
    }
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(stored)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
          .contains("Surat pengantar RT");
      var annotations = pdf.getPage(0).getAnnotations();
      assertThat(annotations).hasSize(2);
      var launchLink =
          (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink) annotations.get(0);
      var webLink =
          (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink) annotations.get(1);
      assertThat(launchLink.getAction()).isNull();
      assertThat(webLink.getAction())
          .isInstanceOfSatisfying(
              org.apache.pdfbox.pdmodel.interactive.action.PDActionURI.class,
              uri -> assertThat(uri.getURI()).isEqualTo("https://kecamatan.example.id/"));
    }
  }

  @Test
  void aPdfWithoutActiveContentIsKeptByteForByteEvenWithLinks() throws Exception {
    byte[] upload = TestFiles.pdf(2);

    Intake.Accepted accepted =
        intake.take(upload("kk.pdf", "application/pdf", upload), Slot.empty("kk"));

    assertThat(read(accepted.blobKey())).isEqualTo(upload);
  }

  @Test
  void aPasswordProtectedPdfIsRefused() {
    assertRefused(
        upload("rahasia.pdf", "application/pdf", TestFiles.encryptedPdf("buka")),
        Slot.empty("f"),
        "documents.error.password");
  }

  @Test
  void aPdfLockedWithOnlyAnOwnerPasswordIsRefusedToo() {
    assertRefused(
        upload("terkunci.pdf", "application/pdf", TestFiles.encryptedPdf("")),
        Slot.empty("f"),
        "documents.error.password");
  }

  @Test
  void aBrokenPdfCannotBeRead() {
    byte[] pdf = TestFiles.pdf(1);
    byte[] broken = java.util.Arrays.copyOf(pdf, 40);

    assertRefused(
        upload("rusak.pdf", "application/pdf", broken),
        Slot.empty("f"),
        "documents.error.unreadable");
  }

  // ---- what is refused by type, size and count ------------------------------------------------

  @Test
  void executablesNamedPdfAreRefusedByTheirContent() {
    assertRefused(
        upload("ktp.pdf", "application/pdf", TestFiles.elf()),
        Slot.empty("ktp"),
        "documents.error.type");
    assertRefused(
        upload("ktp.pdf", "application/pdf", TestFiles.windowsExecutable()),
        Slot.empty("ktp"),
        "documents.error.type");
    assertRefused(
        upload(
            "ktp.jpg",
            "image/jpeg",
            "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
        Slot.empty("ktp"),
        "documents.error.type");
  }

  @Test
  void theDeclaredTypeAndNameDoNotDecide() throws Exception {
    byte[] jpeg = TestFiles.jpeg(TestFiles.photo(50, 50));

    Intake.Accepted accepted =
        intake.take(upload("dokumen.pdf", "application/pdf", jpeg), Slot.empty("f"));

    assertThat(accepted.contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void anEmptyFileAndNoFileAreTold() {
    assertRefused(
        upload("kosong.pdf", "application/pdf", new byte[0]),
        Slot.empty("f"),
        "documents.error.empty");
    assertRefused(
        upload("", "application/octet-stream", new byte[0]),
        Slot.empty("f"),
        "documents.error.noFile");
    assertRefused(null, Slot.empty("f"), "documents.error.noFile");
  }

  @Test
  void anOversizedStreamIsReadOnlyToTheLimitPlusOneByte() {
    TestFiles.EndlessStream endless = new TestFiles.EndlessStream();

    assertThatThrownBy(
            () -> intake.take(new Upload("video.mp4", "video/mp4", endless), Slot.empty("f")))
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.key()).isEqualTo("documents.error.tooBig");
              assertThat(r.args())
                  .containsExactly(new FileSize(DataSize.ofMegabytes(10).toBytes()));
            });
    assertThat(endless.read).isEqualTo(DataSize.ofMegabytes(10).toBytes() + 1);
    assertThat(storedKeys()).isEmpty();
    assertThat(workFiles()).isEmpty();
  }

  @Test
  void aSixthFileInASlotIsRefused() throws Exception {
    for (int i = 0; i < 5; i++) {
      intake.take(
          upload("hal-" + i + ".pdf", "application/pdf", TestFiles.pdf(1)),
          new Slot("lampiran", i, 0));
    }

    assertRefused(
        upload("hal-6.pdf", "application/pdf", TestFiles.pdf(1)),
        new Slot("lampiran", 5, 0),
        "documents.error.tooMany");
    assertThat(storedKeys()).hasSize(5);
  }

  @Test
  void aFileThatWouldTakeTheApplicationOverItsTotalIsRefused() {
    long almostFull = DataSize.ofMegabytes(40).toBytes() - 100;

    assertRefused(
        upload("akta.pdf", "application/pdf", TestFiles.pdf(1)),
        new Slot("akta", 0, almostFull),
        "documents.error.total");
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Refused with the key, and nothing left in the store or the work directory. */
  private void assertRefused(Upload upload, Slot slot, String key) {
    long before = storedKeys().size();
    assertThatThrownBy(() -> intake.take(upload, slot))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.key()).isEqualTo(key));
    assertThat(storedKeys()).hasSize((int) before);
    assertThat(workFiles()).isEmpty();
    try (Stream<Path> incoming = Files.list(dir.resolve("blobs/.incoming"))) {
      assertThat(incoming).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private java.util.List<String> storedKeys() {
    try (Stream<String> keys = blobs.keys()) {
      return keys.toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private java.util.List<Path> workFiles() {
    try (Stream<Path> files = Files.list(dir.resolve("work"))) {
      return files.toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Upload upload(String name, String type, byte[] bytes) {
    return new Upload(name, type, new ByteArrayInputStream(bytes));
  }

  private byte[] read(String key) throws IOException {
    try (InputStream in = blobs.open(key)) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int red(int rgb) {
    return rgb >> 16 & 0xff;
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(java.io.File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
