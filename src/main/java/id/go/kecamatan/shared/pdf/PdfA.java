package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
}
