package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders XHTML to PDF/A-3b with openhtmltopdf as every PDF of the application is made: the shipped
 * fonts embedded ({@link PdfFonts}), the sRGB output intent, the producer named.
 */
public final class PdfA {

  /** The sRGB profile of the PDF/A output intent, read once. */
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private PdfA() {}

  /** A builder set up for PDF/A-3b, without content or output yet. */
  public static PdfRendererBuilder builder() {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfAConformance.PDFA_3_B);
    builder.useColorProfile(SRGB);
    builder.withProducer("Layanan Kecamatan");
    PdfFonts.register(builder);
    return builder;
  }

  /** The PDF/A-3b of an XHTML document. */
  public static byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = builder();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A PDF and where one of its elements was drawn, for a visible signature over it: PDF user space
   * (points, origin at the bottom left of the page).
   *
   * @param page the 0-based page index
   */
  public record Located(byte[] pdf, int page, float x, float y, float width, float height) {}

  /**
   * The PDF/A-3b of an XHTML document and where the element with this {@code id} lies (its first
   * box).
   *
   * @throws IllegalStateException when the document has no such element
   */
  public static Located renderLocating(String xhtml, String id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = builder();
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    PagePosition<?> position;
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDF();
      // positions are known once the pages are drawn
      List<? extends PagePosition<?>> positions =
          renderer.findPagePositionsByID(Pattern.compile(Pattern.quote(id)));
      if (positions.isEmpty()) {
        throw new IllegalStateException("The document has no element " + id);
      }
      position = positions.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Located(
        out.toByteArray(),
        position.getPageNo(),
        position.getX(),
        position.getY(),
        position.getWidth(),
        position.getHeight());
  }
}
