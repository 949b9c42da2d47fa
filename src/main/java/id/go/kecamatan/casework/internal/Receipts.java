package id.go.kecamatan.casework.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt (tanda terima) of an application entered at the counter or the village office: a
 * one-page A5 PDF the officer prints and hands to the resident, with the office, the service, the
 * tracking code, the submission date, the deadline, the assisting officer and how to check the
 * status at home. Always in Indonesian: it is the resident's paper. Rendered by openhtmltopdf from
 * XHTML built here, every value escaped, in the shipped Liberation Sans ({@link PdfFonts},
 * embedded), so the receipt looks the same on every machine.
 */
@Component
public class Receipts {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final MessageSource messages;
  private final java.time.Clock clock;

  Receipts(MessageSource messages, java.time.Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The receipt as PDF bytes.
   *
   * @param statusUrl the absolute address of the status page ({@code https://.../status})
   * @param surveyUrl the absolute address of the office's satisfaction survey for walk-ins, shown
   *     with its QR code
   */
  public byte[] render(
      Office office,
      ServiceType service,
      Application application,
      String statusUrl,
      String surveyUrl) {
    String html = html(office, service, application, statusUrl, surveyUrl);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      PdfFonts.register(builder);
      PdfA.withXhtml(builder, html);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String html(
      Office office,
      ServiceType service,
      Application application,
      String statusUrl,
      String surveyUrl) {
    String code = application.trackingCode().value();
    LocalDate submitted = application.submittedAt().atZone(clock.getZone()).toLocalDate();
    String time = Formats.time(application.submittedAt(), clock.getZone(), INDONESIAN);
    boolean withPhone = application.applicant().phoneLast4() != null;
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"/>")
        .append("<title>")
        .append(e(t("intake.receipt.title")))
        .append(" ")
        .append(e(code))
        .append("</title><style>")
        .append("@page { size: A5; margin: 14mm; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; font-size: 10.5pt; color: #111; }")
        .append(".office { font-weight: bold; font-size: 12pt; margin: 0; }")
        .append(".meta { color: #333; margin: 0 0 2mm 0; font-size: 9pt; }")
        .append(
            "h1 { font-size: 14pt; border-top: 1.5pt solid #111; border-bottom: 1.5pt solid #111;")
        .append(" padding: 2mm 0; margin: 3mm 0; text-align: center; letter-spacing: 0.5pt; }")
        .append(".code { font-size: 17pt; font-weight: bold; letter-spacing: 1pt;")
        .append(" text-align: center; border: 1pt solid #111; padding: 2mm; margin: 2mm 0 4mm 0; }")
        .append("table { width: 100%; border-collapse: collapse; }")
        .append("th { text-align: left; font-weight: normal; color: #333; width: 38%;")
        .append(" vertical-align: top; padding: 1mm 0; }")
        .append("td { font-weight: bold; padding: 1mm 0; vertical-align: top; }")
        .append("h2 { font-size: 11pt; margin: 5mm 0 1mm 0; }")
        .append("ol { margin: 0; padding-left: 5mm; } li { margin-bottom: 1mm; }")
        .append(".foot { margin-top: 5mm; font-size: 8.5pt; color: #333; }")
        .append(".survey { margin-top: 4mm; } .survey td { font-weight: normal; font-size: 8.5pt;")
        .append(" vertical-align: middle; padding: 0 2mm 0 0; } .survey img { width: 22mm; }")
        .append("</style></head><body>");
    h.append("<p class=\"office\">").append(e(office.displayName())).append("</p>");
    if (office.address() != null && !office.address().isBlank()) {
      h.append("<p class=\"meta\">").append(e(office.address()));
      if (office.phone() != null && !office.phone().isBlank()) {
        h.append(" · ").append(e(t("intake.receipt.phone"))).append(" ").append(e(office.phone()));
      }
      h.append("</p>");
    }
    h.append("<h1>").append(e(t("intake.receipt.title"))).append("</h1>");
    h.append("<p class=\"meta\">").append(e(t("intake.receipt.codeLabel"))).append("</p>");
    h.append("<p class=\"code\">").append(e(code)).append("</p>");
    h.append("<table>");
    row(h, t("intake.receipt.service"), service.name());
    row(h, t("intake.receipt.applicant"), application.applicant().name());
    row(h, t("intake.receipt.submitted"), Formats.longDate(submitted, INDONESIAN) + ", " + time);
    row(h, t("intake.receipt.deadline"), Formats.longDate(application.deadline(), INDONESIAN));
    row(h, t("intake.receipt.channel"), t("intake.channel." + application.channel().name()));
    row(
        h,
        t("intake.receipt.officer"),
        application.assistedBy().map(AssistingOfficer::name).orElse("-"));
    h.append("</table>");
    h.append("<h2>").append(e(t("intake.receipt.howTitle"))).append("</h2><ol>");
    h.append("<li>").append(e(t("intake.receipt.how1", statusUrl))).append("</li>");
    h.append("<li>").append(e(t("intake.receipt.how2", code))).append("</li>");
    h.append("<li>")
        .append(e(t(withPhone ? "intake.receipt.how3phone" : "intake.receipt.how3nik")))
        .append("</li>");
    h.append("</ol>");
    h.append("<p class=\"foot\">").append(e(t("intake.receipt.keep", service.completionDays())));
    h.append(" ").append(e(t("intake.receipt.free"))).append("</p>");
    // the office's satisfaction survey for walk-ins, answered once served
    h.append("<table class=\"survey\"><tr><td style=\"width: 24mm\"><img src=\"")
        .append(QrCode.pngDataUri(surveyUrl))
        .append("\" alt=\"\"/></td><td>")
        .append(e(t("intake.receipt.survey", surveyUrl)))
        .append("</td></tr></table>");
    h.append("</body></html>");
    return h.toString();
  }

  private void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  /** Escapes text for XHTML; see {@link Xhtml#escape(String)}. */
  static String e(String text) {
    return Xhtml.escape(text);
  }
}
