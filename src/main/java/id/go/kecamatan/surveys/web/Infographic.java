package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.QrCode;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.Ikm;
import id.go.kecamatan.surveys.Instrument;
import id.go.kecamatan.surveys.Reports.Report;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printable infographic of an office's IKM (A4, PDF/A) for the notice board: the period, the
 * index large, its grade, the respondents, the nine NRR as bars with their values, and a QR code to
 * the office's survey form for walk-ins.
 */
@Component
class Infographic {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  /** The length of a full bar (NRR 4), in millimetres. */
  private static final int BAR_MM = 80;

  private final MessageSource messages;

  Infographic(MessageSource messages) {
    this.messages = messages;
  }

  byte[] pdf(Office office, Report report, String surveyUrl) {
    Instrument instrument = Instrument.CURRENT;
    String periodName = t(report.period().labelKey(), report.period().labelArgs());
    StringBuilder h = new StringBuilder(16 * 1024);
    h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"/><title>")
        .append(e(t("surveys.infographic.title", office.displayName()) + " " + periodName))
        .append("</title><style>@page { size: A4; margin: 16mm; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; font-size: 12pt; color: #0b0c0c; text-align: center; }")
        .append("h1 { font-size: 24pt; margin: 0 0 2mm 0; color: #1d5fa8; }")
        .append(".office { font-size: 16pt; font-weight: bold; margin: 0; }")
        .append(".period { font-size: 13pt; margin: 1mm 0 6mm 0; }")
        .append(".index { font-size: 64pt; font-weight: bold; margin: 0; line-height: 1; }")
        .append(".grade { font-size: 18pt; font-weight: bold; margin: 2mm 0; }")
        .append(".meta { font-size: 11pt; margin: 0 0 6mm 0; }")
        .append("table.nrr { margin: 0 auto 6mm auto; border-collapse: collapse; }")
        .append(".nrr td { padding: 1.2mm 1.5mm; text-align: left; vertical-align: middle; }")
        .append(".nrr td.name { width: 60mm; font-size: 10.5pt; }")
        .append(".nrr td.bar { width: ")
        .append(BAR_MM + 2)
        .append("mm; } .nrr td.value { font-weight: bold; width: 14mm; }")
        .append(".fill { height: 5mm; background: #1d5fa8; }")
        .append(".qr img { width: 42mm; height: 42mm; } .qr p { margin: 1mm 0; }")
        .append(".url { font-size: 10pt; }")
        .append("</style></head><body>");
    h.append("<h1>").append(e(t("surveys.infographic.heading"))).append("</h1>");
    h.append("<p class=\"office\">").append(e(office.displayName())).append("</p>");
    h.append("<p class=\"period\">").append(e(periodName)).append("</p>");
    Ikm ikm = report.ikm().orElse(null);
    if (ikm == null) {
      h.append("<p class=\"grade\">").append(e(t("surveys.report.none"))).append("</p>");
    } else {
      h.append("<p class=\"index\">").append(e(decimal(ikm))).append("</p>");
      h.append("<p class=\"grade\">")
          .append(e(t("surveys.infographic.grade", ikm.grade().name(), t(ikm.grade().labelKey()))))
          .append("</p>");
      h.append("<p class=\"meta\">")
          .append(e(t("surveys.infographic.respondents", report.tally().respondents())))
          .append("</p>");
      h.append("<table class=\"nrr\"><tbody>");
      for (Element element : instrument.elements()) {
        String nrr = Figures.decimal(INDONESIAN, ikm.nrr().get(element));
        h.append("<tr><td class=\"name\">")
            .append(e(t(instrument.nameKey(element))))
            .append("</td><td class=\"bar\"><div class=\"fill\" style=\"width: ")
            .append(Figures.bar(ikm.nrr().get(element), BAR_MM))
            .append("mm\"></div></td><td class=\"value\">")
            .append(e(nrr))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("<div class=\"qr\"><p><b>")
        .append(e(t("surveys.infographic.scan")))
        .append("</b></p><img src=\"")
        .append(QrCode.pngDataUri(surveyUrl))
        .append("\" alt=\"")
        .append(e(t("surveys.walkInQr.alt", office.displayName())))
        .append("\"/><p class=\"url\">")
        .append(e(surveyUrl))
        .append("</p></div></body></html>");
    return PdfA.render(h.toString());
  }

  private static String decimal(Ikm ikm) {
    return Figures.decimal(INDONESIAN, ikm.index());
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }
}
