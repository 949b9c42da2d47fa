package id.go.kecamatan.documents.internal;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HEIC/HEIF photos (the iPhone default) through libheif's {@code heif-convert} (Debian package
 * {@code libheif-examples}): no maintained pure-Java decoder exists (see ADR 0004). The photo is
 * converted to a JPEG in a work directory and then goes the way of every other photo. libheif
 * applies the photo's rotation and mirroring while decoding.
 */
public class HeifConverter {

  private final String command;
  private final Duration timeout;
  private final boolean available;

  public HeifConverter(String command, Duration timeout) {
    this.command = command;
    this.timeout = timeout;
    this.available = resolve(command) != null;
  }

  /** Whether {@code heif-convert} is installed; without it HEIC photos are refused politely. */
  public boolean available() {
    return available;
  }

  /**
   * Converts a HEIC/HEIF file to a JPEG in {@code workDir}, killing the converter after the
   * timeout.
   *
   * @throws IOException when the converter fails, times out or writes nothing
   */
  Path toJpeg(Path heif, Path workDir) throws IOException {
    Path outDir = Files.createTempDirectory(workDir, "heif-");
    Path out = outDir.resolve("converted.jpg");
    Process process =
        new ProcessBuilder(command, "--quiet", "-q", "95", heif.toString(), out.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("heif-convert timed out");
      }
      if (process.exitValue() != 0) {
        throw new IOException("heif-convert failed with " + process.exitValue());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    // A file with several top-level images is written as converted-1.jpg, converted-2.jpg, ...
    try (Stream<Path> files = Files.list(outDir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jpg"))
          .sorted()
          .findFirst()
          .orElseThrow(() -> new IOException("heif-convert wrote nothing"));
    }
  }

  /**
   * The largest image in a HEIF file by the spatial extents ({@code ispe}) its header declares, in
   * pixels, read without decoding anything; 0 when none is declared. This is how a HEIF
   * decompression bomb is refused before libheif allocates its pixels.
   */
  static long declaredPixels(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      return maxIspe(in, 0, in.length(), 0);
    }
  }

  private static long maxIspe(RandomAccessFile in, long start, long end, int depth)
      throws IOException {
    long max = 0;
    long position = start;
    while (position + 8 <= end && depth < 4) {
      in.seek(position);
      long size = in.readInt() & 0xffffffffL;
      String type = fourCc(in.readInt());
      long header = 8;
      if (size == 1) {
        size = in.readLong();
        header = 16;
      } else if (size == 0) {
        size = end - position;
      }
      if (size < header || position + size > end) {
        break;
      }
      long body = position + header;
      switch (type) {
        case "meta" -> max = Math.max(max, maxIspe(in, body + 4, position + size, depth + 1));
        case "iprp", "ipco" -> max = Math.max(max, maxIspe(in, body, position + size, depth + 1));
        case "ispe" -> {
          if (size >= header + 12) {
            in.seek(body + 4);
            long width = in.readInt() & 0xffffffffL;
            long height = in.readInt() & 0xffffffffL;
            max = Math.max(max, width * height);
          }
        }
        default -> {}
      }
      position += size;
    }
    return max;
  }

  private static String fourCc(int value) {
    return new String(
        new char[] {
          (char) (value >>> 24 & 0xff), (char) (value >>> 16 & 0xff),
          (char) (value >>> 8 & 0xff), (char) (value & 0xff)
        });
  }

  private static Path resolve(String command) {
    if (command.contains(File.separator)) {
      Path path = Path.of(command);
      return Files.isExecutable(path) ? path : null;
    }
    String pathVariable = System.getenv("PATH");
    if (pathVariable == null) {
      return null;
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
