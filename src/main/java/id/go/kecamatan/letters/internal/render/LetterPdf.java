package id.go.kecamatan.letters.internal.render;

import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import id.go.kecamatan.shared.pdf.PdfA;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a letter's XHTML to PDF/A-3b with openhtmltopdf: the shipped fonts embedded, the sRGB
 * output intent, the title in the metadata; and finds where the signature block lies.
 */
final class LetterPdf {

  private static final Pattern SIGNATURE = Pattern.compile(LetterLayout.SIGNATURE_ID);

  /** Resolution of the preview image: readable on a screen, small enough to send. */
  static final float PREVIEW_DPI = 100;

  private LetterPdf() {}

  /**
   * The PDF/A-3b of a letter page and its signature block's position.
   *
   * @throws LetterRenderingFailed when the layout engine fails on it (a stack overflow included)
   */
  static RenderedLetter render(String xhtml) {
    try {
      return renderUnchecked(xhtml);
    } catch (RuntimeException | StackOverflowError e) {
      throw new LetterRenderingFailed(e);
    }
  }

  private static RenderedLetter renderUnchecked(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = PdfA.builder();
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    SignatureBox box;
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDF();
      // positions are known once the pages are drawn
      List<PagePosition<Box>> positions = renderer.findPagePositionsByID(SIGNATURE);
      if (positions.isEmpty()) {
        throw new IllegalStateException("The letter has no signature block");
      }
      PagePosition<Box> position = positions.get(0);
      box =
          new SignatureBox(
              position.getPageNo(),
              position.getX(),
              position.getY(),
              position.getWidth(),
              position.getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RenderedLetter(out.toByteArray(), box);
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
