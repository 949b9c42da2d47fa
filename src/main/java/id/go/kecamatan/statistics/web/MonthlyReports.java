package id.go.kecamatan.statistics.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.letters.DocumentSigning;
import id.go.kecamatan.letters.Letterheads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.Xhtml;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
  private final MonthlyReportFiles files;
  private final MonthSheets sheets;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final Letterheads letterheads;
  private final DocumentSigning signing;
  private final Clock clock;
  private final ReportDocuments documents;

  MonthlyReports(
      JdbcClient jdbc,
      MonthSheets sheets,
      MessageSource messages,
      AuditTrail audit,
      Letterheads letterheads,
      DocumentSigning signing,
      ReportDocuments documents,
      MonthlyReportFiles files,
      Clock clock) {
    this.jdbc = jdbc;
    this.files = files;
    this.sheets = sheets;
    this.messages = messages;
    this.audit = audit;
    this.letterheads = letterheads;
    this.signing = signing;
    this.documents = documents;
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
    String reason = correctionReason(reasonText, version, errors);
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
            ? documents.pdfLocating(office, report, sheet, null).pdf()
            : documents.pdf(letterheads.of(office.id()), report, sheet, t("statistics.lead"), null);
    MonthlyReportFiles.Stored stored = files.store(xlsx.toByteArray(), pdf);
    jdbc.sql(
            """
            insert into stat_report (id, office_id, month, version, published_at, published_by,
              reason, figures, xlsx_key, xlsx_sha256, pdf_key, pdf_sha256, awaiting_signature)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
            """)
        .params(
            report.id(),
            office.id(),
            month.atDay(1),
            version,
            Timestamp.from(now),
            publisher,
            reason,
            ReportDocuments.json(sheet),
            stored.xlsx().key(),
            stored.xlsx().sha256(),
            stored.pdf().key(),
            stored.pdf().sha256(),
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
   * A correction's reason: required for a version after the first, at most {@value #MAX_REASON}
   * characters; a first version has none (its publisher is told when one was typed: {@link
   * #reasonUnused}).
   */
  private static String correctionReason(String text, int version, FieldErrors errors) {
    String reason = text == null ? "" : text.strip();
    if (version == 1) {
      return null;
    }
    if (reason.isEmpty()) {
      errors.reject("alasan", "statistics.report.error.reason");
    } else {
      errors.text("alasan", reason, MAX_REASON);
    }
    return reason;
  }

  /**
   * Whether a reason was typed for a report that came out as the month's first version, which keeps
   * none (a first version corrects nothing): the page says so rather than drop it silently.
   */
  static boolean reasonUnused(PublishedReport report, String reasonText) {
    return report.version() == 1 && reasonText != null && !reasonText.isBlank();
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
    String reason = correctionReason(reasonText, version, errors);
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
    byte[] pdf = documents.pdf(kop, report, sheet, t("statistics.regency.lead"), null);
    MonthlyReportFiles.Stored stored = files.store(xlsx.toByteArray(), pdf);
    jdbc.sql(
            """
            insert into stat_report (id, regency_id, month, version, published_at, published_by,
              reason, figures, xlsx_key, xlsx_sha256, pdf_key, pdf_sha256)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
            """)
        .params(
            report.id(),
            regency.id(),
            month.atDay(1),
            version,
            Timestamp.from(now),
            publisher,
            reason,
            ReportDocuments.json(sheet),
            stored.xlsx().key(),
            stored.xlsx().sha256(),
            stored.pdf().key(),
            stored.pdf().sha256())
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
    return files.read(
        format,
        scope
            + " = ? and month = ? and version = ?"
            + (publicOnly ? " and not awaiting_signature" : ""),
        id,
        month.atDay(1),
        version);
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
                + ReportDocuments.monthName(month)
                + " ("
                + t("statistics.report.versionLine", version)
                + ")",
            block -> documents.pdfLocating(office, report, sheet, block),
            passphrase);
    if (!signed.ok()) {
      return Outcome.failed(signed.errors());
    }
    DocumentSigning.SignedDocument document = signed.value();
    // the preview's blob is named by no row from here on: the sweep of orphan blobs removes it
    GeneratedFiles.Stored pdf = files.store(document.pdf());
    jdbc.sql(
            """
            update stat_report set pdf = null, pdf_key = ?, pdf_sha256 = ?,
              awaiting_signature = false, signed_at = ?, signed_by = ?, signer_name = ?,
              signer_position = ?
            where id = ? and awaiting_signature
            """)
        .params(
            pdf.key(),
            pdf.sha256(),
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
    return documents.parse(
        jdbc.sql("select figures::text from stat_report where id = ?")
            .param(reportId)
            .query(String.class)
            .single());
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }

  private static String e(String text) {
    return Xhtml.escape(text);
  }
}
