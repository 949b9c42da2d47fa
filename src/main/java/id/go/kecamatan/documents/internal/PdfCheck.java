package id.go.kecamatan.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox to make sure staff will be able to read it. The file is not changed: what
 * the resident sent is what is kept (its SHA-256 stays the same).
 */
final class PdfCheck {

  private PdfCheck() {}

  /**
   * Returns the number of pages.
   *
   * @throws Refusal {@code documents.error.password} for an encrypted PDF (with or without a
   *     password to open it: either way its content may be locked), {@code
   *     documents.error.unreadable} for a file PDFBox cannot parse or one without pages
   */
  static int check(Path file) throws Refusal {
    // Parsing spills to a scratch file rather than the heap, so a large PDF costs disk, not memory.
    try (PDDocument pdf =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(file.toFile()),
            "",
            null,
            null,
            MemoryUsageSetting.setupTempFileOnly().streamCache)) {
      if (pdf.isEncrypted()) {
        throw new Refusal("documents.error.password");
      }
      int pages = pdf.getNumberOfPages();
      if (pages < 1) {
        throw new Refusal("documents.error.unreadable");
      }
      return pages;
    } catch (InvalidPasswordException e) {
      throw new Refusal("documents.error.password");
    } catch (IOException | RuntimeException e) {
      throw new Refusal("documents.error.unreadable");
    }
  }
}
