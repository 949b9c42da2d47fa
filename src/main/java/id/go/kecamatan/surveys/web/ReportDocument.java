package id.go.kecamatan.surveys.web;

import id.go.kecamatan.letters.Letterheads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.FollowUp;
import id.go.kecamatan.surveys.Ikm;
import id.go.kecamatan.surveys.Instrument;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Profile;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Reports.Report;
import id.go.kecamatan.surveys.ResponseChannel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The IKM report document of an office for a period (laporan hasil SKM) as PDF/A, in the structure
 * of Permenpan RB 14/2017: on the office's letterhead, I Pendahuluan; II Pengumpulan data
 * (pelaksana, metode, lokasi, waktu, jumlah responden and the sample); III Hasil (NRR per unsur,
 * IKM, mutu); IV Analisis (kelebihan and kelemahan, rencana tindak lanjut, what was done of the
 * previous period's, tren); V Kesimpulan; appendices: the questionnaire and the data (answers per
 * score and element, the respondents' profile). The figures are those of {@link Reports}, the same
 * as on the public IKM page.
 */
@Component
class ReportDocument {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  /** What the document is made of besides the report. */
  record Content(
      Office office,
      Regency regency,
      Report report,
      FollowUp plan,
      FollowUp previous,
      Map<Element, long[]> distribution,
      String surveyUrl,
      LocalDate today) {}

  private final Letterheads letterheads;
  private final MessageSource messages;

  ReportDocument(Letterheads letterheads, MessageSource messages) {
    this.letterheads = letterheads;
    this.messages = messages;
  }

  byte[] pdf(Content c) {
    Report report = c.report();
    Period period = report.period();
    Instrument instrument = Instrument.CURRENT;
    String periodName = t(period.labelKey(), period.labelArgs());
    String office = c.office().displayName();
    StringBuilder h = new StringBuilder(32 * 1024);
    h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"/><title>")
        .append(e(t("surveys.pdf.title") + " " + office + " " + periodName))
        .append("</title><style>@page { size: A4; margin: 15mm 18mm 18mm 22mm;")
        .append(" @bottom-right { content: counter(page); font-family: '")
        .append(PdfFonts.SERIF)
        .append("'; font-size: 9pt; } }")
        .append("html, body { font-family: '")
        .append(PdfFonts.SERIF)
        .append("'; font-size: 11pt; line-height: 1.35; color: #000; }")
        .append(Letterhead.css(1.0))
        .append("h1 { font-size: 13pt; text-align: center; margin: 0 0 1mm 0; }")
        .append(".sub { text-align: center; margin: 0 0 6mm 0; font-weight: bold; }")
        .append(
            "h2 { font-size: 12pt; margin: 6mm 0 2mm 0; } h3 { font-size: 11pt; margin: 4mm 0 1mm 0; }")
        .append("p { margin: 0 0 2mm 0; text-align: justify; }")
        .append("table.data { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm 0; }")
        .append(".data th, .data td { border: 0.6pt solid #000; padding: 0.8mm 1.5mm;")
        .append(" vertical-align: top; text-align: left; font-size: 10pt; }")
        .append(".data td.n { text-align: right; } .data thead th { background: #e8e8e8; }")
        .append(
            ".lampiran { page-break-before: always; } .ikm { font-size: 13pt; font-weight: bold; }")
        .append("</style></head><body>");
    letterheads.of(c.office().id()).xhtml(h);
    h.append("<h1>").append(e(t("surveys.pdf.title").toUpperCase(INDONESIAN))).append("</h1>");
    h.append("<p class=\"sub\">").append(e(office + " · " + periodName)).append("</p>");

    // I Pendahuluan
    section(h, "surveys.pdf.s1");
    h.append("<p>").append(e(t("surveys.pdf.s1.background", office))).append("</p>");
    h.append("<p>").append(e(t("surveys.pdf.s1.purpose"))).append("</p>");

    // II Pengumpulan data
    section(h, "surveys.pdf.s2");
    Map<ResponseChannel, Long> channels = report.channels();
    long respondents = report.tally().respondents();
    h.append("<table class=\"data\"><tbody>");
    row(h, t("surveys.pdf.s2.executor"), t("surveys.pdf.s2.executorText", office));
    row(
        h,
        t("surveys.pdf.s2.method"),
        t(
            "surveys.pdf.s2.methodText",
            channels.getOrDefault(ResponseChannel.INVITATION, 0L),
            channels.getOrDefault(ResponseChannel.WALK_IN, 0L),
            channels.getOrDefault(ResponseChannel.COUNTER, 0L),
            report.assisted()));
    row(
        h,
        t("surveys.pdf.s2.location"),
        c.office().address() == null ? office : office + ", " + c.office().address());
    row(
        h,
        t("surveys.pdf.s2.time"),
        Formats.longDate(period.from(), INDONESIAN)
            + " – "
            + Formats.longDate(period.to(), INDONESIAN));
    row(
        h,
        t("surveys.pdf.s2.respondents"),
        t(
            report.sufficient() ? "surveys.pdf.s2.sufficient" : "surveys.pdf.s2.insufficient",
            respondents,
            report.serviceUsers(),
            report.minimumSample()));
    h.append("</tbody></table>");

    // III Hasil
    section(h, "surveys.pdf.s3");
    Ikm ikm = report.ikm().orElse(null);
    if (ikm == null) {
      h.append("<p>").append(e(t("surveys.report.none"))).append("</p>");
    } else {
      h.append("<table class=\"data\"><thead><tr><th>")
          .append(e(t("surveys.pdf.no")))
          .append("</th><th>")
          .append(e(t("surveys.report.element")))
          .append("</th><th>")
          .append(e(t("surveys.pdf.sum")))
          .append("</th><th>")
          .append(e(t("surveys.report.nrrShort")))
          .append("</th></tr></thead><tbody>");
      int no = 1;
      for (Element element : instrument.elements()) {
        h.append("<tr><td class=\"n\">U")
            .append(no++)
            .append("</td><td>")
            .append(e(t(instrument.nameKey(element))))
            .append("</td><td class=\"n\">")
            .append(report.tally().sum(element))
            .append("</td><td class=\"n\">")
            .append(e(decimal(ikm.nrr().get(element))))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
      h.append("<p class=\"ikm\">")
          .append(
              e(
                  t(
                      "surveys.pdf.s3.ikm",
                      decimal(ikm.index()),
                      ikm.grade().name(),
                      t(ikm.grade().labelKey()))))
          .append("</p><p>")
          .append(e(t("surveys.report.rule")))
          .append("</p>");
      if (!report.rows().isEmpty()) {
        h.append("<h3>").append(e(t("surveys.report.perService"))).append("</h3>");
        h.append("<table class=\"data\"><thead><tr><th>")
            .append(e(t("surveys.report.name")))
            .append("</th><th>")
            .append(e(t("surveys.report.respondents")))
            .append("</th><th>")
            .append(e(t("surveys.report.index")))
            .append("</th></tr></thead><tbody>");
        for (Reports.Row row : report.rows()) {
          h.append("<tr><td>")
              .append(e(row.name()))
              .append("</td><td class=\"n\">")
              .append(row.respondents())
              .append("</td><td class=\"n\">")
              .append(
                  e(
                      row.ikm()
                          .map(i -> decimal(i.index()) + " (" + i.grade().name() + ")")
                          .orElse("–")))
              .append("</td></tr>");
        }
        h.append("</tbody></table>");
      }
    }

    // IV Analisis
    section(h, "surveys.pdf.s4");
    h.append("<h3>").append(e(t("surveys.pdf.s4.strengths"))).append("</h3>");
    if (ikm == null) {
      h.append("<p>").append(e(t("surveys.report.none"))).append("</p>");
    } else {
      List<Element> weakest = ikm.weakestFirst();
      List<Element> strongest = new ArrayList<>(weakest);
      Collections.reverse(strongest);
      h.append("<p>")
          .append(e(t("surveys.pdf.s4.strong", names(ikm, strongest.subList(0, 3)))))
          .append("</p><p>")
          .append(e(t("surveys.pdf.s4.weak", names(ikm, weakest.subList(0, 3)))))
          .append("</p>");
    }
    h.append("<h3>").append(e(t("surveys.followUp.heading", periodName))).append("</h3>");
    plan(h, c.plan(), false);
    if (c.previous() != null && !c.previous().items().isEmpty()) {
      Period previous = c.previous().period();
      h.append("<h3>")
          .append(e(t("surveys.followUp.previous", t(previous.labelKey(), previous.labelArgs()))))
          .append("</h3>");
      plan(h, c.previous(), true);
    }
    h.append("<h3>").append(e(t("surveys.report.trend"))).append("</h3>");
    h.append("<table class=\"data\"><thead><tr><th>")
        .append(e(t("surveys.report.period")))
        .append("</th><th>")
        .append(e(t("surveys.report.respondents")))
        .append("</th><th>")
        .append(e(t("surveys.report.index")))
        .append("</th><th>")
        .append(e(t("surveys.report.grade")))
        .append("</th></tr></thead><tbody>");
    for (Reports.TrendPoint point : report.trend()) {
      h.append("<tr><td>")
          .append(e(t(point.period().labelKey(), point.period().labelArgs())))
          .append("</td><td class=\"n\">")
          .append(point.respondents())
          .append("</td><td class=\"n\">")
          .append(e(point.ikm().map(i -> decimal(i.index())).orElse("–")))
          .append("</td><td>")
          .append(e(point.ikm().map(i -> i.grade().name()).orElse("–")))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");

    // V Kesimpulan
    section(h, "surveys.pdf.s5");
    if (ikm == null) {
      h.append("<p>").append(e(t("surveys.report.none"))).append("</p>");
    } else {
      h.append("<p>")
          .append(
              e(
                  t(
                      "surveys.pdf.s5.text",
                      office,
                      periodName,
                      decimal(ikm.index()),
                      ikm.grade().name(),
                      t(ikm.grade().labelKey()),
                      respondents,
                      t(instrument.nameKey(ikm.weakestFirst().get(0))))))
          .append("</p><p>")
          .append(
              e(
                  t(
                      report.sufficient()
                          ? "surveys.pdf.s5.sufficient"
                          : "surveys.pdf.s5.insufficient",
                      report.minimumSample())))
          .append("</p>");
    }
    h.append("<p>")
        .append(e(t("surveys.pdf.made", Formats.longDate(c.today(), INDONESIAN))))
        .append("</p>");

    // Lampiran 1: the questionnaire
    h.append("<div class=\"lampiran\"><h2>")
        .append(e(t("surveys.pdf.appendix1")))
        .append("</h2><p>")
        .append(e(t("surveys.pdf.appendix1.lead", c.surveyUrl())))
        .append("</p><table class=\"data\"><thead><tr><th>")
        .append(e(t("surveys.pdf.no")))
        .append("</th><th>")
        .append(e(t("surveys.pdf.question")))
        .append("</th><th>")
        .append(e(t("surveys.pdf.answers")))
        .append("</th></tr></thead><tbody>");
    int no = 1;
    for (Element element : instrument.elements()) {
      StringBuilder answers = new StringBuilder();
      for (int score = Element.MIN_SCORE; score <= Element.MAX_SCORE; score++) {
        answers
            .append(score > 1 ? "; " : "")
            .append(score)
            .append(". ")
            .append(t(instrument.answerKey(element, score)));
      }
      h.append("<tr><td class=\"n\">")
          .append(no++)
          .append("</td><td>")
          .append(e(t("surveys.question.lead") + " " + t(instrument.questionKey(element)) + "?"))
          .append("</td><td>")
          .append(e(answers.toString()))
          .append("</td></tr>");
    }
    h.append("</tbody></table><p>")
        .append(
            e(
                t(
                    "surveys.pdf.appendix1.profile",
                    options("surveys.profile.sex", Profile.Sex.class),
                    options("surveys.profile.age", Profile.AgeBand.class),
                    options("surveys.profile.education", Profile.Education.class),
                    options("surveys.profile.occupation", Profile.Occupation.class),
                    options("surveys.profile.timeBand", Profile.TimeBand.class))))
        .append("</p></div>");

    // Lampiran 2: the data
    h.append("<div class=\"lampiran\"><h2>")
        .append(e(t("surveys.pdf.appendix2")))
        .append("</h2><table class=\"data\"><thead><tr><th>")
        .append(e(t("surveys.report.element")))
        .append("</th>");
    for (int score = Element.MIN_SCORE; score <= Element.MAX_SCORE; score++) {
      h.append("<th>").append(e(t("surveys.pdf.score", score))).append("</th>");
    }
    h.append("<th>").append(e(t("surveys.pdf.sum"))).append("</th></tr></thead><tbody>");
    for (Element element : instrument.elements()) {
      long[] answers = c.distribution().get(element);
      h.append("<tr><td>").append(e(t(instrument.nameKey(element)))).append("</td>");
      for (long count : answers) {
        h.append("<td class=\"n\">").append(count).append("</td>");
      }
      h.append("<td class=\"n\">").append(report.tally().sum(element)).append("</td></tr>");
    }
    h.append("</tbody></table>");
    if (respondents > 0) {
      h.append("<h3>").append(e(t("surveys.report.profile"))).append("</h3>");
      for (Reports.ProfilePart part : Reports.PROFILE) {
        String prefix = part.labels();
        h.append("<table class=\"data\"><thead><tr><th>")
            .append(e(t(prefix)))
            .append("</th><th>")
            .append(e(t("surveys.report.respondents")))
            .append("</th></tr></thead><tbody>");
        for (Map.Entry<String, Long> entry : report.profile().get(part.column()).entrySet()) {
          h.append("<tr><td>")
              .append(
                  e(
                      entry.getKey() == null
                          ? t("surveys.report.notGiven")
                          : t(prefix + "." + entry.getKey())))
              .append("</td><td class=\"n\">")
              .append(entry.getValue())
              .append(" (")
              .append(Figures.percent(entry.getValue(), respondents))
              .append(" %)</td></tr>");
        }
        h.append("</tbody></table>");
      }
    }
    h.append("</div></body></html>");
    return PdfA.render(h.toString());
  }

  private void plan(StringBuilder h, FollowUp plan, boolean done) {
    if (plan == null || plan.items().isEmpty()) {
      h.append("<p>").append(e(t("surveys.followUp.none"))).append("</p>");
      return;
    }
    h.append("<table class=\"data\"><thead><tr><th>")
        .append(e(t("surveys.followUp.column.unsur")))
        .append("</th><th>")
        .append(e(t("surveys.followUp.column.program")))
        .append("</th><th>")
        .append(e(t("surveys.followUp.column.waktu")))
        .append("</th><th>")
        .append(e(t("surveys.followUp.column.pj")))
        .append("</th><th>")
        .append(e(t("surveys.followUp.column.status")))
        .append("</th>");
    if (done) {
      h.append("<th>").append(e(t("surveys.followUp.column.realisasi"))).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (FollowUp.Item item : plan.items()) {
      h.append("<tr><td>")
          .append(e(t(Instrument.CURRENT.nameKey(item.element()))))
          .append("</td><td>")
          .append(e(item.programme()))
          .append("</td><td>")
          .append(e(item.timeframe()))
          .append("</td><td>")
          .append(e(item.responsible()))
          .append("</td><td>")
          .append(e(t(item.status().labelKey())))
          .append("</td>");
      if (done) {
        h.append("<td>")
            .append(
                e(
                    item.realisation() == null
                        ? t("surveys.followUp.noRealisation")
                        : item.realisation()))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private String names(Ikm ikm, List<Element> elements) {
    StringBuilder names = new StringBuilder();
    for (Element element : elements) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names
          .append(t(Instrument.CURRENT.nameKey(element)))
          .append(" (")
          .append(decimal(ikm.nrr().get(element)))
          .append(")");
    }
    return names.toString();
  }

  private String options(String prefix, Class<? extends Enum<?>> type) {
    StringBuilder text = new StringBuilder(t(prefix)).append(" (");
    List<String> names = Profile.names(type);
    for (int i = 0; i < names.size(); i++) {
      text.append(i > 0 ? ", " : "").append(t(prefix + "." + names.get(i)));
    }
    return text.append(")").toString();
  }

  private void section(StringBuilder h, String key) {
    h.append("<h2>").append(e(t(key))).append("</h2>");
  }

  private void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
  }

  private static String decimal(BigDecimal value) {
    return Figures.decimal(INDONESIAN, value);
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }
}
