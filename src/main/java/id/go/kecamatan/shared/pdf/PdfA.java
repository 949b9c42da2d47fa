package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Renders XHTML to PDF/A-3b with openhtmltopdf as every PDF of the application is made: the shipped
 * fonts embedded ({@link PdfFonts}), the sRGB output intent, the producer named, the PDF/A metadata
 * written from a template ({@link PdfAMetadata}) instead of by openhtmltopdf. The XHTML is parsed
 * here ({@link #withXhtml}) by a parser made once per thread, with the settings openhtmltopdf uses
 * (namespaces, no external DTD or entities), instead of by openhtmltopdf, which looks its parser
 * factory up through the class path for every document.
 *
 * <p>Images come as {@code data:} URIs, or by name ({@link #image}) with their bytes given to the
 * renderer ({@link #withImages}): the name keeps a large image out of the XHTML, which
 * openhtmltopdf otherwise parses, lower-cases, searches for "svg" and decodes from base64 for every
 * document (a twentieth of a letter's layout with an office's logo).
 */
public final class PdfA {

  static {
    useJdkXmlFactories();
  }

  /** The sRGB profile of the PDF/A output intent, read once. */
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /**
   * A parser of XHTML per thread (a parser is not thread-safe; making one costs as much as a
   * parse).
   */
  private static final ThreadLocal<DocumentBuilder> PARSERS =
      ThreadLocal.withInitial(PdfA::newParser);

  /** The URI scheme of images named in the XHTML and given to the renderer as bytes. */
  static final String IMAGE_SCHEME = "pdf-image";

  private PdfA() {}

  /** The {@code src} of the image given to {@link #withImages} under this name. */
  public static String image(String name) {
    return IMAGE_SCHEME + ":" + name;
  }

  /** An image as a {@code data:} URI, for an XHTML rendered without named images. */
  public static String dataUri(String mediaType, byte[] bytes) {
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The builder set to find the images named in its XHTML ({@link #image}) among these, by name; a
   * name not among them is drawn as a missing image.
   */
  public static PdfRendererBuilder withImages(
      PdfRendererBuilder builder, Map<String, byte[]> images) {
    Map<String, byte[]> named = Map.copyOf(images);
    return builder.useProtocolsStreamImplementation(
        uri -> {
          byte[] bytes = named.get(uri.substring(IMAGE_SCHEME.length() + 1));
          return new FSStream() {
            @Override
            public InputStream getStream() {
              return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
              return null;
            }
          };
        },
        IMAGE_SCHEME);
  }

  /**
   * The builder set to render this XHTML, parsed here.
   *
   * @throws IllegalArgumentException when the XHTML is not well-formed
   */
  public static PdfRendererBuilder withXhtml(PdfRendererBuilder builder, String xhtml) {
    return builder.withW3cDocument(parse(xhtml), null);
  }

  /**
   * The XHTML as a DOM.
   *
   * @throws IllegalArgumentException when it is not well-formed
   */
  static Document parse(String xhtml) {
    DocumentBuilder parser = PARSERS.get();
    try {
      return parser.parse(new InputSource(new StringReader(xhtml)));
    } catch (SAXException e) {
      throw new IllegalArgumentException("Not well-formed XHTML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      parser.reset();
      parser.setErrorHandler(FAIL_ON_ERRORS);
    }
  }

  /** Fails on errors instead of printing them to the standard error. */
  private static final ErrorHandler FAIL_ON_ERRORS =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // nothing to tell: the document is read
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setCoalescing(true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // a DOCTYPE is read but nothing outside the document is loaded
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      DocumentBuilder parser = factory.newDocumentBuilder();
      parser.setErrorHandler(FAIL_ON_ERRORS);
      return parser;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Names the JDK's own XML factories in the system properties that JAXP reads first, when none is
   * named and the class path offers no other (the application ships none): openhtmltopdf and the
   * PDF/A metadata (xmpbox) ask for a new factory several times per document, and each look-up
   * without the property searches every jar of the class path for a service file (a tenth of a
   * letter's layout). The factories made are the same as without the properties.
   */
  private static void useJdkXmlFactories() {
    pin(
        "javax.xml.parsers.DocumentBuilderFactory",
        DocumentBuilderFactory.class,
        DocumentBuilderFactory::newDefaultInstance);
    pin(
        "javax.xml.parsers.SAXParserFactory",
        SAXParserFactory.class,
        SAXParserFactory::newDefaultInstance);
    pin(
        "javax.xml.transform.TransformerFactory",
        TransformerFactory.class,
        TransformerFactory::newDefaultInstance);
  }

  private static <T> void pin(String property, Class<T> type, Supplier<T> jdkDefault) {
    if (System.getProperty(property) == null
        && ServiceLoader.load(type).stream().findAny().isEmpty()) {
      System.setProperty(property, jdkDefault.get().getClass().getName());
    }
  }

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
    return render(xhtml, Map.of(), null).pdf();
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
    return renderLocating(xhtml, Map.of(), id);
  }

  /** {@link #renderLocating(String, String)} of an XHTML that names its images ({@link #image}). */
  public static Located renderLocating(String xhtml, Map<String, byte[]> images, String id) {
    return render(xhtml, images, id);
  }

  /**
   * Renders the XHTML in openhtmltopdf's PDF/A mode, its PDF/A metadata written by {@link
   * PdfAMetadata} instead of openhtmltopdf ({@link PdfAMetadata#takeOver}).
   *
   * @param id the element to locate, or null for none (the located box is then empty)
   */
  private static Located render(String xhtml, Map<String, byte[]> images, String id) {
    Document document = parse(xhtml);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = withImages(builder().withW3cDocument(document, null), images);
    builder.toStream(out);
    PagePosition<?> position = null;
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      PdfAMetadata.takeOver(renderer, document.getDocumentElement().getAttribute("lang"));
      renderer.layout();
      renderer.createPDF();
      if (id != null) {
        // positions are known once the pages are drawn
        List<? extends PagePosition<?>> positions =
            renderer.findPagePositionsByID(Pattern.compile(Pattern.quote(id)));
        if (positions.isEmpty()) {
          throw new IllegalStateException("The document has no element " + id);
        }
        position = positions.get(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return position == null
        ? new Located(out.toByteArray(), 0, 0, 0, 0, 0)
        : new Located(
            out.toByteArray(),
            position.getPageNo(),
            position.getX(),
            position.getY(),
            position.getWidth(),
            position.getHeight());
  }
}
