package id.go.kecamatan.content;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements (pengumuman) of the offices and of their regencies. A page of an office shows the
 * office's own and its regency's announcements that are current today (the regency's day), most
 * urgent first; an announcement past its end date is on no page and opens nothing, without any job
 * removing it. Office administrators write their office's, regency administrators their regency's;
 * each sees and changes only those (every query filters by the office or the regency). Texts are
 * plain: markup, control characters and links to other sites are refused, so a page never links
 * away on an announcement's word. Every change is audited.
 */
@Service
public class Announcements {

  public static final int MAX_TITLE = 120;
  public static final int MAX_BODY = 5_000;
  public static final int MAX_TICKER = 160;

  /** How far ahead an announcement may end, and its review fall. */
  public static final int MAX_DAYS = 366;

  /**
   * An address of a site: a scheme, {@code www.} or a bare domain with a common top-level domain.
   * Links to the site's own pages are written as paths ("/kecamatan/jetis"), which pass.
   */
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)(\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b[a-z0-9-]+\\.(com|net|org|id|co|io|info|xyz|ly|me|site|online|link|app|top)\\b(/|$|\\s))");

  private static final String COLUMNS =
      "id, regency_id, office_id, title, body, ticker, priority, banner, starts_on, ends_on,"
          + " review_on, author_id, created_at, updated_at, updated_by, version";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final TableChanges changes;

  Announcements(JdbcClient jdbc, AuditTrail audit, Clock clock, TableChanges changes) {
    this.changes = changes;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whose announcements: one office's, or a regency's own (for all its offices). */
  public record Scope(UUID regencyId, UUID officeId) {

    public static Scope office(UUID regencyId, UUID officeId) {
      return new Scope(regencyId, java.util.Objects.requireNonNull(officeId));
    }

    public static Scope regency(UUID regencyId) {
      return new Scope(regencyId, null);
    }
  }

  /** What an administrator types; dates as ISO text from date fields. */
  public record Form(
      String title,
      String body,
      String ticker,
      String priority,
      boolean banner,
      String startsOn,
      String endsOn,
      String reviewOn,
      int version) {

    /** A new announcement: from today for two weeks, reviewed in a week. */
    public static Form starting(LocalDate today) {
      return new Form(
          "",
          "",
          "",
          AnnouncementPriority.NORMAL.name(),
          false,
          today.toString(),
          today.plusDays(14).toString(),
          today.plusDays(7).toString(),
          0);
    }

    public static Form of(Announcement a) {
      return new Form(
          a.title(),
          a.body(),
          a.ticker() == null ? "" : a.ticker(),
          a.priority().name(),
          a.banner(),
          a.startsOn().toString(),
          a.endsOn().toString(),
          a.reviewOn().toString(),
          a.version());
    }
  }

  /** Today in the regency's zone (the clock's), the day announcements start and end by. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- public pages ----

  /**
   * The announcements an office's pages show today: its own and its regency's, most urgent first.
   */
  public List<Announcement> current(UUID regencyId, UUID officeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from announcement
                where regency_id = ? and (office_id = ? or office_id is null)
                  and starts_on <= ? and ends_on >= ?
                order by case priority when 'URGENT' then 0 when 'IMPORTANT' then 1 else 2 end,
                  starts_on desc, updated_at desc
                """)
        .params(regencyId, officeId, Date.valueOf(today()), Date.valueOf(today()))
        .query(Announcements::row)
        .list();
  }

  /** The banner of an office's home page: the most urgent current announcement marked for it. */
  public Optional<Announcement> banner(UUID regencyId, UUID officeId) {
    return current(regencyId, officeId).stream().filter(Announcement::banner).findFirst();
  }

  /** One current announcement of an office's pages; empty when it is over, not yet or not there. */
  public Optional<Announcement> currentOne(UUID regencyId, UUID officeId, UUID id) {
    return current(regencyId, officeId).stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * The running text of the office's display board (teks berjalan): the ticker lines of today's
   * announcements, most urgent first; an announcement without a ticker line runs its title.
   */
  public List<String> ticker(UUID regencyId, UUID officeId) {
    return current(regencyId, officeId).stream()
        .map(a -> a.ticker() == null ? a.title() : a.ticker())
        .toList();
  }

  // ---- administration ----

  /** The scope's announcements, newest end first: current, planned and over. */
  public List<Announcement> list(Scope scope) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from announcement where regency_id = ? and "
                + (scope.officeId() == null ? "office_id is null" : "office_id = ?")
                + " order by ends_on desc, starts_on desc")
        .params(
            scope.officeId() == null
                ? List.of(scope.regencyId())
                : List.of(scope.regencyId(), scope.officeId()))
        .query(Announcements::row)
        .list();
  }

  /** One of the scope's announcements, also when over. */
  public Optional<Announcement> find(Scope scope, UUID id) {
    return list(scope).stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * Saves a new announcement ({@code id} null) or a change to one of the scope's; refused, with
   * nothing saved, when a text is missing, too long, holds markup, control characters or a link to
   * another site, a date is not a date or out of order, or someone saved it in between.
   */
  @Transactional
  public Saved save(Scope scope, UUID id, Form form) {
    FieldErrors errors = new FieldErrors();
    String title = FieldErrors.clean(form.title());
    String body = normaliseLines(form.body());
    String ticker = FieldErrors.clean(form.ticker());
    errors.text("title", title, MAX_TITLE);
    link(errors, "title", title);
    errors.text("body", body, MAX_BODY);
    link(errors, "body", body);
    errors.optionalText("ticker", ticker, MAX_TICKER);
    link(errors, "ticker", ticker);
    if (ticker != null && ticker.contains("\n")) {
      errors.reject("ticker", "outreach.announcements.error.oneLine");
    }
    AnnouncementPriority priority = null;
    for (AnnouncementPriority p : AnnouncementPriority.values()) {
      if (p.name().equals(form.priority())) {
        priority = p;
      }
    }
    if (priority == null) {
      errors.reject("priority", "outreach.announcements.error.priority");
    }
    LocalDate today = today();
    LocalDate starts = date(errors, "startsOn", form.startsOn());
    LocalDate ends = date(errors, "endsOn", form.endsOn());
    LocalDate review = date(errors, "reviewOn", form.reviewOn());
    if (ends != null && ends.isBefore(today)) {
      errors.reject("endsOn", "outreach.announcements.error.endsPast");
    } else if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.reject("endsOn", "outreach.announcements.error.endsBeforeStart");
    } else if (ends != null && ends.isAfter(today.plusDays(MAX_DAYS))) {
      errors.reject("endsOn", "outreach.announcements.error.tooLong", MAX_DAYS);
    }
    if (starts != null && starts.isAfter(today.plusDays(MAX_DAYS))) {
      errors.reject("startsOn", "outreach.announcements.error.tooLong", MAX_DAYS);
    }
    if (review != null && (review.isBefore(today) || review.isAfter(today.plusDays(MAX_DAYS)))) {
      errors.reject("reviewOn", "outreach.announcements.error.review", MAX_DAYS);
    }
    Announcement before = null;
    if (id != null) {
      before = find(scope, id).orElseThrow(id.go.kecamatan.shared.web.NotFoundException::new);
      if (before.version() != form.version()) {
        errors.reject("title", "outreach.announcements.error.changed");
      }
    }
    if (errors.any()) {
      return new Saved(null, errors);
    }
    Officer officer = CurrentOfficer.require();
    Timestamp now = Timestamp.from(clock.instant());
    String by = officer.fullName() + " (" + officer.username() + ")";
    UUID saved = id == null ? UUID.randomUUID() : id;
    if (id == null) {
      jdbc.sql(
              """
              insert into announcement (id, regency_id, office_id, title, body, ticker, priority,
                banner, starts_on, ends_on, review_on, author_id, created_at, updated_at,
                updated_by)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              saved,
              scope.regencyId(),
              scope.officeId(),
              title,
              body,
              ticker,
              priority.name(),
              form.banner(),
              Date.valueOf(starts),
              Date.valueOf(ends),
              Date.valueOf(review),
              officer.staffId(),
              now,
              now,
              by)
          .update();
    } else {
      int updated =
          jdbc.sql(
                  """
                  update announcement set title = ?, body = ?, ticker = ?, priority = ?,
                    banner = ?, starts_on = ?, ends_on = ?, review_on = ?, updated_at = ?,
                    updated_by = ?, version = version + 1
                  where id = ? and regency_id = ? and office_id is not distinct from ?
                    and version = ?
                  """)
              .params(
                  title,
                  body,
                  ticker,
                  priority.name(),
                  form.banner(),
                  Date.valueOf(starts),
                  Date.valueOf(ends),
                  Date.valueOf(review),
                  now,
                  by,
                  id,
                  scope.regencyId(),
                  scope.officeId(),
                  form.version())
              .update();
      if (updated == 0) {
        return new Saved(
            null, new FieldErrors().reject("title", "outreach.announcements.error.changed"));
      }
    }
    changes.changed("announcement");
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", title);
    after.put("body", body);
    after.put("ticker", ticker);
    after.put("priority", priority.name());
    after.put("banner", form.banner());
    after.put("starts_on", starts.toString());
    after.put("ends_on", ends.toString());
    after.put("review_on", review.toString());
    audit.record(
        scope.officeId(),
        id == null ? "announcement.created" : "announcement.updated",
        "announcement",
        saved,
        AuditTrail.changes(before == null ? Map.of() : values(before), after));
    return new Saved(saved, errors);
  }

  /**
   * Ends one of the scope's announcements today (it stays in the list, over from tomorrow);
   * audited.
   */
  @Transactional
  public void endToday(Scope scope, UUID id) {
    Announcement a = find(scope, id).orElseThrow(id.go.kecamatan.shared.web.NotFoundException::new);
    LocalDate end = today().minusDays(1);
    Officer officer = CurrentOfficer.require();
    jdbc.sql(
            """
            update announcement set ends_on = ?, starts_on = least(starts_on, ?), updated_at = ?,
              updated_by = ?, version = version + 1 where id = ? and regency_id = ?
              and office_id is not distinct from ?
            """)
        .params(
            Date.valueOf(end),
            Date.valueOf(end),
            Timestamp.from(clock.instant()),
            officer.fullName() + " (" + officer.username() + ")",
            id,
            scope.regencyId(),
            scope.officeId())
        .update();
    changes.changed("announcement");
    audit.record(
        scope.officeId(),
        "announcement.ended",
        "announcement",
        id,
        AuditTrail.changes(
            Map.of("ends_on", a.endsOn().toString()), Map.of("ends_on", end.toString())));
  }

  /** The outcome of {@link #save}: the announcement's id, or the errors. */
  public record Saved(UUID id, FieldErrors errors) {}

  // ---- review reminders ----

  /**
   * The announcements of an office (its own) and of a regency (office null) whose review day is on
   * or before {@code day} and which are not over: their authors are reminded, once per review day
   * (the reminder's key names it).
   */
  public List<Announcement> dueForReview(UUID regencyId, UUID officeId, LocalDate day) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from announcement where regency_id = ? and office_id is not distinct from ?"
                + " and review_on <= ? and ends_on >= ? order by review_on")
        .params(regencyId, officeId, Date.valueOf(day), Date.valueOf(day))
        .query(Announcements::row)
        .list();
  }

  // ---- helpers ----

  private static Map<String, Object> values(Announcement a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", a.title());
    v.put("body", a.body());
    v.put("ticker", a.ticker());
    v.put("priority", a.priority().name());
    v.put("banner", a.banner());
    v.put("starts_on", a.startsOn().toString());
    v.put("ends_on", a.endsOn().toString());
    v.put("review_on", a.reviewOn().toString());
    return v;
  }

  private static void link(FieldErrors errors, String field, String text) {
    if (text != null && !errors.has(field) && LINK.matcher(text).find()) {
      errors.reject(field, "outreach.announcements.error.link");
    }
  }

  /** Whether a text holds an address of another site (for tests and the preview). */
  static boolean hasLink(String text) {
    return text != null && LINK.matcher(text).find();
  }

  private static LocalDate date(FieldErrors errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.reject(field, "error.required");
      return null;
    }
    try {
      if (value.strip().length() == 10) {
        return LocalDate.parse(value.strip());
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    errors.reject(field, "outreach.announcements.error.date");
    return null;
  }

  /** Line ends unified, NFC, trimmed; empty means missing. */
  private static String normaliseLines(String text) {
    String clean = FieldErrors.clean(text);
    return clean == null ? null : clean.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Announcement row(ResultSet rs, int i) throws SQLException {
    return new Announcement(
        rs.getObject("id", UUID.class),
        rs.getObject("regency_id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("ticker"),
        AnnouncementPriority.valueOf(rs.getString("priority")),
        rs.getBoolean("banner"),
        rs.getDate("starts_on").toLocalDate(),
        rs.getDate("ends_on").toLocalDate(),
        rs.getDate("review_on").toLocalDate(),
        rs.getObject("author_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"),
        rs.getInt("version"));
  }
}
