package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.DocumentLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of {@code layanan.documents}. Sizes take units ({@code 10MB}); a bare number is bytes.
 *
 * @param dir where blobs and work files live (blobs under {@code blobs/}, work files under {@code
 *     work/}); the same file system for both, so finished files are moved, not copied
 * @param maxFileBytes the largest upload read; one byte more and it is refused
 * @param maxFilesPerSlot documents one requirement of an application may hold
 * @param maxBytesPerApplication bytes, as stored, all documents of one application may hold
 * @param maxImageSide the longest side of a stored photo, in pixels
 * @param thumbnailSide the longest side of a thumbnail, in pixels
 * @param maxMegapixels photos declaring more pixels are refused before they are decoded
 * @param heifConvert the {@code heif-convert} program, by name on the PATH or by path
 * @param conversionTimeout how long a HEIC conversion may take before it is killed
 * @param imageHeapPercent the share of the heap that all image work at once may hold in pixels
 *     (jobs beyond it wait their turn, as do jobs beyond one per processor core)
 * @param turboJpeg libjpeg-turbo's TurboJPEG library, by file name as the dynamic linker finds it
 *     or by path, for JPEG photos (Debian package {@code libturbojpeg0}; ADR 0039); blank, or not
 *     installed: the JDK's ImageIO, about three times the processor time a camera photo
 */
@ConfigurationProperties("layanan.documents")
public record DocumentsProperties(
    @DefaultValue("./data/documents") Path dir,
    @DefaultValue("10MB") DataSize maxFileBytes,
    @DefaultValue("5") int maxFilesPerSlot,
    @DefaultValue("40MB") DataSize maxBytesPerApplication,
    @DefaultValue("2000") int maxImageSide,
    @DefaultValue("320") int thumbnailSide,
    @DefaultValue("50") int maxMegapixels,
    @DefaultValue("heif-convert") String heifConvert,
    @DefaultValue("30s") Duration conversionTimeout,
    @DefaultValue("25") int imageHeapPercent,
    @DefaultValue(DEFAULT_TURBO_JPEG) String turboJpeg) {

  /** TurboJPEG's library as Debian, Ubuntu and Red Hat install it. */
  public static final String DEFAULT_TURBO_JPEG = "libturbojpeg.so.0";

  /** The defaults, with another directory (for tests and tools). */
  public static DocumentsProperties defaults(Path dir) {
    return new DocumentsProperties(
        dir,
        DataSize.ofMegabytes(10),
        5,
        DataSize.ofMegabytes(40),
        2000,
        320,
        50,
        "heif-convert",
        Duration.ofSeconds(30),
        25,
        DEFAULT_TURBO_JPEG);
  }

  public DocumentLimits limits() {
    return new DocumentLimits(
        maxFileBytes.toBytes(), maxFilesPerSlot, maxBytesPerApplication.toBytes());
  }
}
