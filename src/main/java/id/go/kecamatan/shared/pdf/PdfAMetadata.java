package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF/A-3b metadata of a document rendered by {@link PdfA}, written by the application instead
 * of openhtmltopdf: the XMP that repeats the document information (title, author, subject,
 * keywords, producer, creation date) with the PDF/A identification, the mark info, the language and
 * the viewer's preference to show the title. openhtmltopdf writes the same in its PDF/A mode
 * through xmpbox, which builds its type mapping by reflection ten times per document and serialises
 * through a DOM and an XSLT transformer: a twelfth of a letter's processor time. The XMP here is
 * the same text (the packet, the four schemas and the extension schema describing the PDF and PDF/A
 * identification properties) from a template.
 *
 * <p>The renderer stays in its PDF/A mode for everything else (its fonts limited to those it
 * embeds, the output intent). openhtmltopdf offers no switch for its metadata alone: {@link
 * #takeOver} sets the conformance a built renderer keeps for writing its metadata, the one thing it
 * reads it for after it is built, to none (ADR 0040). Where that field is not there (another
 * version of openhtmltopdf), openhtmltopdf writes the metadata as before.
 */
final class PdfAMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(PdfAMetadata.class);

  /** The renderer's conformance as it writes its metadata; null when it has no such field. */
  private static final Field CONFORMANCE = conformanceField();

  private PdfAMetadata() {}

  /**
   * Makes a renderer built in PDF/A mode leave its metadata to this class, which writes it when the
   * pages are drawn, before the document is saved. Does nothing (openhtmltopdf writes it) where the
   * renderer cannot be told.
   *
   * @return whether this class writes the metadata
   */
  static boolean takeOver(PdfBoxRenderer renderer, String language) {
    if (CONFORMANCE == null) {
      return false;
    }
    try {
      CONFORMANCE.set(renderer, PdfAConformance.NONE);
    } catch (IllegalAccessException | RuntimeException e) {
      return false;
    }
    renderer.setListener(
        new PDFCreationListener() {
          @Override
          public void preOpen(PdfBoxRenderer r) {
            // nothing before the pages
          }

          @Override
          public void preWrite(PdfBoxRenderer r, int pageCount) {
            // nothing before the pages
          }

          @Override
          public void onClose(PdfBoxRenderer r) {
            try {
              write(r.getPdfDocument(), language);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
    return true;
  }

  private static Field conformanceField() {
    try {
      Field field = PdfBoxRenderer.class.getDeclaredField("_pdfAConformance");
      if (field.getType() != PdfAConformance.class) {
        throw new NoSuchFieldException("_pdfAConformance is a " + field.getType());
      }
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      LOG.warn("openhtmltopdf writes the PDF/A metadata itself (slower): {}", e.toString());
      return null;
    }
  }

  /**
   * Writes the metadata, the mark info, the language ({@code EN-US} when the document names none,
   * as openhtmltopdf does) and the viewer preferences into the document's catalog.
   */
  static void write(PDDocument document, String language) throws IOException {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDMetadata metadata = new PDMetadata(document);
    metadata.importXMPMetadata(xmp(document.getDocumentInformation()));
    catalog.setMetadata(metadata);
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    catalog.setLanguage(language == null || language.isEmpty() ? "EN-US" : language);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
  }

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** The XMP packet of the document information, as openhtmltopdf's PDF/A mode writes it. */
  static byte[] xmp(PDDocumentInformation info) {
    StringBuilder x = new StringBuilder(4608);
    x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")
        .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        .append("  <rdf:RDF xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
        .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
        .append(" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        .append("    <rdf:Description rdf:about=\"\">\n")
        .append("      <pdfaid:conformance>B</pdfaid:conformance>\n")
        .append("      <pdfaid:part>3</pdfaid:part>\n")
        .append("    </rdf:Description>\n")
        .append("    <rdf:Description rdf:about=\"\">\n")
        .append("      <pdf:PDFVersion>1.7</pdf:PDFVersion>\n");
    simple(x, "pdf:Keywords", info.getKeywords());
    simple(x, "pdf:Producer", info.getProducer());
    x.append("    </rdf:Description>\n")
        .append(
            "    <rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" rdf:about=\"\">\n");
    simple(x, "xmp:CreatorTool", info.getCreator());
    simple(x, "xmp:CreateDate", date(info.getCreationDate()));
    simple(x, "xmp:ModifyDate", date(info.getModificationDate()));
    x.append("    </rdf:Description>\n")
        .append("    <rdf:Description rdf:about=\"\">\n")
        .append("      <dc:format>application/pdf</dc:format>\n");
    if (info.getAuthor() != null) {
      x.append("      <dc:creator>\n        <rdf:Seq>\n          <rdf:li>");
      escape(x, info.getAuthor()).append("</rdf:li>\n        </rdf:Seq>\n      </dc:creator>\n");
    }
    alternative(x, "dc:title", info.getTitle());
    alternative(x, "dc:description", info.getSubject());
    x.append("    </rdf:Description>\n").append(EXTENSION_SCHEMAS);
    x.append("  </rdf:RDF>\n</x:xmpmeta><?xpacket end=\"w\"?>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void simple(StringBuilder x, String element, String value) {
    if (value != null) {
      x.append("      <").append(element).append('>');
      escape(x, value).append("</").append(element).append(">\n");
    }
  }

  private static void alternative(StringBuilder x, String element, String value) {
    if (value != null) {
      x.append("      <")
          .append(element)
          .append(">\n        <rdf:Alt>\n")
          .append("          <rdf:li xml:lang=\"x-default\">");
      escape(x, value)
          .append("</rdf:li>\n        </rdf:Alt>\n      </")
          .append(element)
          .append(">\n");
    }
  }

  /** The date as XMP writes it (ISO 8601 to the second, with its offset); null stays null. */
  static String date(Calendar calendar) {
    if (calendar == null) {
      return null;
    }
    int offsetSeconds = calendar.getTimeZone().getOffset(calendar.getTimeInMillis()) / 1000;
    return OffsetDateTime.ofInstant(calendar.toInstant(), ZoneOffset.ofTotalSeconds(offsetSeconds))
        .truncatedTo(ChronoUnit.SECONDS)
        .format(ISO);
  }

  /** Escapes the text as {@link Xhtml#escape} does (quotes as references too). */
  private static StringBuilder escape(StringBuilder x, String text) {
    Xhtml.escape(text, x);
    return x;
  }

  /** The extension schema openhtmltopdf adds: the PDF and PDF/A identification properties. */
  private static final String EXTENSION_SCHEMAS =
      """
          <rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
      xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" \
      xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" rdf:about="">
            <pdfaExtension:schemas>
              <rdf:Bag>
                <rdf:li rdf:parseType="Resource">
                  <pdfaSchema:schema>Adobe PDF Schema</pdfaSchema:schema>
                  <pdfaSchema:namespaceURI>http://ns.adobe.com/pdf/1.3/</pdfaSchema:namespaceURI>
                  <pdfaSchema:prefix>pdf</pdfaSchema:prefix>
                  <pdfaSchema:property>
                    <rdf:Seq>
      %s%s%s              </rdf:Seq>
                  </pdfaSchema:property>
                </rdf:li>
                <rdf:li rdf:parseType="Resource">
                  <pdfaSchema:schema>PDF/A ID Schema</pdfaSchema:schema>
                  <pdfaSchema:namespaceURI>http://www.aiim.org/pdfa/ns/id/</pdfaSchema:namespaceURI>
                  <pdfaSchema:prefix>pdfaid</pdfaSchema:prefix>
                  <pdfaSchema:property>
                    <rdf:Seq>
      %s%s              </rdf:Seq>
                  </pdfaSchema:property>
                </rdf:li>
              </rdf:Bag>
            </pdfaExtension:schemas>
          </rdf:Description>
      """
          .formatted(
              property("PDFVersion", "Text", "internal", "The PDF file version."),
              property("Keywords", "Text", "external", "Keywords."),
              property(
                  "Producer",
                  "AgentName",
                  "internal",
                  "The name of the tool that created the PDF document."),
              property("part", "Integer", "internal", "Part of PDF/A standard"),
              property("conformance", "Text", "internal", "Conformance level of PDF/A standard"));

  private static String property(String name, String type, String category, String description) {
    return """
                        <rdf:li rdf:parseType="Resource">
                          <pdfaProperty:name>%s</pdfaProperty:name>
                          <pdfaProperty:valueType>%s</pdfaProperty:valueType>
                          <pdfaProperty:category>%s</pdfaProperty:category>
                          <pdfaProperty:description>%s</pdfaProperty:description>
                        </rdf:li>
        """
        .formatted(name, type, category, description);
  }
}
