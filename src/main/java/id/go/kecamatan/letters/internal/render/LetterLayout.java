package id.go.kecamatan.letters.internal.render;

import static id.go.kecamatan.shared.pdf.Xhtml.escape;

import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.QrCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The XHTML page of an Indonesian official letter: the letterhead (kop surat: logo, the office's
 * letterhead lines, a double rule), the title underlined with the number under it, the body filled
 * from the service's template, and the signature block (place and date, the a.n./Plh. line, the
 * delegate's own position, the QR code of the verification link with its caption, name, rank and
 * NIP). A draft says so across the page, has no number and no QR code. Every text is escaped; the
 * body comes escaped from {@link LetterTemplate#fill}.
 */
final class LetterLayout {

  /** The id of the signature block's element, for its position on the page. */
  static final String SIGNATURE_ID = "ttd";

  /** The names of the page's images ({@link PdfA#image}), given to the renderer as PNG. */
  static final String LOGO = "logo";

  static final String QR = "qr";

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  /**
   * What a letter page shows.
   *
   * @param logoUri where the page finds the office logo ({@link PdfA#image} of {@link #LOGO}), or
   *     {@code null}
   * @param number the letter number, {@code null} for a draft
   * @param body the filled template (XHTML)
   * @param place where the letter is signed, e.g. {@code Jetis}
   * @param qr the QR code of the verification link, {@code null} for a draft
   */
  record Letter(
      List<String> letterhead,
      String logoUri,
      String title,
      String number,
      String body,
      String place,
      LocalDate date,
      SignatureLine signature,
      Qr qr,
      PaperSize paper,
      LetterFont font) {

    boolean draft() {
      return number == null;
    }
  }

  /**
   * The verification link and its QR image, made before the letter's number is taken.
   *
   * @param png the QR code's PNG, the page's image {@link #QR}
   */
  record Qr(String url, byte[] png) {

    static Qr of(String url) {
      return url == null ? null : new Qr(url, QrCode.png(url));
    }
  }

  private LetterLayout() {}

  /**
   * The page's XHTML.
   *
   * @param t the Indonesian text of a {@code letter-templates} bundle key with its arguments
   */
  static String xhtml(Letter letter, BiFunction<String, Object[], String> t) {
    StringBuilder h = new StringBuilder(8192 + letter.body().length());
    h.append("<html lang=\"id\"><head><meta charset=\"utf-8\"/><title>");
    escape(letter.title(), h);
    if (letter.number() != null) {
      h.append(" ");
      escape(letter.number(), h);
    }
    h.append("</title><style>");
    css(letter, h);
    h.append("</style></head><body>");
    if (letter.draft()) {
      h.append("<div class=\"draf\">")
          .append(escape(t.apply("letterTemplates.letter.draftMark", new Object[0])))
          .append("</div>");
    }
    letterhead(letter, h);
    h.append("<p class=\"judul\">");
    escape(letter.title(), h);
    h.append("</p><p class=\"nomor\">");
    escape(
        t.apply(
            "letterTemplates.letter.number",
            new Object[] {
              letter.draft()
                  ? t.apply("letterTemplates.letter.draftNumber", new Object[0])
                  : letter.number()
            }),
        h);
    h.append("</p><div class=\"isi\">").append(letter.body()).append("</div>");
    signature(letter, t, h);
    h.append("</body></html>");
    return h.toString();
  }

  private static void css(Letter letter, StringBuilder h) {
    PaperSize paper = letter.paper();
    h.append("@page { size: ")
        .append(paper.widthMm())
        .append("mm ")
        .append(paper.heightMm())
        .append("mm; margin: 12mm 20mm 18mm 25mm; }")
        .append("body { font-family: '")
        .append(letter.font().family())
        .append("'; font-size: 12pt; line-height: 1.35; color: #000; margin: 0; }")
        .append("p { margin: 0 0 3mm 0; }")
        .append(Letterhead.css(1.0))
        .append(".judul { text-align: center; font-weight: bold; font-size: 13pt;")
        .append(" text-decoration: underline; margin: 0; }")
        .append(".nomor { text-align: center; margin: 0 0 6mm 0; }")
        .append(".isi p { text-align: justify; }")
        .append(".isi table { border-collapse: collapse; margin: 0 0 3mm 8mm; }")
        .append(".isi td, .isi th { vertical-align: top; text-align: left;")
        .append(" padding: 0.4mm 1.5mm 0.4mm 0; }")
        .append(
            ".isi table.data td.label { width: 52mm; } .isi table.data td.titik { width: 3mm; }")
        .append(".isi table.bergaris { margin-left: 0; width: 100%; }")
        .append(".isi table.bergaris td, .isi table.bergaris th { border: 0.6pt solid #000;")
        .append(" padding: 1mm 1.5mm; }")
        .append(".isi h2, .isi h3 { font-size: 12pt; margin: 3mm 0 2mm 0; }")
        .append(".isi ol, .isi ul { margin: 0 0 3mm 0; padding-left: 8mm; }")
        .append(".ttd-wrap { margin-top: 6mm; page-break-inside: avoid; overflow: hidden; }")
        // the signature's frame is drawn round this box: the words keep clear of it
        .append(".ttd { float: right; width: 86mm; padding: 3mm 4mm; box-sizing: border-box; }")
        .append(".ttd p { margin: 0; }")
        .append(".qr { border-collapse: collapse; margin: 2mm 0; }")
        .append(".qr td { vertical-align: middle; padding: 0 2mm 0 0; }")
        .append(".qr img, .qr .kosong { width: 24mm; height: 24mm; }")
        .append(".qr .catatan { font-size: 7.5pt; line-height: 1.2; word-wrap: break-word; }")
        .append(".nama { font-weight: bold; text-decoration: underline; }")
        .append(".draf { position: fixed; top: 95mm; left: 10mm; font-size: 110pt;")
        .append(" font-weight: bold; color: #d4d4d4; transform: rotate(-35deg); }");
  }

  private static void letterhead(Letter letter, StringBuilder h) {
    new Letterhead(letter.letterhead(), letter.logoUri()).xhtml(h);
  }

  private static void signature(
      Letter letter, BiFunction<String, Object[], String> t, StringBuilder h) {
    SignatureLine s = letter.signature();
    h.append("<div class=\"ttd-wrap\"><div class=\"ttd\" id=\"").append(SIGNATURE_ID).append("\">");
    h.append("<p>");
    escape(letter.place() + ", " + Formats.longDate(letter.date(), INDONESIAN), h);
    h.append("</p><p>");
    if (s.capacity() != null && !s.capacity().isBlank()) {
      escape(s.capacity().strip() + " ", h);
    }
    escape(s.officeTitle(), h);
    h.append("</p>");
    if (s.signerTitle() != null && !s.signerTitle().isBlank()) {
      h.append("<p>");
      escape(s.signerTitle(), h);
      h.append("</p>");
    }
    h.append("<table class=\"qr\"><tr><td>");
    if (letter.qr() != null) {
      h.append("<img src=\"")
          .append(PdfA.image(QR))
          .append("\" alt=\"")
          .append(escape(t.apply("letterTemplates.letter.qrAlt", new Object[0])))
          .append("\"/></td><td class=\"catatan\">");
      escape(t.apply("letterTemplates.letter.qrCaption", new Object[] {letter.qr().url()}), h);
    } else {
      h.append("<div class=\"kosong\"></div></td><td class=\"catatan\">");
    }
    h.append("</td></tr></table><p class=\"nama\">");
    escape(s.name(), h);
    h.append("</p>");
    if (s.rank() != null && !s.rank().isBlank()) {
      h.append("<p>");
      escape(s.rank(), h);
      h.append("</p>");
    }
    if (s.nip() != null && !s.nip().isBlank()) {
      h.append("<p>");
      escape(t.apply("letterTemplates.letter.nip", new Object[] {s.nip()}), h);
      h.append("</p>");
    }
    h.append("</div></div>");
  }
}
