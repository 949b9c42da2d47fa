package id.go.kecamatan.statistics.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.DocumentSigning;
import id.go.kecamatan.letters.Letterheads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.pdf.PdfFonts;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.security.Officer;
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
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly report (laporan bulanan pelayanan PATEN) of an office: publishing freezes the month's
 * public figures and makes its XLSX and PDF/A once; the stored bytes are what is served ever after,
 * so later changes to the data never alter a published report. A correction is a new version with
 * its reason, shown beside the earlier ones.
 *
 * <p>An office that signs its reports ({@link #signsReports}) has each version prepared the same
 * way but waiting for the signature, not public; a signer who may sign the office's letters today
 * signs it ({@link #sign}): its PDF/A is made once more from the frozen figures with the signature
 * block, signed through {@link DocumentSigning} and stored, and only then is the version public.
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
  private final DocumentSigning signing;
  private final Clock clock;
  private final JsonMapper mapper = JsonMapper.builder().build();

  /** The id of the signature block's element in the report's XHTML. */
  static final String SIGNATURE_ID = "ttd";

  MonthlyReports(
      JdbcClient jdbc,
      MonthSheets sheets,
      MessageSource messages,
      AuditTrail audit,
      Letterheads letterheads,
      DocumentSigning signing,
      Clock clock) {
    this.jdbc = jdbc;
    this.sheets = sheets;
    this.messages = messages;
    this.audit = audit;
    this.letterheads = letterheads;
    this.signing = signing;
    this.clock = clock;
  }

  /** Whether the office has its monthly reports signed electronically before they are public. */
  boolean signsReports(UUID officeId) {
    return jdbc.sql("select sign_reports from stat_report_setting where office_id = ?")
        .param(officeId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Sets whether the office's reports are signed (the office admin's setting). Turning it off
   * publishes the versions still waiting for the signature as they are, unsigned, so that none
   * stays hidden for want of a signer. Audited.
   *
   * @return how many waiting versions were published unsigned
   */
  @Transactional
  int setSigning(UUID officeId, boolean on, String by) {
    jdbc.sql(
            """
            insert into stat_report_setting (office_id, sign_reports, changed_at, changed_by)
            values (?, ?, ?, ?)
            on conflict (office_id) do update set sign_reports = excluded.sign_reports,
              changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """)
        .params(officeId, on, Timestamp.from(clock.instant()), by)
        .update();
    int released =
        on
            ? 0
            : jdbc.sql(
                    "update stat_report set awaiting_signature = false"
                        + " where office_id = ? and awaiting_signature")
                .param(officeId)
                .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("signReports", on);
    details.put("publishedUnsigned", released);
    audit.record(officeId, "statistics.report.signing-setting", "office", officeId, details);
    return released;
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
    boolean awaiting = signsReports(office.id());
    PublishedReport report =
        new PublishedReport(
            UUID.randomUUID(), month, version, now, publisher, reason, awaiting, null, null, null);
    // an office that signs its reports: the block waits for the signer (a staff preview)
    byte[] pdf =
        awaiting
            ? pdfLocating(office, report, sheet, null).pdf()
            : pdf(letterheads.of(office.id()), report, sheet, t("statistics.lead"), null);
    jdbc.sql(
            """
            insert into stat_report (id, office_id, month, version, published_at, published_by,
              reason, figures, xlsx, pdf, awaiting_signature)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
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
            pdf,
            awaiting)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("month", month.toString());
    details.put("version", version);
    details.put("reason", reason);
    details.put("awaitingSignature", awaiting);
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
    if (month == null || !month.isBefore(current) || month.getYear() < Period.FIRST_YEAR) {
      return Optional.empty();
    }
    return publishRegency(regency, offices, month, current, AUTOMATIC, null, true)
        .map(Outcome::value);
  }

  /**
   * The regency admin publishes the consolidation of a month that has ended: version 1, or a
   * correction (a reason required) when one is published already, made from the counts as they are
   * now; earlier versions stay as they were.
   */
  @Transactional
  Outcome<PublishedReport> publishRegency(
      Regency regency,
      List<Office> offices,
      YearMonth month,
      YearMonth current,
      String publisher,
      String reasonText) {
    return publishRegency(regency, offices, month, current, publisher, reasonText, false)
        .orElseThrow();
  }

  private Optional<Outcome<PublishedReport>> publishRegency(
      Regency regency,
      List<Office> offices,
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
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1))")
        .param(regency.id() + "/" + month)
        .query((rs, i) -> 1)
        .list();
    int version =
        jdbc.sql(
                "select coalesce(max(version), 0) + 1 from stat_report"
                    + " where regency_id = ? and month = ?")
            .params(regency.id(), month.atDay(1))
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
    OpenData.Sheet sheet = sheets.ofRegency(regency, offices, month, INDONESIAN);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try {
      OpenData.xlsx(sheet, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PublishedReport report =
        new PublishedReport(UUID.randomUUID(), month, version, now, publisher, reason);
    Letterhead kop =
        new Letterhead(
            List.of(
                t("letterTemplates.letter.government", regency.name().toUpperCase(INDONESIAN)),
                t("statistics.report.consolidation").toUpperCase(INDONESIAN)),
            null);
    byte[] pdf = pdf(kop, report, sheet, t("statistics.regency.lead"), null);
    jdbc.sql(
            """
            insert into stat_report (id, regency_id, month, version, published_at, published_by,
              reason, figures, xlsx, pdf)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
            """)
        .params(
            report.id(),
            regency.id(),
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
    details.put("offices", offices.size());
    audit.record(null, "statistics.report.consolidated", "regency", regency.id(), details);
    return Optional.of(Outcome.done(report));
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
    return versions("regency_id", regencyId, true);
  }

  /** The stored file of a version of the regency's report. */
  Optional<byte[]> regencyFile(UUID regencyId, YearMonth month, int version, String format) {
    return stored("regency_id", regencyId, month, version, format, true);
  }

  /** The office's public reports (not those waiting for the signature), newest first. */
  List<PublishedReport> of(UUID officeId) {
    return versions("office_id", officeId, true);
  }

  /** The office's reports for its staff, those waiting for the signature included. */
  List<PublishedReport> ofForStaff(UUID officeId) {
    return versions("office_id", officeId, false);
  }

  /** The stored file of a public version: {@code xlsx} or {@code pdf}. */
  Optional<byte[]> file(UUID officeId, YearMonth month, int version, String format) {
    return stored("office_id", officeId, month, version, format, true);
  }

  /** The stored file of a version for the office's staff, also while it waits for the signature. */
  Optional<byte[]> staffFile(UUID officeId, YearMonth month, int version, String format) {
    return stored("office_id", officeId, month, version, format, false);
  }

  /** The reports of an office or a regency ({@code scope}: a column name of ours, not input). */
  private List<PublishedReport> versions(String scope, UUID id, boolean publicOnly) {
    return jdbc.sql(
            "select id, month, version, published_at, published_by, reason, awaiting_signature,"
                + " signed_at, signer_name, signer_position from stat_report where "
                + scope
                + " = ?"
                + (publicOnly ? " and not awaiting_signature" : "")
                + " order by month desc, version desc limit 120")
        .param(id)
        .query(
            (rs, i) ->
                new PublishedReport(
                    rs.getObject(1, UUID.class),
                    YearMonth.from(rs.getObject(2, LocalDate.class)),
                    rs.getInt(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBoolean(7),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                    rs.getString(9),
                    rs.getString(10)))
        .list();
  }

  private Optional<byte[]> stored(
      String scope, UUID id, YearMonth month, int version, String format, boolean publicOnly) {
    String column = format.equals("pdf") ? "pdf" : "xlsx";
    return jdbc.sql(
            "select "
                + column
                + " from stat_report where "
                + scope
                + " = ? and month = ? and version = ?"
                + (publicOnly ? " and not awaiting_signature" : ""))
        .params(id, month.atDay(1), version)
        .query(byte[].class)
        .optional();
  }

  /**
   * Signs a version waiting for the signature (field {@code passphrase} on errors, see {@link
   * DocumentSigning#sign}): its PDF/A is made again from the figures frozen when it was prepared,
   * with the signer's block and today's date, signed, and stored in place of the preview; the
   * version is public from then on and never changes again. Two signers at once: the second finds
   * it signed.
   */
  @Transactional
  Outcome<PublishedReport> sign(
      Officer officer, Office office, YearMonth month, int version, char[] passphrase) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1))")
        .param(office.id() + "/" + month)
        .query((rs, i) -> 1)
        .list();
    Optional<PublishedReport> waiting =
        ofForStaff(office.id()).stream()
            .filter(r -> r.month().equals(month) && r.version() == version)
            .findFirst();
    if (waiting.isEmpty() || !waiting.get().awaitingSignature()) {
      java.util.Arrays.fill(passphrase == null ? new char[0] : passphrase, '\0');
      return Outcome.failed(
          new FieldErrors().reject("passphrase", "statistics.report.sign.notWaiting"));
    }
    PublishedReport report = waiting.get();
    OpenData.Sheet sheet = frozenSheet(report.id());
    Outcome<DocumentSigning.SignedDocument> signed =
        signing.sign(
            officer,
            "report",
            report.id(),
            t("statistics.report.title")
                + " "
                + monthName(month)
                + " ("
                + t("statistics.report.versionLine", version)
                + ")",
            block -> pdfLocating(office, report, sheet, block),
            passphrase);
    if (!signed.ok()) {
      return Outcome.failed(signed.errors());
    }
    DocumentSigning.SignedDocument document = signed.value();
    jdbc.sql(
            """
            update stat_report set pdf = ?, awaiting_signature = false, signed_at = ?,
              signed_by = ?, signer_name = ?, signer_position = ?
            where id = ? and awaiting_signature
            """)
        .params(
            document.pdf(),
            Timestamp.from(document.signedAt()),
            officer.staffId(),
            document.signerName(),
            document.position(),
            report.id())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("month", month.toString());
    details.put("version", version);
    details.put("signer", document.signerName());
    details.put("position", document.position());
    audit.record(office.id(), "statistics.report.signed", "report", report.id(), details);
    return Outcome.done(
        new PublishedReport(
            report.id(),
            month,
            version,
            report.publishedAt(),
            report.publishedBy(),
            report.reason(),
            false,
            document.signedAt(),
            document.signerName(),
            document.position()));
  }

  /** The figures of a version as they were frozen when it was prepared. */
  private OpenData.Sheet frozenSheet(UUID reportId) {
    String json =
        jdbc.sql("select figures::text from stat_report where id = ?")
            .param(reportId)
            .query(String.class)
            .single();
    JsonNode root = mapper.readTree(json);
    Function<JsonNode, List<String>> strings =
        node -> {
          List<String> values = new java.util.ArrayList<>();
          node.forEach(v -> values.add(v.asString()));
          return values;
        };
    List<List<String>> rows = new java.util.ArrayList<>();
    root.get("rows").forEach(r -> rows.add(strings.apply(r)));
    List<String> headings = strings.apply(root.get("headings"));
    String title = rows.isEmpty() ? "" : rows.get(0).get(1);
    return new OpenData.Sheet(headings, strings.apply(root.get("definitions")), rows, title);
  }

  /**
   * The office's report with its signature block: the signer's, or (for the staff preview of a
   * version waiting for the signature) the office's title over an empty space.
   */
  private PdfA.Located pdfLocating(
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

  private byte[] pdf(
      Letterhead letterhead,
      PublishedReport report,
      OpenData.Sheet sheet,
      String lead,
      String signatureBlock) {
    return PdfA.render(xhtml(letterhead, report, sheet, lead, signatureBlock));
  }

  private static String monthName(YearMonth month) {
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
