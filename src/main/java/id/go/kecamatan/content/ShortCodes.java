package id.go.kecamatan.content;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.CampaignTag;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The short codes of an office's campaigns and their figures: scans of {@code /q/<code>} and the
 * online applications started and submitted from it, per code and day (the regency's, {@link
 * id.go.kecamatan.shared.web.Zone}). Nothing about who scanned is kept: the redirect adds one to a
 * day's count, and the drafts carry only the code (the {@code ?sumber=} parameter, see {@link
 * CampaignTag}). Every query of an office's codes filters by the office.
 */
@Service
public class ShortCodes {

  /** The longest campaign name. */
  public static final int MAX_LABEL = 120;

  /** Codes an office may have: generous for every village, counter and campaign, bounded. */
  public static final int MAX_PER_OFFICE = 500;

  private static final String COLUMNS =
      "id, office_id, code, label, source, village_id, service_id, created_at, created_by";

  private final JdbcClient jdbc;
  private final Offices offices;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ShortCodes(JdbcClient jdbc, Offices offices, Catalog catalog, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.offices = offices;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What an office administrator types to make a code.
   *
   * @param service the service's code, or empty for the office's page
   * @param village the village's id (a poster at a village), or empty
   */
  public record Form(String label, String source, String village, String service) {

    public static Form empty() {
      return new Form("", "", "", "");
    }
  }

  /** Counts of a code (or of a day): scans, online applications started and submitted. */
  public record Figures(long scans, long started, long submitted) {

    public static final Figures NONE = new Figures(0, 0, 0);

    Figures plus(Figures other) {
      return new Figures(scans + other.scans, started + other.started, submitted + other.submitted);
    }
  }

  /** One day's counts of a code. */
  public record Day(LocalDate day, Figures figures) {}

  /**
   * Makes a new code for the signed-in administrator's office. Refused, with nothing saved, when
   * the name is missing, too long or holds markup or control characters, the source is unknown, a
   * village or service is not the office's, or a village poster names no village.
   */
  @Transactional
  public Outcome<ShortCode> create(UUID officeId, Form form) {
    FieldErrors errors = new FieldErrors();
    String label = FieldErrors.clean(form.label());
    errors.text("label", label, MAX_LABEL);
    ShortCodeSource source = source(form.source());
    if (source == null) {
      errors.reject("source", "outreach.codes.error.source");
    }
    UUID villageId = null;
    String village = FieldErrors.clean(form.village());
    if (village != null) {
      villageId = uuid(village);
      if (villageId == null || offices.village(officeId, villageId).isEmpty()) {
        errors.reject("village", "outreach.codes.error.village");
        villageId = null;
      }
    } else if (source == ShortCodeSource.VILLAGE_POSTER) {
      errors.reject("village", "outreach.codes.error.villageRequired");
    }
    UUID serviceId = null;
    String service = FieldErrors.clean(form.service());
    if (service != null) {
      serviceId =
          service.length() > 40
              ? null
              : catalog.activeService(officeId, service).map(ServiceType::id).orElse(null);
      if (serviceId == null) {
        errors.reject("service", "outreach.codes.error.service");
      }
    }
    if (!errors.any() && count(officeId) >= MAX_PER_OFFICE) {
      errors.reject("label", "outreach.codes.error.tooMany", MAX_PER_OFFICE);
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Officer officer = CurrentOfficer.require();
    var now = Timestamp.from(clock.instant());
    UUID id = UUID.randomUUID();
    String code;
    int inserted;
    do {
      // a new random code until one is free (31^6 codes: a clash is rare)
      code = newCode();
      inserted =
          jdbc.sql(
                  """
                  insert into short_code (id, office_id, code, label, source, village_id,
                    service_id, created_at, created_by, updated_at)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  on conflict (code) do nothing
                  """)
              .params(
                  id,
                  officeId,
                  code,
                  label,
                  source.name(),
                  villageId,
                  serviceId,
                  now,
                  officer.fullName() + " (" + officer.username() + ")",
                  now)
              .update();
    } while (inserted == 0);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("code", code);
    details.put("label", label);
    details.put("source", source.name());
    details.put("village_id", villageId);
    details.put("service_id", serviceId);
    audit.record(officeId, "short_code.created", "short_code", id, details);
    return Outcome.done(find(officeId, code).orElseThrow());
  }

  /** The office's codes, newest first. */
  public List<ShortCode> list(UUID officeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from short_code where office_id = ? order by created_at desc, code")
        .param(officeId)
        .query(ShortCodes::row)
        .list();
  }

  /** One of the office's codes. */
  public Optional<ShortCode> find(UUID officeId, String code) {
    return CampaignTag.of(code)
        .flatMap(
            c ->
                jdbc.sql("select " + COLUMNS + " from short_code where office_id = ? and code = ?")
                    .params(officeId, c)
                    .query(ShortCodes::row)
                    .optional());
  }

  /**
   * Where a scanned code leads, counting the scan for today (the regency's day): the office's page
   * or its service, with the code as {@code ?sumber=}. A service that is no longer offered leads to
   * the office's page, so a printed poster never ends on an error.
   *
   * @throws NotFoundException for an unknown code or an office that is not active
   */
  @Transactional
  public String follow(String rawCode) {
    return follow(rawCode, true);
  }

  /**
   * Where a short code leads, counting the scan only when {@code count} (a client past its limit of
   * scans is still redirected, but adds nothing to the figures).
   */
  @Transactional
  public String follow(String rawCode, boolean count) {
    ShortCode code =
        CampaignTag.of(rawCode)
            .flatMap(
                c ->
                    jdbc.sql("select " + COLUMNS + " from short_code where code = ?")
                        .param(c)
                        .query(ShortCodes::row)
                        .optional())
            .orElseThrow(NotFoundException::new);
    var office = offices.get(code.officeId());
    if (!office.active()) {
      throw new NotFoundException();
    }
    if (count) {
      count(code.officeId(), code.code(), "scans");
    }
    String target = "/kecamatan/" + office.slug();
    if (code.serviceId() != null) {
      Optional<ServiceType> service =
          catalog.allServices(office.id()).stream()
              .filter(s -> s.id().equals(code.serviceId()))
              .findFirst()
              .flatMap(s -> catalog.activeService(office.id(), s.code()));
      if (service.isPresent()) {
        target += "/layanan/" + service.get().code();
      }
    }
    return target + CampaignTag.query(code.code());
  }

  /**
   * Adds one to today's count of a code of this office ({@code scans}, {@code started} or {@code
   * submitted}); a code that is not the office's counts nothing.
   */
  void count(UUID officeId, String code, String column) {
    if (!List.of("scans", "started", "submitted").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    LocalDate today = LocalDate.now(clock);
    jdbc.sql(
            "insert into short_code_day (office_id, short_code_id, day, "
                + column
                + ") select office_id, id, ?, 1 from short_code where office_id = ? and code = ?"
                + " on conflict (short_code_id, day) do update set "
                + column
                + " = short_code_day."
                + column
                + " + 1")
        .params(Date.valueOf(today), officeId, code)
        .update();
  }

  /** The figures of each of the office's codes from {@code from} to {@code to} (inclusive). */
  public Map<UUID, Figures> figures(UUID officeId, LocalDate from, LocalDate to) {
    Map<UUID, Figures> figures = new HashMap<>();
    jdbc.sql(
            """
            select short_code_id, sum(scans), sum(started), sum(submitted) from short_code_day
            where office_id = ? and day between ? and ? group by short_code_id
            """)
        .params(officeId, Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              figures.put(
                  rs.getObject(1, UUID.class),
                  new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            });
    return figures;
  }

  /** The sum of every code's figures. */
  public static Figures total(Map<UUID, Figures> figures) {
    return figures.values().stream().reduce(Figures.NONE, Figures::plus);
  }

  /**
   * A code's figures per day from {@code from} to {@code to}, newest first, days without any left
   * out.
   */
  public List<Day> days(UUID officeId, UUID codeId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select day, scans, started, submitted from short_code_day
            where office_id = ? and short_code_id = ? and day between ? and ? order by day desc
            """)
        .params(officeId, codeId, Date.valueOf(from), Date.valueOf(to))
        .query(
            (rs, i) ->
                new Day(
                    rs.getDate(1).toLocalDate(),
                    new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
        .list();
  }

  /** Today in the regency's zone (the clock's), the day the counts are kept by. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private long count(UUID officeId) {
    return jdbc.sql("select count(*) from short_code where office_id = ?")
        .param(officeId)
        .query(Long.class)
        .single();
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CampaignTag.LENGTH);
    for (int i = 0; i < CampaignTag.LENGTH; i++) {
      code.append(CampaignTag.ALPHABET.charAt(random.nextInt(CampaignTag.ALPHABET.length())));
    }
    return code.toString();
  }

  private static ShortCodeSource source(String value) {
    if (value == null) {
      return null;
    }
    for (ShortCodeSource s : ShortCodeSource.values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    return null;
  }

  private static UUID uuid(String value) {
    try {
      return value.length() == 36 ? UUID.fromString(value) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ShortCode row(ResultSet rs, int i) throws SQLException {
    return new ShortCode(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("code"),
        rs.getString("label"),
        ShortCodeSource.valueOf(rs.getString("source")),
        rs.getObject("village_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
