package id.go.kecamatan.content.internal;

import com.google.zxing.common.BitMatrix;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.render.Box;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.QrCode;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Posters (A4 and A5, PDF/A-3b) for an office's page or one of its services, printed for a short
 * code: the title, what to bring (the first required requirements), the time and the cost, the
 * office's hours and address, the QR code of the short address and that address printed large
 * enough to type (a QR code alone fails the resident whose camera does not read it). The QR code is
 * drawn as vector squares into its box after the layout. Always in Indonesian, like the receipt: it
 * hangs on a village wall. Rendered like the letters and the monthly report: XHTML built here with
 * every value escaped, the shipped fonts embedded, the sRGB output intent.
 */
@Component
public class Posters {

  /** How many requirements a poster lists; the service page has the rest. */
  static final int TOP_REQUIREMENTS = 5;

  /** How many services an office poster lists. */
  static final int TOP_SERVICES = 6;

  /** The id of the box the QR code is drawn into. */
  static final String QR_ID = "qr-code";

  private static final Pattern QR_BOX = Pattern.compile(QR_ID);

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private final MessageSource messages;

  Posters(MessageSource messages) {
    this.messages = messages;
  }

  /** The paper sizes, with the scale of the type and the QR code. */
  public enum Paper {
    A4("A4", 1.0),
    A5("A5", 0.72);

    private final String css;
    private final double scale;

    Paper(String css, double scale) {
      this.css = css;
      this.scale = scale;
    }

    /** {@code a4} or {@code a5}, as in the download's address. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Paper> byKey(String key) {
      for (Paper paper : values()) {
        if (paper.key().equals(key)) {
          return java.util.Optional.of(paper);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * What a poster shows.
   *
   * @param service the service it advertises, or null for the office's page
   * @param services for an office poster, the office's services (most asked-for first)
   * @param url the absolute short address the QR code carries ({@code https://host/q/K7M3QP})
   * @param hours the office's opening hours in Indonesian ({@code office.OpeningHours#lines})
   */
  public record Content(
      Office office,
      ServiceType service,
      List<ServiceType> services,
      String url,
      String code,
      List<String> hours) {}

  /** The poster as PDF bytes. */
  public byte[] render(Content content, Paper paper) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PagePosition<Box> box;
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfAConformance.PDFA_3_B);
    builder.useColorProfile(SRGB);
    builder.withProducer("Layanan Kecamatan");
    PdfFonts.register(builder);
    PdfA.withXhtml(builder, html(content, paper));
    builder.toStream(out);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDF();
      List<PagePosition<Box>> boxes = renderer.findPagePositionsByID(QR_BOX);
      if (boxes.isEmpty()) {
        throw new IllegalStateException("The poster has no place for its QR code");
      }
      box = boxes.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withQrCode(out.toByteArray(), box, content.url());
  }

  /**
   * Draws the QR code into its box as vector squares, one per dark module: sharp at any printer's
   * resolution and any scale (an image is resampled when printed or rendered, and its blurred edges
   * made some codes unreadable at 150 dpi). The code's mask is one ZXing's reader reads back at
   * every scale ({@link QrCode#readableMatrix}): with the mask of least penalty, some 1 address in
   * 150 held a pattern the reader took for a finder pattern, and did not read at 150 dpi.
   */
  private static byte[] withQrCode(byte[] pdf, PagePosition<Box> box, String url) {
    BitMatrix matrix = QrCode.readableMatrix(url);
    float module = Math.min(box.getWidth(), box.getHeight()) / matrix.getWidth();
    float left = box.getX() + (box.getWidth() - module * matrix.getWidth()) / 2;
    float top = box.getY() + box.getHeight();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(box.getPageNo());
      try (PDPageContentStream content =
          new PDPageContentStream(
              document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int y = 0; y < matrix.getHeight(); y++) {
          int x = 0;
          while (x < matrix.getWidth()) {
            if (!matrix.get(x, y)) {
              x++;
              continue;
            }
            int run = x;
            while (run < matrix.getWidth() && matrix.get(run, y)) {
              run++;
            }
            // one rectangle per run of dark modules in a row, slightly overlapping the next row so
            // no hairline gap shows between rows
            content.addRect(
                left + x * module, top - (y + 1) * module, (run - x) * module, module * 1.02f);
            x = run;
          }
        }
        content.fill();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String html(Content c, Paper paper) {
    double s = paper.scale;
    Office office = c.office();
    ServiceType service = c.service();
    String title =
        service == null ? t("outreach.poster.officeTitle", office.displayName()) : service.name();
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"/><title>")
        .append(e(title))
        .append(" – ")
        .append(e(office.displayName()))
        .append("</title><style>")
        .append("@page { size: ")
        .append(paper.css)
        .append("; margin: ")
        .append(mm(14 * s))
        .append("; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; font-size: ")
        .append(pt(13 * s))
        .append("; color: #111; margin: 0; }")
        .append(".office { font-size: ")
        .append(pt(14 * s))
        .append("; font-weight: bold; border-bottom: 2pt solid #0b5394; padding-bottom: ")
        .append(mm(2 * s))
        .append("; margin: 0 0 ")
        .append(mm(4 * s))
        .append(" 0; color: #0b5394; }")
        .append("h1 { font-size: ")
        .append(pt(30 * s))
        .append("; line-height: 1.15; margin: 0 0 ")
        .append(mm(2 * s))
        .append(" 0; }")
        .append(".lead { font-size: ")
        .append(pt(17 * s))
        .append("; margin: 0 0 ")
        .append(mm(4 * s))
        .append(" 0; }")
        .append("h2 { font-size: ")
        .append(pt(15 * s))
        .append("; margin: ")
        .append(mm(4 * s))
        .append(" 0 ")
        .append(mm(1.5 * s))
        .append(" 0; }")
        .append("ul { margin: 0; padding-left: ")
        .append(mm(6 * s))
        .append("; } li { margin-bottom: ")
        .append(mm(1.2 * s))
        .append("; }")
        .append(".scan { margin-top: ")
        .append(mm(6 * s))
        .append("; border: 1.5pt solid #111; padding: ")
        .append(mm(4 * s))
        .append("; text-align: center; }")
        .append(".qr { width: ")
        .append(mm(70 * s))
        .append("; height: ")
        .append(mm(70 * s))
        .append("; margin: 0 auto; background: #fff; }")
        .append(".url { font-size: ")
        .append(pt(20 * s))
        .append("; font-weight: bold; letter-spacing: 0.5pt; margin: ")
        .append(mm(2 * s))
        .append(" 0 0 0; }")
        .append(".where { margin-top: ")
        .append(mm(5 * s))
        .append("; font-size: ")
        .append(pt(11.5 * s))
        .append("; } .where p { margin: 0 0 ")
        .append(mm(1 * s))
        .append(" 0; }")
        .append(".code { font-size: ")
        .append(pt(8 * s))
        .append("; color: #444; text-align: right; margin-top: ")
        .append(mm(3 * s))
        .append("; }")
        .append("</style></head><body>");
    h.append("<p class=\"office\">").append(e(office.displayName())).append("</p>");
    h.append("<h1>").append(e(title)).append("</h1>");
    if (service != null) {
      h.append("<p class=\"lead\">")
          .append(e(t("outreach.poster.lead", service.completionDays())))
          .append("</p>");
      List<Requirement> top =
          service.requirements().stream()
              .sorted(Comparator.comparing(r -> !r.required()))
              .limit(TOP_REQUIREMENTS)
              .toList();
      if (!top.isEmpty()) {
        h.append("<h2>").append(e(t("outreach.poster.bring"))).append("</h2><ul>");
        for (Requirement r : top) {
          h.append("<li>").append(e(r.name())).append("</li>");
        }
        h.append("</ul>");
        if (service.requirements().size() > top.size()) {
          h.append("<p>")
              .append(e(t("outreach.poster.more", service.requirements().size() - top.size())))
              .append("</p>");
        }
      }
    } else {
      h.append("<p class=\"lead\">").append(e(t("outreach.poster.officeLead"))).append("</p>");
      if (!c.services().isEmpty()) {
        h.append("<h2>").append(e(t("outreach.poster.services"))).append("</h2><ul>");
        c.services().stream()
            .limit(TOP_SERVICES)
            .forEach(x -> h.append("<li>").append(e(x.name())).append("</li>"));
        h.append("</ul>");
      }
    }
    h.append("<div class=\"scan\"><div id=\"")
        .append(QR_ID)
        .append("\" class=\"qr\" title=\"")
        .append(e(t("outreach.poster.qrAlt", c.url())))
        .append("\"></div><p>")
        .append(e(t("outreach.poster.scan")))
        .append("</p><p class=\"url\">")
        .append(e(readable(c.url())))
        .append("</p></div>");
    h.append("<div class=\"where\">");
    List<String> when = new java.util.ArrayList<>(c.hours());
    when.addAll(office.officeHoursLines());
    if (!when.isEmpty()) {
      h.append("<p><b>").append(e(t("outreach.poster.hours"))).append("</b> ");
      h.append(e(String.join("; ", when))).append("</p>");
    }
    if (office.address() != null && !office.address().isBlank()) {
      h.append("<p><b>").append(e(t("outreach.poster.address"))).append("</b> ");
      h.append(e(office.address())).append("</p>");
    }
    if (office.whatsapp() != null && !office.whatsapp().isBlank()) {
      h.append("<p><b>").append(e(t("outreach.poster.whatsapp"))).append("</b> ");
      h.append(e(office.whatsapp())).append("</p>");
    }
    h.append("</div><p class=\"code\">").append(e(t("outreach.poster.code", c.code())));
    h.append("</p></body></html>");
    return h.toString();
  }

  /** The address as a person types it: without {@code https://} and {@code www.}. */
  public static String readable(String url) {
    return url.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }

  private static String mm(double value) {
    return String.format(Locale.ROOT, "%.1fmm", value);
  }

  private static String pt(double value) {
    return String.format(Locale.ROOT, "%.1fpt", value);
  }
}
