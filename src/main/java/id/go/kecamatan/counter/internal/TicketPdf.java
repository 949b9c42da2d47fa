package id.go.kecamatan.counter.internal;

import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.QrCode;

/**
 * A ticket as a small PDF/A for a thermal printer's roll: 58 or 80 mm wide and 120 mm long, the
 * number large, the QR code of the resident's page below.
 */
public final class TicketPdf {

  private TicketPdf() {}

  /** The page height of a ticket, in millimetres. */
  public static final int HEIGHT_MM = 120;

  public static byte[] render(Slip slip, int widthMm) {
    int width = widthMm >= 80 ? 80 : 58;
    double scale = width / 58.0;
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>")
        .append(Xhtml.escape(slip.number()))
        .append("</title><style>")
        .append("@page { size: ")
        .append(width)
        .append("mm ")
        .append(HEIGHT_MM)
        .append("mm; margin: 3mm; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; text-align: center; font-size: ")
        .append(String.format(java.util.Locale.ROOT, "%.1f", 9 * scale))
        .append("pt; margin: 0; }")
        .append("p { margin: 0 0 1.5mm 0; }")
        .append(".heading { font-weight: bold; letter-spacing: 0.5pt; }")
        .append(".number { font-size: ")
        .append(String.format(java.util.Locale.ROOT, "%.0f", 34 * scale))
        .append("pt; font-weight: bold; margin: 1mm 0 2mm 0; }")
        .append("img { width: ")
        .append(String.format(java.util.Locale.ROOT, "%.0f", 30 * scale))
        .append("mm; height: ")
        .append(String.format(java.util.Locale.ROOT, "%.0f", 30 * scale))
        .append("mm; }")
        .append("</style></head><body>");
    p(h, "office", slip.office());
    p(h, "heading", slip.heading());
    p(h, "number", slip.number());
    p(h, "group", slip.group());
    p(h, "issued", slip.issued());
    for (String note : slip.notes()) {
      p(h, "note", note);
    }
    h.append("<p><img src=\"")
        .append(QrCode.pngDataUri(slip.url()))
        .append("\" alt=\"")
        .append(Xhtml.escape(slip.number()))
        .append("\"/></p></body></html>");
    return PdfA.render(h.toString());
  }

  private static void p(StringBuilder h, String cls, String text) {
    h.append("<p class=\"").append(cls).append("\">").append(Xhtml.escape(text)).append("</p>");
  }
}
