package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts shipped with the application (Liberation, SIL OFL) for every PDF it renders, so output
 * is identical on every machine and the fonts are embedded (as PDF/A requires). The font files are
 * read from the classpath once and kept in memory, parsed once when first used, and embedded as a
 * subset in each document.
 *
 * <p>Families: {@link #SERIF} (metric-compatible with Times New Roman) for letters, {@link #SANS}
 * (metric-compatible with Arial) for receipts and as the Arial-metric option.
 */
public final class PdfFonts {

  /** CSS font-family of Liberation Serif. */
  public static final String SERIF = "Liberation Serif";

  /** CSS font-family of Liberation Sans. */
  public static final String SANS = "Liberation Sans";

  private record Face(String family, int weight, FontStyle style, byte[] bytes) {}

  private static final List<Face> FACES =
      List.of(
          face(SERIF, "LiberationSerif-Regular", 400, FontStyle.NORMAL),
          face(SERIF, "LiberationSerif-Bold", 700, FontStyle.NORMAL),
          face(SERIF, "LiberationSerif-Italic", 400, FontStyle.ITALIC),
          face(SERIF, "LiberationSerif-BoldItalic", 700, FontStyle.ITALIC),
          face(SANS, "LiberationSans-Regular", 400, FontStyle.NORMAL),
          face(SANS, "LiberationSans-Bold", 700, FontStyle.NORMAL),
          face(SANS, "LiberationSans-Italic", 400, FontStyle.ITALIC),
          face(SANS, "LiberationSans-BoldItalic", 700, FontStyle.ITALIC));

  /** The faces parsed so far, for every rendering ({@link #parse}). */
  private static final Map<Face, TrueTypeFont> PARSED = new ConcurrentHashMap<>();

  /** Font metrics shared by every rendering: the same eight faces, measured once. */
  private static final FSCacheEx<String, FSCacheValue> METRICS = new MetricsCache();

  static {
    // openhtmltopdf logs every font it loads at INFO: keep its warnings only
    for (String logger : XRLog.listRegisteredLoggers()) {
      XRLog.setLevel(logger, Level.WARNING);
    }
  }

  private PdfFonts() {}

  /**
   * Registers every shipped face with a builder, embedded as subsets, on a new document the builder
   * renders into (and closes). A face is parsed only when the rendering first uses it, and without
   * OpenType glyph substitution: PDFBox applies the Latin substitutions (ligatures) by compiling
   * patterns for every piece of text, which took a third of a letter's rendering time, and
   * Indonesian text needs none. The document is saved without object streams ({@link
   * PlainDocument}).
   */
  public static PdfRendererBuilder register(PdfRendererBuilder builder) {
    PDDocument document = new PlainDocument();
    builder.usePDDocument(document);
    for (Face face : FACES) {
      builder.useFont(
          new FaceSupplier(document, face), face.family(), face.weight(), face.style(), true);
    }
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
    return builder;
  }

  /**
   * A document saved with its objects written one by one, as PDF 1.4 did, not packed into
   * compressed object streams (PDFBox 3's default): packing and deflating them took a tenth of a
   * letter's rendering, and the signer, which parses the letter again to add its signature,
   * unpacked them again (docs/performance.md, "Letters", eleventh round). A letter is some 2 KB (a
   * twentieth) larger. Its page contents, fonts and images stay compressed; PDF/A-3 allows both
   * forms.
   */
  private static final class PlainDocument extends PDDocument {

    @Override
    public void save(OutputStream output) throws IOException {
      save(output, CompressParameters.NO_COMPRESSION);
    }
  }

  /** Loads a face into the document when the rendering first asks for it. */
  private static final class FaceSupplier extends PDFontSupplier {

    private final PDDocument document;
    private final Face face;
    private PDFont font;

    FaceSupplier(PDDocument document, Face face) {
      super(null);
      this.document = document;
      this.face = face;
    }

    @Override
    public PDFont supply() {
      if (font == null) {
        try {
          PDType0Font loaded =
              PDType0Font.load(document, PARSED.computeIfAbsent(face, PdfFonts::parse), true);
          // The widths of all 2,600 glyphs, which PDFBox writes into the font's dictionary when it
          // loads it and again for the glyphs used when it subsets it on saving. The font keeps
          // them for measuring text (read when it was made); in the dictionary they only made
          // PDFBox walk every one when the font entered a page's resources.
          loaded.getDescendantFont().getCOSObject().removeItem(COSName.W);
          font = loaded;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return font;
    }
  }

  /**
   * A face parsed once and shared by every document: PDFBox reads a parsed font's tables and glyphs
   * under its own locks (as its font mapper shares fonts), each document subsets it from a copy of
   * the original bytes, and a document does not close a font it was given. Parsing took a tenth of
   * a letter's rendering.
   */
  private static TrueTypeFont parse(Face face) {
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
      ttf.setEnableGsub(false);
      return ttf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cache of font metrics; bounded by the shipped faces. */
  private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {

    private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

    @Override
    public void put(String key, FSCacheValue value) {
      values.put(key, value);
    }

    @Override
    public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
      return values.computeIfAbsent(
          key,
          k -> {
            try {
              return loader.call();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public FSCacheValue get(String key) {
      return values.get(key);
    }
  }

  private static Face face(String family, String file, int weight, FontStyle style) {
    String path = "/fonts/" + file + ".ttf";
    try (InputStream in = PdfFonts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Font not on the classpath: " + path);
      }
      return new Face(family, weight, style, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
