package id.go.kecamatan.shared.pdf;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts shipped with the application (Liberation, SIL OFL) for every PDF it renders, so output
 * is identical on every machine and the fonts are embedded (as PDF/A requires). The font files are
 * read from the classpath once and kept in memory; each rendering gets its own stream of them.
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

  /** Font metrics shared by every rendering: the same eight faces, measured once. */
  private static final FSCacheEx<String, FSCacheValue> METRICS = new MetricsCache();

  private PdfFonts() {}

  /** Registers every shipped face with a builder, embedded as subsets. */
  public static PdfRendererBuilder register(PdfRendererBuilder builder) {
    for (Face face : FACES) {
      builder.useFont(
          () -> new ByteArrayInputStream(face.bytes()),
          face.family(),
          face.weight(),
          face.style(),
          true);
    }
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
    return builder;
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
