package id.go.kecamatan.statistics.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.Letterheads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report (laporan bulanan pelayanan PATEN) of an office: publishing freezes the month's
 * public figures and makes its XLSX and PDF/A once; the stored bytes are what is served ever after,
 * so later changes to the data never alter a published report. A correction is a new version with
 * its reason, shown beside the earlier ones.
 */
@Component
class MonthlyReports {

  static final int MAX_REASON = 500;
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final JdbcClient jdbc;
  private final MonthSheets sheets;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final Letterheads letterheads;
  private final Clock clock;

  MonthlyReports(
      JdbcClient jdbc,
      MonthSheets sheets,
      MessageSource messages,
      AuditTrail audit,
      Letterheads letterheads,
      Clock clock) {
    this.jdbc = jdbc;
    this.sheets = sheets;
    this.messages = messages;
    this.audit = audit;
    this.letterheads = letterheads;
    this.clock = clock;
  }

  /**
   * Publishes the report of a month that has ended: version 1, or a correction (a reason required)
   * when one is published already.
   *
   * @param reasonText required for a correction, at most {@value #MAX_REASON} characters
   */
  @Transactional
  Outcome<PublishedReport> publish(
      Office office, YearMonth month, YearMonth current, String publisher, String reasonText) {
    return publish(office, month, current, publisher, reasonText, false).orElseThrow();
  }

  /**
   * Publishes version 1 of the month's report unless a version is published already (the scheduled
   * job's step: idempotent).
   *
   * @return the report, or empty when one was published before
   */
  @Transactional
  Optional<PublishedReport> publishFirst(Office office, YearMonth month, YearMonth current) {
    return publish(office, month, current, AUTOMATIC, null, true).map(Outcome::value);
  }

  /** How the scheduled job is named as the publisher. */
  static final String AUTOMATIC = "Sistem (terbit otomatis)";

  private Optional<Outcome<PublishedReport>> publish(
      Office office,
      YearMonth month,
      YearMonth current,
      String publisher,
      String reasonText,
      boolean firstOnly) {
    FieldErrors errors = new FieldErrors();
    if (month == null || !month.isBefore(current) || month.getYear() < Period.FIRST_YEAR) {
      errors.reject("bulan", "statistics.report.error.month");
      return Optional.of(Outcome.failed(errors));
    }
    // one publication at a time per office and month
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1))")
        .param(office.id() + "/" + month)
        .query((rs, i) -> 1)
        .list();
    int version =
        jdbc.sql(
                "select coalesce(max(version), 0) + 1 from stat_report"
                    + " where office_id = ? and month = ?")
            .params(office.id(), month.atDay(1))
            .query(Integer.class)
            .single();
    if (firstOnly && version > 1) {
      return Optional.empty();
    }
    String reason = reasonText == null ? "" : reasonText.strip();
    if (version > 1) {
      if (reason.isEmpty()) {
        errors.reject("alasan", "statistics.report.error.reason");
      } else {
        errors.text("alasan", reason, MAX_REASON);
      }
    } else {
      reason = null;
    }
    if (errors.any()) {
      return Optional.of(Outcome.failed(errors));
    }
    Instant now = clock.instant();
    OpenData.Sheet sheet = sheets.of(office, month, INDONESIAN);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try {
      OpenData.xlsx(sheet, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PublishedReport report =
        new PublishedReport(UUID.randomUUID(), month, version, now, publisher, reason);
    byte[] pdf = pdf(letterheads.of(office.id()), report, sheet, t("statistics.lead"));
    jdbc.sql(
            """
            insert into stat_report (id, office_id, month, version, published_at, published_by,
              reason, figures, xlsx, pdf)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
            """)
        .params(
            report.id(),
            office.id(),
            month.atDay(1),
            version,
            Timestamp.from(now),
            publisher,
            reason,
            json(sheet),
            xlsx.toByteArray(),
            pdf)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("month", month.toString());
    details.put("version", version);
    details.put("reason", reason);
    audit.record(office.id(), "statistics.report.published", "report", report.id(), details);
    return Optional.of(Outcome.done(report));
  }

  /**
   * Publishes version 1 of the regency's consolidated report of a month (a row per office and the
   * regency's total) unless one is published already; headed by the regency's government.
   *
   * @return the report, or empty when one was published before
   */
  @Transactional
  Optional<PublishedReport> publishRegencyFirst(
      Regency regency, List<Office> offices, YearMonth month, YearMonth current) {
    if (!month.isBefore(current) || month.getYear() < Period.FIRST_YEAR) {
      return Optional.empty();
    }
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1))")
        .param(regency.id() + "/" + month)
        .query((rs, i) -> 1)
        .list();
    boolean exists =
        jdbc.sql("select count(*) from stat_report where regency_id = ? and month = ?")
                .params(regency.id(), month.atDay(1))
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    OpenData.Sheet sheet = sheets.ofRegency(regency, offices, month, INDONESIAN);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try {
      OpenData.xlsx(sheet, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PublishedReport report = new PublishedReport(UUID.randomUUID(), month, 1, now, AUTOMATIC, null);
    Letterhead kop =
        new Letterhead(
            List.of(
                t("letterTemplates.letter.government", regency.name().toUpperCase(INDONESIAN)),
                t("statistics.report.consolidation").toUpperCase(INDONESIAN)),
            null);
    byte[] pdf = pdf(kop, report, sheet, t("statistics.regency.lead"));
    jdbc.sql(
            """
            insert into stat_report (id, regency_id, month, version, published_at, published_by,
              reason, figures, xlsx, pdf)
            values (?, ?, ?, 1, ?, ?, null, cast(? as jsonb), ?, ?)
            """)
        .params(
            report.id(),
            regency.id(),
            month.atDay(1),
            Timestamp.from(now),
            AUTOMATIC,
            json(sheet),
            xlsx.toByteArray(),
            pdf)
        .update();
    audit.record(
        null,
        "statistics.report.consolidated",
        "regency",
        regency.id(),
        Map.of("month", month.toString(), "offices", offices.size()));
    return Optional.of(report);
  }

  /** Whether the office has a published report of the month. */
  boolean published(UUID officeId, YearMonth month) {
    return jdbc.sql("select count(*) from stat_report where office_id = ? and month = ?")
            .params(officeId, month.atDay(1))
            .query(Long.class)
            .single()
        > 0;
  }

  /** The regency's consolidated reports, newest first. */
  List<PublishedReport> ofRegency(UUID regencyId) {
    return versions("regency_id", regencyId);
  }

  /** The stored file of a version of the regency's report. */
  Optional<byte[]> regencyFile(UUID regencyId, YearMonth month, int version, String format) {
    return stored("regency_id", regencyId, month, version, format);
  }

  /** The office's reports, newest first. */
  List<PublishedReport> of(UUID officeId) {
    return versions("office_id", officeId);
  }

  /** The stored file of a version: {@code xlsx} or {@code pdf}. */
  Optional<byte[]> file(UUID officeId, YearMonth month, int version, String format) {
    return stored("office_id", officeId, month, version, format);
  }

  /** The reports of an office or a regency ({@code scope}: a column name of ours, not input). */
  private List<PublishedReport> versions(String scope, UUID id) {
    return jdbc.sql(
            "select id, month, version, published_at, published_by, reason from stat_report where "
                + scope
                + " = ? order by month desc, version desc limit 120")
        .param(id)
        .query(
            (rs, i) ->
                new PublishedReport(
                    rs.getObject(1, UUID.class),
                    YearMonth.from(rs.getObject(2, LocalDate.class)),
                    rs.getInt(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  private Optional<byte[]> stored(
      String scope, UUID id, YearMonth month, int version, String format) {
    String column = format.equals("pdf") ? "pdf" : "xlsx";
    return jdbc.sql(
            "select "
                + column
                + " from stat_report where "
                + scope
                + " = ? and month = ? and version = ?")
        .params(id, month.atDay(1), version)
        .query(byte[].class)
        .optional();
  }

  private byte[] pdf(
      Letterhead letterhead, PublishedReport report, OpenData.Sheet sheet, String lead) {
    StringBuilder h = new StringBuilder(16 * 1024);
    String monthName =
        report.month().getMonth().getDisplayName(TextStyle.FULL, INDONESIAN)
            + " "
            + report.month().getYear();
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
                        Formats.dateTime(report.publishedAt(), INDONESIAN),
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
    return PdfA.render(h.toString());
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
