package id.go.kecamatan.statistics.web;

import id.go.kecamatan.letters.DocumentSigning;
import id.go.kecamatan.letters.Letterheads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly report's documents made from its sheet of figures: the PDF/A-3b with the letterhead
 * (and the signature block when the office signs its reports), and the figures frozen as JSON and
 * read back for the signature.
 */
@Component
class ReportDocuments {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  /** The id of the signature block's element in the report's XHTML. */
  static final String SIGNATURE_ID = "ttd";

  private final MessageSource messages;
  private final Letterheads letterheads;
  private final Clock clock;
  private final JsonMapper mapper = JsonMapper.builder().build();

  ReportDocuments(MessageSource messages, Letterheads letterheads, Clock clock) {
    this.messages = messages;
    this.letterheads = letterheads;
    this.clock = clock;
  }

  /** The sheet of a version's frozen figures ({@link #json}). */
  OpenData.Sheet parse(String json) {
    JsonNode root = mapper.readTree(json);
    Function<JsonNode, List<String>> strings =
        node -> {
          List<String> values = new ArrayList<>();
          node.forEach(v -> values.add(v.asString()));
          return values;
        };
    List<List<String>> rows = new ArrayList<>();
    root.get("rows").forEach(r -> rows.add(strings.apply(r)));
    List<String> headings = strings.apply(root.get("headings"));
    String title = rows.isEmpty() ? "" : rows.get(0).get(1);
    return new OpenData.Sheet(headings, strings.apply(root.get("definitions")), rows, title);
  }

  /**
   * The office's report with its signature block: the signer's, or (for the staff preview of a
   * version waiting for the signature) the office's title over an empty space.
   */
  PdfA.Located pdfLocating(
      Office office,
      PublishedReport report,
      OpenData.Sheet sheet,
      DocumentSigning.SignatureBlock block) {
    StringBuilder h = new StringBuilder(1024);
    h.append("<div class=\"ttd-wrap\"><div class=\"ttd\" id=\"")
        .append(SIGNATURE_ID)
        .append("\"><p>")
        .append(
            e(
                office.name()
                    + ", "
                    + (block == null
                        ? t("statistics.report.sign.dateToCome")
                        : Formats.longDate(LocalDate.now(clock), INDONESIAN))))
        .append("</p><p>");
    if (block == null) {
      h.append(e("CAMAT " + office.name().toUpperCase(INDONESIAN)))
          .append("</p><div class=\"ruang\">")
          .append(e(t("statistics.report.sign.awaiting")))
          .append("</div>");
    } else {
      if (block.capacity() != null && !block.capacity().isBlank()) {
        h.append(e(block.capacity().strip() + " "));
      }
      h.append(e(block.officeTitle())).append("</p>");
      if (block.signerTitle() != null && !block.signerTitle().isBlank()) {
        h.append("<p>").append(e(block.signerTitle())).append("</p>");
      }
      h.append("<div class=\"ruang\">")
          .append(e(t("statistics.report.sign.electronic")))
          .append("</div><p class=\"nama\">")
          .append(e(block.name()))
          .append("</p>");
      if (block.rank() != null && !block.rank().isBlank()) {
        h.append("<p>").append(e(block.rank())).append("</p>");
      }
      if (block.nip() != null && !block.nip().isBlank()) {
        h.append("<p>").append(e(t("letterTemplates.letter.nip", block.nip()))).append("</p>");
      }
    }
    h.append("</div></div>");
    return PdfA.renderLocating(
        xhtml(letterheads.of(office.id()), report, sheet, t("statistics.lead"), h.toString()),
        SIGNATURE_ID);
  }

  byte[] pdf(
      Letterhead letterhead,
      PublishedReport report,
      OpenData.Sheet sheet,
      String lead,
      String signatureBlock) {
    return PdfA.render(xhtml(letterhead, report, sheet, lead, signatureBlock));
  }

  static String monthName(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, INDONESIAN) + " " + month.getYear();
  }

  /** The report's XHTML; the signature block (markup) after the tables when there is one. */
  private String xhtml(
      Letterhead letterhead,
      PublishedReport report,
      OpenData.Sheet sheet,
      String lead,
      String signatureBlock) {
    StringBuilder h = new StringBuilder(16 * 1024);
    String monthName = monthName(report.month());
    h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"/><title>")
        .append(e(t("statistics.report.title") + " " + monthName))
        .append("</title><style>@page { size: A4 landscape; margin: 12mm; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; font-size: 8pt; color: #111; }")
        .append("h1 { font-size: 13pt; margin: 0 0 2mm 0; } p { margin: 0 0 1.5mm 0; }")
        .append("table { width: 100%; border-collapse: collapse; margin-top: 3mm; }")
        .append("th, td { border: 0.5pt solid #555; padding: 1mm; vertical-align: top; }")
        .append("td { text-align: right; } th { text-align: left; font-weight: bold; }")
        .append("dt { font-weight: bold; margin-top: 1mm; } dd { margin: 0 0 0 4mm; }")
        .append(Letterhead.css(0.75))
        .append(".kop td, .kop th { border: none; text-align: center; }")
        .append(".ttd-wrap { margin-top: 4mm; page-break-inside: avoid; overflow: hidden; }")
        // the signature's frame is drawn round this box
        .append(".ttd { float: right; width: 80mm; padding: 2mm 3mm; box-sizing: border-box; }")
        .append(
            ".ttd p { margin: 0; } .ttd .nama { font-weight: bold; text-decoration: underline; }")
        .append(".ttd .ruang { height: 14mm; padding-top: 4mm; color: #555; font-style: italic; }")
        .append("</style></head><body>");
    // the office's letterhead, as its letters print it
    letterhead.xhtml(h);
    h.append("<h1>")
        .append(e(t("statistics.report.title")))
        .append(" – ")
        .append(e(monthName))
        .append("</h1><p>")
        .append(
            e(
                t("statistics.report.versionLine", report.version())
                    + " · "
                    + t(
                        "statistics.report.publishedLine",
                        Formats.dateTime(report.publishedAt(), clock.getZone(), INDONESIAN),
                        report.publishedBy())))
        .append("</p>");
    if (report.reason() != null) {
      h.append("<p>")
          .append(e(t("statistics.report.correctionLine", report.reason())))
          .append("</p>");
    }
    h.append("<p>").append(e(lead)).append("</p>");
    // the columns worth printing: service and the main figures
    table(h, sheet, new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 19, 20, 21, 22});
    // complaints and the IKM, when the sheet has them (every report published since they exist)
    if (sheet.headings().size() > 29) {
      table(h, sheet, new int[] {2, 23, 24, 25, 26, 27, 28, 29});
    }
    if (signatureBlock != null) {
      h.append(signatureBlock);
    }
    h.append("<h2 style=\"font-size:10pt\">")
        .append(e(t("statistics.section.definitions")))
        .append("</h2><dl>");
    for (int c = 3; c < sheet.headings().size(); c++) {
      h.append("<dt>")
          .append(e(sheet.headings().get(c)))
          .append("</dt><dd>")
          .append(e(sheet.definitions().get(c)))
          .append("</dd>");
    }
    h.append("</dl></body></html>");
    return h.toString();
  }

  private static void table(StringBuilder h, OpenData.Sheet sheet, int[] columns) {
    h.append("<table><thead><tr>");
    for (int c : columns) {
      h.append("<th>").append(e(sheet.headings().get(c))).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (List<String> row : sheet.rows()) {
      h.append("<tr>");
      for (int c : columns) {
        h.append(c == 2 ? "<th>" : "<td>").append(e(row.get(c))).append(c == 2 ? "</th>" : "</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  static String json(OpenData.Sheet sheet) {
    StringBuilder j = new StringBuilder("{\"headings\":");
    array(j, sheet.headings());
    j.append(",\"definitions\":");
    array(j, sheet.definitions());
    j.append(",\"rows\":[");
    for (int i = 0; i < sheet.rows().size(); i++) {
      if (i > 0) {
        j.append(',');
      }
      array(j, sheet.rows().get(i));
    }
    return j.append("]}").toString();
  }

  private static void array(StringBuilder j, List<String> values) {
    j.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        j.append(',');
      }
      j.append('"');
      for (char c : (values.get(i) == null ? "" : values.get(i)).toCharArray()) {
        switch (c) {
          case '"' -> j.append("\\\"");
          case '\\' -> j.append("\\\\");
          default -> {
            if (c < 0x20) {
              j.append(String.format("\\u%04x", (int) c));
            } else {
              j.append(c);
            }
          }
        }
      }
      j.append('"');
    }
    j.append(']');
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }
}
