package id.go.kecamatan.counter.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket as ESC/POS bytes for a thermal receipt printer on the network (58 mm: 32 characters a
 * line, 80 mm: 48, font A): initialise, centre, the office, the heading, the number at double width
 * and height, the group, the time, the notes, the QR code of the resident's page (model 2, module
 * size 6, error correction M), feed and a partial cut. Text is printed in ASCII: accents are
 * dropped, other characters become {@code ?}.
 */
public final class EscPos {

  private EscPos() {}

  static final byte ESC = 0x1B;
  static final byte GS = 0x1D;
  static final byte LF = 0x0A;

  /** Characters a line of font A holds at this paper width. */
  public static int columns(int widthMm) {
    return widthMm >= 80 ? 48 : 32;
  }

  public static byte[] ticket(Slip slip, int widthMm) {
    int columns = columns(widthMm);
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    out.writeBytes(new byte[] {ESC, '@'}); // initialise
    out.writeBytes(new byte[] {ESC, 'a', 1}); // centre
    lines(out, slip.office(), columns);
    out.writeBytes(new byte[] {ESC, 'E', 1}); // bold
    lines(out, slip.heading(), columns);
    out.writeBytes(new byte[] {ESC, 'E', 0});
    out.writeBytes(new byte[] {GS, '!', 0x11}); // double width and height
    lines(out, slip.number(), columns / 2);
    out.writeBytes(new byte[] {GS, '!', 0x00});
    lines(out, slip.group(), columns);
    lines(out, slip.issued(), columns);
    for (String note : slip.notes()) {
      lines(out, note, columns);
    }
    qr(out, slip.url());
    out.writeBytes(new byte[] {ESC, 'd', 4}); // feed four lines
    out.writeBytes(new byte[] {GS, 'V', 66, 0}); // partial cut after feeding
    return out.toByteArray();
  }

  private static void qr(ByteArrayOutputStream out, String url) {
    byte[] data = url.getBytes(StandardCharsets.US_ASCII);
    int length = data.length + 3;
    out.writeBytes(new byte[] {GS, '(', 'k', 4, 0, 49, 65, 50, 0}); // model 2
    out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 67, 6}); // module size 6
    out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 69, 49}); // error correction M
    out.writeBytes(
        new byte[] {GS, '(', 'k', (byte) (length % 256), (byte) (length / 256), 49, 80, 48});
    out.writeBytes(data);
    out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, 49, 81, 48}); // print it
    out.write(LF);
  }

  private static void lines(ByteArrayOutputStream out, String text, int columns) {
    for (String line : wrap(ascii(text), columns)) {
      out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
      out.write(LF);
    }
  }

  /** Plain ASCII: accents dropped, anything else {@code ?}, control characters removed. */
  static String ascii(String text) {
    String plain =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    StringBuilder b = new StringBuilder(plain.length());
    for (char c : plain.toCharArray()) {
      if (c == '–' || c == '—') {
        b.append('-');
      } else if (c >= 0x20 && c < 0x7F) {
        b.append(c);
      } else if (!Character.isISOControl(c)) {
        b.append('?');
      }
    }
    return b.toString();
  }

  /** Words wrapped to the line width; a word longer than a line is cut. */
  static List<String> wrap(String text, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      while (word.length() > columns) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, columns));
        word = word.substring(columns);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!word.isEmpty()) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
