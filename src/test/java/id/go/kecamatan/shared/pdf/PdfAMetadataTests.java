package id.go.kecamatan.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import id.go.kecamatan.letters.PdfChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;

/**
 * The PDF/A metadata the application writes instead of openhtmltopdf: the same as openhtmltopdf's
 * PDF/A mode writes, valid PDF/A-3b, and still written by the application after an upgrade.
 */
class PdfAMetadataTests {

  private static final String XHTML =
      "<html lang=\"id\"><head><title>Surat &amp; &lt;Keterangan&gt; \"Domisili\" Śląsk</title>"
          + "<meta name=\"author\" content=\"Kecamatan Jetis &amp; Desa\"/>"
          + "<meta name=\"subject\" content=\"Keterangan\"/>"
          + "<meta name=\"keywords\" content=\"domisili, surat\"/></head>"
          + "<body style=\"font-family: 'Liberation Serif'\"><p>Isi <b>surat</b></p></body></html>";

  @Test
  void writesWhatOpenhtmltopdfsPdfAModeWrites() throws IOException {
    byte[] theirs = openhtmltopdfsOwn(XHTML);
    byte[] ours = PdfA.render(XHTML);

    try (PDDocument expected = Loader.loadPDF(theirs);
        PDDocument actual = Loader.loadPDF(ours)) {
      // the same text but the dates, and quotes written as references (as in the XHTML)
      assertThat(withoutDates(xmp(actual)).replace("&quot;", "\"").replace("&#39;", "'"))
          .isEqualTo(withoutDates(xmp(expected)));
      PDDocumentCatalog e = expected.getDocumentCatalog();
      PDDocumentCatalog a = actual.getDocumentCatalog();
      assertThat(a.getLanguage()).isEqualTo("id").isEqualTo(e.getLanguage());
      assertThat(a.getMarkInfo().isMarked()).isTrue();
      assertThat(a.getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(xmp(actual))
          .contains("Surat &amp; &lt;Keterangan&gt; &quot;Domisili&quot; Śląsk")
          .contains("<pdfaid:part>3</pdfaid:part>")
          .contains(
              "<xmp:CreateDate>"
                  + PdfAMetadata.date(actual.getDocumentInformation().getCreationDate())
                  + "</xmp:CreateDate>");
    }
    assertThat(PdfChecks.pdfA3bFailures(ours)).isEmpty();
  }

  @Test
  void aDocumentWithoutLanguageOrTitleIsStillPdfA() throws IOException {
    byte[] pdf =
        PdfA.render(
            "<html><body style=\"font-family: 'Liberation Serif'\"><p>Tanpa judul</p></body>"
                + "</html>");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("EN-US");
      assertThat(xmp(document)).doesNotContain("dc:title").contains("pdf:Producer");
    }
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
  }

  /** An upgrade of openhtmltopdf that drops the switch makes it write the metadata again. */
  @Test
  void theRendererStillLeavesItsMetadataToTheApplication() throws IOException {
    PdfBoxRenderer renderer = PdfA.withXhtml(PdfA.builder(), XHTML).buildPdfRenderer();
    try (renderer) {
      assertThat(PdfAMetadata.takeOver(renderer, "id")).isTrue();
    }
  }

  @Test
  void escapesMarkupAndLeavesOutCharactersXmlForbids() {
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle("a<b>&c\u0001d\tz");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Jakarta"));
    created.setTimeInMillis(1_796_000_000_123L);
    info.setCreationDate(created);

    String xmp = new String(PdfAMetadata.xmp(info), StandardCharsets.UTF_8);

    assertThat(xmp)
        .contains("<rdf:li xml:lang=\"x-default\">a&lt;b&gt;&amp;cd\tz</rdf:li>")
        .contains("<xmp:CreateDate>2026-11-30T07:53:20+07:00</xmp:CreateDate>")
        .doesNotContain("dc:creator")
        .doesNotContain("pdf:Keywords");
  }

  /** The document with its metadata written by openhtmltopdf's PDF/A mode (xmpbox). */
  static byte[] openhtmltopdfsOwn(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      var builder = PdfA.withXhtml(PdfA.builder(), xhtml);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String xmp(PDDocument document) throws IOException {
    return new String(
        document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
  }

  private static String withoutDates(String xmp) {
    return xmp.replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:]+[+-]\\d\\d:\\d\\d", "DATE");
  }
}
