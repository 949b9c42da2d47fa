package id.go.kecamatan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The demo offices' logos for their kop surat: an original simple emblem drawn here (a shield in
 * the office's colour with a golden rim, a sun and a rice field's furrows), not any real coat of
 * arms. Real offices upload their own on the office profile page.
 */
final class DemoLogos {

  private static final Color GOLD = new Color(0xC9, 0x9A, 0x1B);

  /** One colour per demo office, in the order of {@link DemoData#OFFICES}. */
  private static final Color[] COLOURS = {
    new Color(0x1E, 0x6B, 0x3A), new Color(0x1D, 0x4E, 0x89), new Color(0x9B, 0x23, 0x2A)
  };

  private DemoLogos() {}

  /** The emblem of the demo office at this index, as a PNG of 240 × 280 pixels. */
  static byte[] emblem(int index) {
    int width = 240;
    int height = 280;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    GeneralPath shield = new GeneralPath();
    shield.moveTo(20, 20);
    shield.lineTo(220, 20);
    shield.lineTo(220, 150);
    shield.curveTo(220, 210, 170, 245, 120, 265);
    shield.curveTo(70, 245, 20, 210, 20, 150);
    shield.closePath();
    g.setColor(COLOURS[index % COLOURS.length]);
    g.fill(shield);
    // the sun over the field
    g.setColor(GOLD);
    g.fill(new Ellipse2D.Double(85, 50, 70, 70));
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < 8; i++) {
      double angle = Math.PI * 2 * i / 8;
      g.drawLine(
          (int) (120 + Math.cos(angle) * 45),
          (int) (85 + Math.sin(angle) * 45),
          (int) (120 + Math.cos(angle) * 58),
          (int) (85 + Math.sin(angle) * 58));
    }
    // the furrows of the field
    g.setColor(Color.WHITE);
    for (int row = 0; row < 3; row++) {
      int y = 160 + row * 24;
      g.drawLine(50 + row * 12, y, 190 - row * 12, y);
    }
    // the golden rim
    g.setColor(GOLD);
    g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shield);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
