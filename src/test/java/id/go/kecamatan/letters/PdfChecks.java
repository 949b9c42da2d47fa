package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Independent checks of PDFs for the letters tests: veraPDF, poppler's pdfsig, the text. */
public final class PdfChecks {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfChecks() {}

  /** The PDF/A-3B rules the file breaks according to veraPDF (empty when compliant). */
  public static List<String> pdfA3bFailures(byte[] pdf) {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
          .distinct()
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** poppler's {@code pdfsig} report of the file. */
  public static String pdfsig(byte[] pdf) {
    try {
      Path file = Files.createTempFile("signed", ".pdf");
      try {
        Files.write(file, pdf);
        Process process =
            new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of every page, as PDFBox extracts it. */
  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of the QR code on the first page, rendered as a printer would: at several resolutions
   * without smoothing, as a phone camera tries again when a frame does not read.
   */
  public static String qrOnFirstPage(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      org.apache.pdfbox.rendering.PDFRenderer renderer =
          new org.apache.pdfbox.rendering.PDFRenderer(document);
      renderer.setRenderingHints(
          new java.awt.RenderingHints(
              java.awt.RenderingHints.KEY_INTERPOLATION,
              java.awt.RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR));
      com.google.zxing.ReaderException last = null;
      for (int dpi : new int[] {300, 200, 400, 150}) {
        java.awt.image.BufferedImage image = renderer.renderImageWithDPI(0, dpi);
        try {
          return new com.google.zxing.qrcode.QRCodeReader()
              .decode(
                  new com.google.zxing.BinaryBitmap(
                      new com.google.zxing.common.HybridBinarizer(
                          new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))),
                  java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .getText();
        } catch (com.google.zxing.ReaderException e) {
          last = e;
        }
      }
      throw last;
    }
  }
}
