package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.shared.pdf.PdfA;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a letter's XHTML to PDF/A-3b with openhtmltopdf: the shipped fonts embedded, the sRGB
 * output intent, the title in the metadata; and finds where the signature block lies.
 */
final class LetterPdf {

  /** Resolution of the preview image: readable on a screen, small enough to send. */
  static final float PREVIEW_DPI = 100;

  private LetterPdf() {}

  /**
   * The PDF/A-3b of a letter page and its signature block's position.
   *
   * @param images the images the page names ({@link LetterLayout#LOGO}, {@link LetterLayout#QR})
   * @throws LetterRenderingFailed when the layout engine fails on it (a stack overflow included)
   */
  static RenderedLetter render(String xhtml, Map<String, byte[]> images) {
    try {
      return renderUnchecked(xhtml, images);
    } catch (RuntimeException | StackOverflowError e) {
      throw new LetterRenderingFailed(e);
    }
  }

  private static RenderedLetter renderUnchecked(String xhtml, Map<String, byte[]> images) {
    PdfA.Located located = PdfA.renderLocating(xhtml, images, LetterLayout.SIGNATURE_ID);
    return new RenderedLetter(
        located.pdf(),
        new SignatureBox(
            located.page(), located.x(), located.y(), located.width(), located.height()));
  }

  /** The first page of a PDF as a PNG image at {@link #PREVIEW_DPI}. */
  static byte[] firstPagePng(byte[] pdf) {
    try {
      return firstPagePngUnchecked(pdf);
    } catch (RuntimeException | StackOverflowError e) {
      throw new LetterRenderingFailed(e);
    }
  }

  private static byte[] firstPagePngUnchecked(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, PREVIEW_DPI);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
