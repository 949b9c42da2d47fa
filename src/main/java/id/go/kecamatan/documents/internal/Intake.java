package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import id.go.kecamatan.documents.DocumentLimits;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.shared.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one upload into the blob store, or refuses it leaving nothing behind: reads at most the
 * size limit plus one byte into a work file, types it by its first bytes, checks a PDF or
 * re-encodes a photo, then stores the result (and a photo's thumbnail) with its SHA-256.
 */
public class Intake {

  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  private final DocumentLimits limits;
  private final BlobStore blobs;
  private final ImageProcessor images;
  private final Path work;

  /** What was stored for an accepted upload. */
  public record Accepted(
      String blobKey,
      String thumbnailKey,
      String contentType,
      String extension,
      long size,
      String sha256,
      Integer width,
      Integer height) {}

  private record Stored(String key, long size, String sha256) {}

  public Intake(DocumentsProperties properties, BlobStore blobs) {
    this(properties, blobs, ImageWork.forThisProcess(properties.imageHeapPercent()));
  }

  Intake(DocumentsProperties properties, BlobStore blobs, ImageWork imageWork) {
    this.limits = properties.limits();
    this.blobs = blobs;
    this.images =
        new ImageProcessor(
            properties.maxImageSide(),
            properties.thumbnailSide(),
            properties.maxMegapixels(),
            new HeifConverter(properties.heifConvert(), properties.conversionTimeout()),
            new TurboJpeg(properties.turboJpeg()),
            imageWork);
    try {
      this.work = Files.createDirectories(properties.dir().resolve("work"));
      FileSystemBlobStore.removeLeftovers(work, Duration.ofDays(1));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the document work directory", e);
    }
  }

  public DocumentLimits limits() {
    return limits;
  }

  /**
   * Redraws a small picture that is kept outside the document store (an office logo) as a PNG of at
   * most {@code side} pixels, under the same checks and bound on image work as photos. Only JPEG
   * and PNG are taken.
   *
   * @throws Refusal {@code documents.error.type}, {@code .dimensions}, {@code .depth}, {@code
   *     .unreadable}, {@code .busy}
   */
  public ImageProcessor.Processed redrawPicture(byte[] bytes, int side) throws Refusal {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(work, "picture-");
      Path raw = Files.write(scratch.resolve("picture.bin"), bytes);
      FileKind kind = FileKind.of(raw);
      if (kind != FileKind.JPEG && kind != FileKind.PNG) {
        throw new Refusal("documents.error.type");
      }
      return images.redrawAsPng(raw, side);
    } catch (IOException e) {
      log.warn("Redrawing a picture failed: {}", e.toString());
      throw new Refusal("documents.error.failed");
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * Stores an upload for a slot.
   *
   * @throws Refusal with the message key (and arguments) to show the user; nothing is stored then
   */
  public Accepted take(Upload upload, Slot slot) throws Refusal {
    if (upload == null || upload.content() == null) {
      throw new Refusal("documents.error.noFile");
    }
    boolean named = upload.chosen();
    if (named && limits.slotFull(slot.filesAlready())) {
      throw new Refusal("documents.error.tooMany", limits.maxFilesPerSlot());
    }
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(work, "upload-");
      Path raw = scratch.resolve("upload.bin");
      MessageDigest rawSha256 = Sha256.digest();
      long size = copyCapped(upload.content(), raw, rawSha256);
      if (size == 0) {
        throw new Refusal(named ? "documents.error.empty" : "documents.error.noFile");
      }
      if (limits.slotFull(slot.filesAlready())) {
        throw new Refusal("documents.error.tooMany", limits.maxFilesPerSlot());
      }
      FileKind kind = FileKind.of(raw);
      return switch (kind) {
        case PDF -> storePdf(raw, rawSha256, slot);
        case JPEG, PNG, WEBP, HEIF -> storeImage(raw, kind, scratch, slot);
        case OTHER -> throw new Refusal("documents.error.type");
      };
    } catch (IOException e) {
      // Our disk, not the user's file: they may try again. No file name or content is logged.
      log.warn("Storing an upload failed", e);
      throw new Refusal("documents.error.failed");
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * @param rawSha256 the hash of the upload as it was read: the hash of what is stored when the PDF
   *     is kept as it came, so its bytes are not read once more for it
   */
  private Accepted storePdf(Path raw, MessageDigest rawSha256, Slot slot)
      throws Refusal, IOException {
    PdfCheck.Checked checked = PdfCheck.check(raw, raw.resolveSibling("cleaned.pdf"));
    long size = Files.size(checked.stored());
    checkApplicationTotal(slot, size);
    Stored stored =
        checked.stripped()
            ? put(checked.stored())
            : new Stored(
                blobs.put(checked.stored()), size, HexFormat.of().formatHex(rawSha256.digest()));
    return new Accepted(
        stored.key(), null, "application/pdf", "pdf", stored.size(), stored.sha256(), null, null);
  }

  private Accepted storeImage(Path raw, FileKind kind, Path scratch, Slot slot)
      throws Refusal, IOException {
    ImageProcessor.Processed image = images.process(raw, kind, scratch);
    checkApplicationTotal(slot, image.bytes().length);
    Stored main = put(image.bytes());
    String thumbnailKey;
    try {
      thumbnailKey = put(image.thumbnail()).key();
    } catch (IOException | RuntimeException e) {
      blobs.delete(main.key());
      throw e;
    }
    return new Accepted(
        main.key(),
        thumbnailKey,
        image.contentType(),
        image.extension(),
        main.size(),
        main.sha256(),
        image.width(),
        image.height());
  }

  private void checkApplicationTotal(Slot slot, long size) throws Refusal {
    if (limits.exceedsApplication(slot.applicationBytesAlready(), size)) {
      throw new Refusal("documents.error.total", limits.maxApplication());
    }
  }

  /**
   * Copies at most the limit plus one byte, hashing what it writes; never holds more than one
   * buffer in memory.
   */
  private long copyCapped(InputStream in, Path target, MessageDigest sha256)
      throws IOException, Refusal {
    long allowed = limits.maxFileBytes() + 1;
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      while (total < allowed) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, allowed - total));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        sha256.update(buffer, 0, n);
        total += n;
      }
    }
    if (total > limits.maxFileBytes()) {
      throw new Refusal("documents.error.tooBig", limits.maxFile());
    }
    return total;
  }

  /**
   * Stores a work file (streamed to the store, never held whole) with the SHA-256 of its bytes: the
   * file does not change once written, so the hash is of exactly the bytes the store receives.
   */
  private Stored put(Path file) throws IOException {
    MessageDigest sha256 = Sha256.digest();
    long size;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      size = in.transferTo(OutputStream.nullOutputStream());
    }
    String key = blobs.put(file);
    return new Stored(key, size, HexFormat.of().formatHex(sha256.digest()));
  }

  /** Stores bytes made here (a re-encoded photo, a thumbnail) with their SHA-256. */
  private Stored put(byte[] bytes) throws IOException {
    String key = blobs.put(new ByteArrayInputStream(bytes), bytes.length);
    return new Stored(key, bytes.length, Sha256.hex(bytes));
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      log.warn("Could not remove a work directory", e);
    }
  }
}
