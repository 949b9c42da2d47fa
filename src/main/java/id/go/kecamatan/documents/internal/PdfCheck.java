package id.go.kecamatan.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox to make sure staff will be able to read it. A PDF without active content
 * is not changed: what the resident sent is what is kept (its SHA-256 stays the same); one with
 * scripts or launch actions is kept without them (ADR 0004). A file PDFBox cannot parse (a broken
 * cross-reference table, an object graph nested deep enough to overflow its recursion) is refused
 * with one WARN line; PDFBox's own complaints about uploads are not logged ({@code
 * logging.level.org.apache.pdfbox} is off).
 */
final class PdfCheck {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfCheck.class);

  /** Scratch bytes a check keeps in the heap before it spills to a file. */
  static final long SCRATCH_IN_MEMORY = 256 * 1024;

  private PdfCheck() {}

  /**
   * What the check found: the pages, and the file to store: the upload itself, or, when it held
   * active content, a copy without it.
   */
  record Checked(int pages, Path stored, boolean stripped) {}

  /**
   * Opens the PDF, checks it and removes active content ({@link PdfActiveContent}); a PDF without
   * any is kept as it came, byte for byte.
   *
   * @param cleaned where a copy without active content is written, when one is needed
   * @throws Refusal {@code documents.error.password} for an encrypted PDF (with or without a
   *     password to open it: either way its content may be locked), {@code
   *     documents.error.unreadable} for a file PDFBox cannot parse or one without pages
   */
  static Checked check(Path file, Path cleaned) throws Refusal {
    // Parsing keeps up to 256 KB of scratch in the heap and spills the rest to a scratch file, so a
    // large PDF costs disk, not memory, and a small one (a phone scan) no file at all.
    try (PDDocument pdf =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(file.toFile()),
            "",
            null,
            null,
            MemoryUsageSetting.setupMixed(SCRATCH_IN_MEMORY).streamCache)) {
      if (pdf.isEncrypted()) {
        throw new Refusal("documents.error.password");
      }
      int pages = pdf.getNumberOfPages();
      if (pages < 1) {
        throw new Refusal("documents.error.unreadable");
      }
      // walking every page also parses every page's objects: a broken one fails here
      if (!PdfActiveContent.strip(pdf)) {
        return new Checked(pages, file, false);
      }
      pdf.save(cleaned.toFile(), CompressParameters.NO_COMPRESSION);
      log.warn("Removed active content (scripts, launch or form actions) from an uploaded PDF");
      return new Checked(pages, cleaned, true);
    } catch (InvalidPasswordException e) {
      throw new Refusal("documents.error.password");
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // A broken or hostile file is the sender's problem: one line, no stack trace, no content.
      log.warn("Refused an uploaded PDF that cannot be parsed ({})", e.getClass().getSimpleName());
      throw new Refusal("documents.error.unreadable");
    }
  }
}
