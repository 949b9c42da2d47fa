package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.TestFiles;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a camera photo costs the processor in each step of {@link ImageProcessor} (not a test, not
 * run by the build): the submissions' photo (a photo-like 4,000 × 3,000 JPEG of about 250 KB) read
 * for its header, decoded to 2,000 × 1,500, its thumbnail drawn, both encoded, and the whole of
 * {@code process} (which also reads the EXIF orientation), and the kept photo turned as a portrait
 * photo's EXIF orientation asks (which {@code process} skips for this upright photo), in one thread
 * with the JIT warmed up by the rounds before. The medians of the last rounds are what a warm node
 * pays.
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath \
 *   -Dmdep.outputFile=/dev/stdout) id.go.kecamatan.documents.internal.ImageWorkBenchmark
 * </pre>
 *
 * ({@code -Dbench.photo=4000x3000 -Dbench.photoBytes=256000 -Dbench.rounds=12}.)
 */
public final class ImageWorkBenchmark {

  private ImageWorkBenchmark() {}

  public static void main(String[] args) throws Exception {
    String[] side = System.getProperty("bench.photo", "4000x3000").split("x");
    int bytes = Integer.getInteger("bench.photoBytes", 250 * 1024);
    int rounds = Integer.getInteger("bench.rounds", 12);
    int perRound = 20;
    int maxSide = 2000;
    int thumbnailSide = 320;
    Path dir = Files.createTempDirectory("image-work-");
    Path photo =
        Files.write(
            dir.resolve("photo.jpg"),
            TestFiles.jpegOfAbout(
                TestFiles.photoLike(Integer.parseInt(side[0]), Integer.parseInt(side[1]), 1),
                bytes));
    ImageProcessor images =
        new ImageProcessor(
            maxSide,
            thumbnailSide,
            50,
            new HeifConverter("heif-convert", Duration.ofSeconds(30)),
            new TurboJpeg(
                System.getProperty("bench.turboJpeg", DocumentsProperties.DEFAULT_TURBO_JPEG)),
            new ImageWork(1, 1L << 30, Duration.ofMinutes(1)));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf(
        Locale.ROOT,
        "BENCH photo %sx%s, %,d bytes; %d rounds of %d; processor time of one thread, ms per"
            + " photo%n",
        side[0],
        side[1],
        Files.size(photo),
        rounds,
        perRound);
    for (int round = 1; round <= rounds; round++) {
      long[] stage = new long[7];
      for (int i = 0; i < perRound; i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        ImageProcessor.Header header = ImageProcessor.header(photo);
        long t1 = cpu.getCurrentThreadCpuTime();
        BufferedImage decoded = ImageProcessor.decode(photo, ImageProcessor.step(header, maxSide));
        BufferedImage kept = ImageProcessor.fit(decoded, maxSide, false);
        long t2 = cpu.getCurrentThreadCpuTime();
        BufferedImage thumbnail = ImageProcessor.fit(kept, thumbnailSide, false);
        long t3 = cpu.getCurrentThreadCpuTime();
        ImageProcessor.encode(kept, false);
        long t4 = cpu.getCurrentThreadCpuTime();
        ImageProcessor.encode(thumbnail, false);
        long t5 = cpu.getCurrentThreadCpuTime();
        images.process(photo, FileKind.JPEG, dir);
        long t6 = cpu.getCurrentThreadCpuTime();
        ImageProcessor.orient(kept, 6);
        long t7 = cpu.getCurrentThreadCpuTime();
        stage[0] += t1 - t0;
        stage[1] += t2 - t1;
        stage[2] += t3 - t2;
        stage[3] += t4 - t3;
        stage[4] += t5 - t4;
        stage[5] += t6 - t5;
        stage[6] += t7 - t6;
      }
      System.out.printf(
          Locale.ROOT,
          "BENCH round %2d: header %.1f, decode to %d px %.1f, thumbnail drawn %.1f, encode %.1f,"
              + " thumbnail encoded %.1f; process() as a whole %.1f; turned right (EXIF 6)"
              + " %.1f%n",
          round,
          stage[0] / 1e6 / perRound,
          maxSide,
          stage[1] / 1e6 / perRound,
          stage[2] / 1e6 / perRound,
          stage[3] / 1e6 / perRound,
          stage[4] / 1e6 / perRound,
          stage[5] / 1e6 / perRound,
          stage[6] / 1e6 / perRound);
    }
  }
}
