package id.go.kecamatan.content.internal;

import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The guide (panduan) of a service, generated from its service standard in plain words: who it is
 * for, what to bring, the steps, how long in working days, the cost, where and when, and how to
 * complain. One {@link Guide} feeds both the web page and its A4 PDF/A, so the two never say
 * different things; the words around the office's own texts come from the message bundles, in the
 * reader's language (the office's texts stay as the office wrote them).
 */
@Component
public class Guides {

  private final MessageSource messages;

  Guides(MessageSource messages) {
    this.messages = messages;
  }

  /** A section of a guide: a heading, paragraphs, then a list (numbered or not). */
  public record Section(
      String id, String heading, List<String> paragraphs, List<String> items, boolean numbered) {}

  /**
   * A service's guide.
   *
   * @param serviceUrl the absolute address of the service's page (printed in the PDF)
   * @param complaintUrl the absolute address of the office's complaint form
   */
  public record Guide(
      Office office,
      ServiceType service,
      String title,
      String lead,
      List<Section> sections,
      String serviceUrl,
      String complaintUrl) {}

  /**
   * The guide of an active service, in a language ({@code id} or {@code en}).
   *
   * @param hours the office's opening hours in that language ({@code office.OpeningHours#lines}),
   *     the hours its appointments offer
   */
  public Guide guide(
      Office office,
      ServiceType service,
      String serviceUrl,
      String complaintUrl,
      List<String> hours,
      Locale locale) {
    List<Section> sections = new ArrayList<>();
    String forWhom =
        service.description() == null || service.description().isBlank()
            ? t(locale, "outreach.guide.forWhom.default", office.displayName(), service.product())
            : service.description();
    sections.add(
        new Section(
            "untuk-siapa",
            t(locale, "outreach.guide.forWhom"),
            List.of(forWhom, t(locale, "outreach.guide.product", service.product())),
            List.of(),
            false));
    List<String> bring =
        service.requirements().stream()
            .sorted(Comparator.comparing((Requirement r) -> !r.required()))
            .map(
                r ->
                    r.name()
                        + (r.required() ? "" : " (" + t(locale, "service.optional") + ")")
                        + (r.description() == null || r.description().isBlank()
                            ? ""
                            : ": " + r.description()))
            .toList();
    sections.add(
        new Section(
            "yang-dibawa",
            t(locale, "outreach.guide.bring"),
            List.of(
                bring.isEmpty()
                    ? t(locale, "service.noRequirements")
                    : t(locale, "outreach.guide.bringLead")),
            bring,
            false));
    List<String> how = new ArrayList<>();
    if (service.online()) {
      how.add(t(locale, "outreach.guide.how.online"));
    }
    if (service.counter()) {
      how.add(t(locale, "outreach.guide.how.counter"));
    }
    if (service.village()) {
      how.add(t(locale, "outreach.guide.how.village"));
    }
    sections.add(
        new Section(
            "cara-mengajukan",
            t(locale, "outreach.guide.how"),
            how,
            service.procedureSteps(),
            true));
    sections.add(
        new Section(
            "berapa-lama",
            t(locale, "outreach.guide.time"),
            List.of(
                t(locale, "service.daysLong", service.completionDays()),
                t(locale, "outreach.guide.timeTrack")),
            List.of(),
            false));
    sections.add(
        new Section(
            "biaya",
            t(locale, "outreach.guide.cost"),
            service.cost() == 0
                ? List.of(t(locale, "service.freeLong"), t(locale, "outreach.guide.noBroker"))
                : List.of(t(locale, "outreach.guide.costAmount", rupiah(service.cost()))),
            List.of(),
            false));
    List<String> where = new ArrayList<>();
    if (office.address() != null && !office.address().isBlank()) {
      where.add(t(locale, "outreach.guide.address", office.displayName(), office.address()));
    }
    if (office.phone() != null && !office.phone().isBlank()) {
      where.add(t(locale, "office.phone") + ": " + office.phone());
    }
    if (office.whatsapp() != null && !office.whatsapp().isBlank()) {
      where.add("WhatsApp: " + office.whatsapp());
    }
    List<String> when = new ArrayList<>(hours);
    when.addAll(office.officeHoursLines());
    if (!when.isEmpty()) {
      where.add(t(locale, "outreach.guide.hours"));
    }
    sections.add(new Section("di-mana", t(locale, "outreach.guide.where"), where, when, false));
    List<String> complain = new ArrayList<>();
    if (service.complaintChannel() != null && !service.complaintChannel().isBlank()) {
      complain.add(service.complaintChannel());
    }
    complain.add(t(locale, "outreach.guide.complainOnline", complaintUrl));
    sections.add(
        new Section("pengaduan", t(locale, "outreach.guide.complain"), complain, List.of(), false));
    return new Guide(
        office,
        service,
        t(locale, "outreach.guide.title", service.name()),
        t(locale, "outreach.guide.lead", service.name(), office.displayName()),
        List.copyOf(sections),
        serviceUrl,
        complaintUrl);
  }

  /** The guide as an A4 PDF/A-3b, for printing and handing out. */
  public byte[] pdf(Guide guide, Locale locale) {
    return PdfA.render(xhtml(guide, locale));
  }

  String xhtml(Guide g, Locale locale) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html><html lang=\"")
        .append(e(locale.getLanguage()))
        .append("\"><head><meta charset=\"utf-8\"/><title>")
        .append(e(g.title()))
        .append(" – ")
        .append(e(g.office().displayName()))
        .append("</title><style>")
        .append("@page { size: A4; margin: 16mm 18mm; }")
        .append("body { font-family: '")
        .append(PdfFonts.SANS)
        .append("'; font-size: 11.5pt; line-height: 1.4; color: #111; margin: 0; }")
        .append(".office { font-weight: bold; color: #0b5394; border-bottom: 2pt solid #0b5394;")
        .append(" padding-bottom: 2mm; margin: 0 0 4mm 0; }")
        .append("h1 { font-size: 20pt; margin: 0 0 2mm 0; } .lead { font-size: 12.5pt; }")
        .append("h2 { font-size: 13.5pt; margin: 5mm 0 1.5mm 0; page-break-after: avoid; }")
        .append("p { margin: 0 0 1.5mm 0; } ul, ol { margin: 0 0 1.5mm 0; padding-left: 6mm; }")
        .append("li { margin-bottom: 1mm; } .foot { margin-top: 6mm; font-size: 9.5pt;")
        .append(" color: #333; border-top: 0.5pt solid #777; padding-top: 2mm; }")
        .append("</style></head><body>");
    h.append("<p class=\"office\">").append(e(g.office().displayName())).append("</p>");
    h.append("<h1>").append(e(g.title())).append("</h1>");
    h.append("<p class=\"lead\">").append(e(g.lead())).append("</p>");
    for (Section s : g.sections()) {
      h.append("<h2>").append(e(s.heading())).append("</h2>");
      for (String p : s.paragraphs()) {
        h.append("<p>").append(e(p)).append("</p>");
      }
      if (!s.items().isEmpty()) {
        String list = s.numbered() ? "ol" : "ul";
        h.append('<').append(list).append('>');
        for (String item : s.items()) {
          h.append("<li>").append(e(item)).append("</li>");
        }
        h.append("</").append(list).append('>');
      }
    }
    h.append("<p class=\"foot\">")
        .append(e(t(locale, "outreach.guide.pdfFoot", g.serviceUrl())))
        .append("</p></body></html>");
    return h.toString();
  }

  private static String rupiah(long amount) {
    return "Rp" + String.format(Locale.forLanguageTag("id"), "%,d", amount);
  }

  private String t(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }
}
