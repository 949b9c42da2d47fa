package id.go.kecamatan.complaints;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register of an office's complaints (register pengaduan): an Anonim or Publik complaint
 * appears once an officer who handles complaints approved the text to publish, which they may
 * redact (the reporter's own description is kept untouched beside it), with its category, desa,
 * month, status, the office's latest public answer and the working days it took to answer. The
 * reporter's name and contact are never read here. A Rahasia complaint is never published: the
 * service refuses it and the database forbids it (a check constraint), and every read of the
 * register filters on the privacy again.
 *
 * <p>Also the counts of complaints received per category and month, for the public page (with the
 * small counts suppressed by the caller, {@link id.go.kecamatan.shared.web.Disclosure}) and the
 * statistics.
 */
@Service
public class ComplaintRegister {

  /** Entries per page of the register. */
  public static final int PAGE_SIZE = 20;

  /** The furthest page the register serves (older entries are in the counts only). */
  public static final int MAX_PAGE = 500;

  /** The most characters of a published text. */
  public static final int MAX_TEXT = FilingForm.MAX_DESCRIPTION;

  private static final Set<ComplaintStatus> NOT_PUBLISHABLE =
      EnumSet.of(
          ComplaintStatus.RECEIVED,
          ComplaintStatus.REJECTED,
          ComplaintStatus.NOT_OUR_AUTHORITY,
          ComplaintStatus.DUPLICATE);

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ComplaintRegister(
      JdbcClient jdbc,
      WorkingCalendar calendar,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Whether a complaint in this status and of this privacy may be published. */
  public static boolean publishable(Privacy privacy, ComplaintStatus status) {
    return privacy != Privacy.RAHASIA && !NOT_PUBLISHABLE.contains(status);
  }

  /** The publication of a complaint as its case page shows it; text and when null if none. */
  public record Publication(String text, Instant at, String by) {
    public boolean published() {
      return at != null;
    }
  }

  /** The publication of a complaint of the office (empty when it is not the office's). */
  public Optional<Publication> publication(UUID officeId, UUID id) {
    return jdbc.sql(
            "select published_text, published_at, published_by from complaint where office_id = ? and id = ?")
        .params(officeId, id)
        .query(
            (rs, i) ->
                new Publication(
                    rs.getString(1),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                    rs.getString(3)))
        .optional();
  }

  /**
   * Approves the text to publish (the description as filed, or redacted) and publishes the
   * complaint, or replaces the published text. Errors on {@code publishedText}: required, plain
   * text, at most {@value #MAX_TEXT} characters; a Rahasia complaint, or one not yet verified or
   * closed without being handled, is refused; a complaint changed since the officer's page showed
   * it ({@code version}) too. Empty when it is not a complaint of the officer's office.
   */
  public Optional<FieldErrors> publish(Officer officer, UUID id, int version, String rawText) {
    FieldErrors errors = new FieldErrors();
    String text = FieldErrors.clean(rawText);
    errors.text("publishedText", text, MAX_TEXT);
    return change(
        officer,
        id,
        version,
        errors,
        (row, at) -> {
          if (!publishable(row.privacy(), row.status())) {
            errors.reject(
                "publishedText",
                row.privacy() == Privacy.RAHASIA
                    ? "complaints.error.rahasia"
                    : "complaints.error.notPublishable");
            return;
          }
          if (errors.any()) {
            return;
          }
          jdbc.sql(
                  """
                  update complaint set published_text = ?, published_at = coalesce(published_at, ?),
                    published_by = ?
                  where id = ? and office_id = ? and privacy <> 'RAHASIA'
                  """)
              .params(text, Timestamp.from(at), officer.fullName(), id, officer.officeId())
              .update();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("code", row.trackingCode());
          details.put("redacted", !text.equals(row.description()));
          audit.record(officer.officeId(), "complaint.published", "complaint", id, details);
        });
  }

  /** Takes a complaint out of the public register (its approved text is forgotten). */
  public Optional<FieldErrors> withdraw(Officer officer, UUID id, int version) {
    FieldErrors errors = new FieldErrors();
    return change(
        officer,
        id,
        version,
        errors,
        (row, at) -> {
          jdbc.sql(
                  "update complaint set published_text = null, published_at = null, published_by = null where id = ? and office_id = ?")
              .params(id, officer.officeId())
              .update();
          audit.record(
              officer.officeId(),
              "complaint.unpublished",
              "complaint",
              id,
              Map.of("code", row.trackingCode()));
        });
  }

  private record Row(
      String trackingCode,
      Privacy privacy,
      ComplaintStatus status,
      String description,
      int version) {}

  private interface Change {
    void apply(Row row, Instant at);
  }

  private Optional<FieldErrors> change(
      Officer officer, UUID id, int version, FieldErrors errors, Change change) {
    if (officer.officeId() == null || !ComplaintHandling.mayHandle(officer)) {
      return Optional.empty();
    }
    return transactions.execute(
        status -> {
          Optional<Row> row =
              jdbc.sql(
                      """
                      select tracking_code, privacy, status, description, version from complaint
                      where office_id = ? and id = ? for update
                      """)
                  .params(officer.officeId(), id)
                  .query(
                      (rs, i) ->
                          new Row(
                              rs.getString(1),
                              Privacy.valueOf(rs.getString(2)),
                              ComplaintStatus.valueOf(rs.getString(3)),
                              rs.getString(4),
                              rs.getInt(5)))
                  .optional();
          if (row.isEmpty()) {
            return Optional.<FieldErrors>empty();
          }
          if (row.get().version() != version) {
            return Optional.of(errors.reject("publishedText", "complaints.error.changed"));
          }
          change.apply(row.get(), clock.instant());
          if (errors.any()) {
            status.setRollbackOnly();
          }
          return Optional.of(errors);
        });
  }

  /**
   * One published complaint as the register shows it: nothing that names or reaches the reporter.
   *
   * @param month the month it was received
   * @param answer the office's latest public answer, or null while not answered
   * @param workingDaysToAnswer working days of the office's calendar from the day received to the
   *     day of the first answer, or null while not answered
   */
  public record Published(
      UUID id,
      Kind kind,
      String categoryName,
      String villageName,
      YearMonth month,
      ComplaintStatus status,
      String text,
      String answer,
      LocalDate answeredOn,
      Integer workingDaysToAnswer,
      Instant publishedAt) {}

  /** One page of the register and whether there is a next one. */
  public record Page(List<Published> entries, int page, boolean hasNext, long total) {}

  /**
   * The office's published complaints, the most recently published first, {@value #PAGE_SIZE} a
   * page, optionally of one category (a top category includes its subcategories).
   *
   * @param page from 1; beyond {@value #MAX_PAGE} is empty
   */
  public Page published(UUID officeId, UUID categoryId, int page) {
    int p = Math.max(1, page);
    if (p > MAX_PAGE) {
      return new Page(List.of(), p, false, 0);
    }
    String where =
        """
        c.office_id = :office and c.published_at is not null and c.privacy <> 'RAHASIA'
        """
            + (categoryId == null
                ? ""
                : " and (c.category_id = :category or cat.parent_id = :category)");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("office", officeId);
    if (categoryId != null) {
      params.put("category", categoryId);
    }
    long total =
        jdbc.sql(
                "select count(*) from complaint c join complaint_category cat on cat.id = c.category_id where "
                    + where)
            .params(params)
            .query(Long.class)
            .single();
    WorkingDays days = calendar.of(officeId);
    List<Published> rows =
        jdbc.sql(
                """
                select c.id, c.kind, cat.name, v.name, c.received_on, c.status, c.published_text,
                       c.answered_at, c.published_at,
                       (select e.text from complaint_entry e
                        where e.complaint_id = c.id and e.kind = 'ANSWER' and e.public
                        order by e.id desc limit 1) as answer
                from complaint c
                  join complaint_category cat on cat.id = c.category_id
                  left join village v on v.id = c.village_id
                """
                    + " where "
                    + where
                    + " order by c.published_at desc, c.id desc limit :limit offset :offset")
            .params(params)
            .param("limit", PAGE_SIZE + 1)
            .param("offset", (p - 1) * PAGE_SIZE)
            .query(
                (rs, i) -> {
                  LocalDate received = rs.getObject(5, LocalDate.class);
                  Timestamp answeredAt = rs.getTimestamp(8);
                  LocalDate answeredOn =
                      answeredAt == null
                          ? null
                          : answeredAt.toInstant().atZone(clock.getZone()).toLocalDate();
                  return new Published(
                      rs.getObject(1, UUID.class),
                      Kind.valueOf(rs.getString(2)),
                      rs.getString(3),
                      rs.getString(4),
                      YearMonth.from(received),
                      ComplaintStatus.valueOf(rs.getString(6)),
                      rs.getString(7),
                      rs.getString(10),
                      answeredOn,
                      answeredOn == null ? null : Math.max(0, days.between(received, answeredOn)),
                      rs.getTimestamp(9).toInstant());
                })
            .list();
    boolean next = rows.size() > PAGE_SIZE;
    return new Page(next ? rows.subList(0, PAGE_SIZE) : rows, p, next, total);
  }

  /** How many complaints of a category the office received in a month (all, whatever privacy). */
  public record MonthlyCount(UUID categoryId, String categoryName, YearMonth month, long count) {}

  /**
   * The complaints the office received per category and month, from {@code from} to {@code to}
   * (inclusive), whatever their privacy: counts only, the raw numbers (a public output suppresses
   * the small ones). Categories without complaints in the period are left out.
   */
  public List<MonthlyCount> monthlyCounts(UUID officeId, YearMonth from, YearMonth to) {
    List<MonthlyCount> counts = new ArrayList<>();
    jdbc.sql(
            """
            select c.category_id, cat.name, date_trunc('month', c.received_on)::date, count(*)
            from complaint c join complaint_category cat on cat.id = c.category_id
            where c.office_id = ? and c.received_on >= ? and c.received_on <= ?
            group by c.category_id, cat.name, 3
            order by cat.name, 3
            """)
        .params(officeId, from.atDay(1), to.atEndOfMonth())
        .query(
            (rs, i) ->
                counts.add(
                    new MonthlyCount(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getLong(4))))
        .list();
    return counts;
  }

  /** The current month in the offices' time zone. */
  public YearMonth thisMonth() {
    return YearMonth.now(clock);
  }
}
