package id.go.kecamatan.shared.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The letterhead (kop surat) of an office's documents: the logo at the left, the letterhead lines
 * centred (the second, the office's name, largest; the last, the address, smallest), under them a
 * thick and a thin rule. Used by letters and by every report printed on the office's paper.
 */
public final class Letterhead {

  /** The logo's largest side in pixels: 22 mm at about 300 dpi. */
  public static final int LOGO_PIXELS = 260;

  /** The CSS of the letterhead's classes. */
  public static final String CSS =
      ".kop { width: 100%; border-collapse: collapse; }"
          + ".kop td { text-align: center; vertical-align: middle; padding: 0; border: 0; }"
          + ".kop td.logo { width: 24mm; } .kop td.logo img { width: 22mm; }"
          + ".kop p { margin: 0; line-height: 1.2; }"
          + ".kop .utama { font-size: 14pt; font-weight: bold; }"
          + ".kop .besar { font-size: 17pt; font-weight: bold; }"
          + ".kop .alamat { font-size: 10pt; }"
          + ".garis1 { border-top: 2.5pt solid #000; margin-top: 2mm; }"
          + ".garis2 { border-top: 0.8pt solid #000; margin-top: 1pt; margin-bottom: 6mm; }";

  private Letterhead() {}

  /**
   * The office's letterhead lines, or when it has none: the government line, the office's name in
   * capitals and its address.
   */
  public static List<String> lines(
      List<String> configured, String government, String officeName, String address) {
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    return List.of(government, officeName, address == null ? "" : address);
  }

  /** Appends the letterhead's XHTML; {@code logoUri} a {@code data:} URI or null. */
  public static void append(List<String> lines, String logoUri, StringBuilder h) {
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
   * A logo image as a PNG no larger than {@link #LOGO_PIXELS}, on white, as a {@code data:} URI;
   * {@code null} when it does not decode.
   */
  public static String logoDataUri(byte[] bytes) {
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
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
