package id.go.kecamatan.shared.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * An office's letterhead (kop surat) as official documents print it: the logo on the left, the
 * letterhead lines centred (the government, the office in large type, the address small), and the
 * double rule under them. The letters and the monthly statistics report print the same one.
 *
 * @param lines the letterhead lines, top to bottom
 * @param logoUri the office logo prepared for print ({@link #logoPng}) as a {@code data:} URI or a
 *     named image ({@link PdfA#image}), or {@code null}
 */
public record Letterhead(List<String> lines, String logoUri) {

  /** The logo's largest side in pixels: 22 mm at about 300 dpi. */
  public static final int LOGO_PIXELS = 260;

  public Letterhead {
    lines = List.copyOf(lines);
  }

  /**
   * The style rules of the letterhead, with the sizes of a letter (12 pt body) scaled by {@code
   * scale} for a denser document.
   */
  public static String css(double scale) {
    return ".kop { width: 100%; border-collapse: collapse; }"
        + ".kop td { text-align: center; vertical-align: middle; padding: 0; }"
        + ".kop td.logo { width: 24mm; } .kop td.logo img { width: 22mm; }"
        + ".kop p { margin: 0; line-height: 1.2; }"
        + ".kop .utama { font-size: "
        + pt(14, scale)
        + "; font-weight: bold; }"
        + ".kop .besar { font-size: "
        + pt(17, scale)
        + "; font-weight: bold; }"
        + ".kop .alamat { font-size: "
        + pt(10, scale)
        + "; }"
        + ".garis1 { border-top: 2.5pt solid #000; margin-top: 2mm; }"
        + ".garis2 { border-top: 0.8pt solid #000; margin-top: 1pt; margin-bottom: 6mm; }";
  }

  private static String pt(int size, double scale) {
    return scale == 1.0
        ? size + "pt"
        : String.format(java.util.Locale.ROOT, "%.1fpt", size * scale);
  }

  /** Appends the letterhead's XHTML (the classes of {@link #css}). */
  public void xhtml(StringBuilder h) {
    h.append("<table class=\"kop\"><tr>");
    if (logoUri != null) {
      h.append("<td class=\"logo\"><img src=\"").append(logoUri).append("\" alt=\"\"/></td>");
    }
    h.append("<td>");
    for (int i = 0; i < lines.size(); i++) {
      boolean address = lines.size() > 2 && i == lines.size() - 1;
      String style = address ? "alamat" : i == 1 ? "besar" : "utama";
      h.append("<p class=\"").append(style).append("\">");
      Xhtml.escape(lines.get(i), h);
      h.append("</p>");
    }
    h.append("</td>");
    if (logoUri != null) {
      h.append("<td class=\"logo\"></td>"); // keeps the lines centred on the page
    }
    h.append("</tr></table><div class=\"garis1\"></div><div class=\"garis2\"></div>");
  }

  /**
   * A logo image as a PNG no larger than {@link #LOGO_PIXELS}, on white; {@code null} when it does
   * not decode.
   */
  public static byte[] logoPng(byte[] bytes) {
    try {
      BufferedImage source = ImageIO.read(new ByteArrayInputStream(bytes));
      if (source == null) {
        return null;
      }
      double scale =
          Math.min(1.0, (double) LOGO_PIXELS / Math.max(source.getWidth(), source.getHeight()));
      int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
      int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
