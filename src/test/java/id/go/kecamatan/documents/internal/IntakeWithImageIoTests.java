package id.go.kecamatan.documents.internal;

/**
 * Every test of {@link IntakeTests} again with libjpeg-turbo left out ({@code
 * layanan.documents.turbo-jpeg} blank), as on a node without {@code libturbojpeg0}: JPEG photos
 * through the JDK's ImageIO keep every guarantee too.
 */
class IntakeWithImageIoTests extends IntakeTests {

  @Override
  DocumentsProperties properties(DocumentsProperties d) {
    return new DocumentsProperties(
        d.dir(),
        d.maxFileBytes(),
        d.maxFilesPerSlot(),
        d.maxBytesPerApplication(),
        d.maxImageSide(),
        d.thumbnailSide(),
        d.maxMegapixels(),
        d.heifConvert(),
        d.conversionTimeout(),
        d.imageHeapPercent(),
        "");
  }
}
