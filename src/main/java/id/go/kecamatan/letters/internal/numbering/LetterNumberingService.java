package id.go.kecamatan.letters.internal.numbering;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letter numbers per office: the format and scope settings and the running counters; the numbers
 * used outside the system are in the {@link AgendaBook}, which the counters skip.
 *
 * <p>Concurrency: {@link #take} upserts the counter row of its scope key and year and locks it
 * ({@code select ... for update}) until the signing transaction ends, so two signings never share a
 * number, also from two application instances on one database, and a rollback returns the number.
 * Takes and reservations hold a shared transaction-level advisory lock of the office; a change of
 * the scope holds it exclusively, so it waits for the signings in progress and no signing runs on
 * the old scope after it. {@link #claim} only reads: the number a letter expects, so that it is
 * laid out and signed before it takes one (ADR 0036).
 *
 * <p>Changing the scope: every scope key keeps its own counter, but a key of the new kind starts
 * (or continues) after the highest number the office's counters of the other kinds reached in that
 * year. So {@code 474/012/...} issued under the office-wide sequence is never issued again by the
 * classification sequence {@code K:474}.
 */
@Component
public class LetterNumberingService implements LetterNumbering {

  private static final NumberingScope DEFAULT_SCOPE = NumberingScope.OFFICE;

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Offices offices;
  private final AuditTrail audit;
  private final Clock clock;
  private final NumberClaims claims = new NumberClaims(Duration.ofSeconds(30));

  LetterNumberingService(
      JdbcClient jdbc, Catalog catalog, Offices offices, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.offices = offices;
    this.audit = audit;
    this.clock = clock;
  }

  /** An office's settings; the default when its administrator never saved them. */
  public record Setting(String format, NumberingScope scope, Instant updatedAt) {

    public LetterNumberFormat parsed() {
      return LetterNumberFormat.of(format);
    }
  }

  /** A sequence of the office: its key and how to name it ({@code page.t(labelKey, labelArg)}). */
  public record ScopeKey(String key, String labelKey, String labelArg) {}

  /** A sequence's state in a year: the last number taken and the next one with its text. */
  public record Counter(ScopeKey scope, int year, int last, int next, String nextText) {}

  // ---- taking -----------------------------------------------------------------------------------

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public LetterNumber take(UUID officeId, UUID serviceId, LocalDate day) {
    lockOffice(officeId, false);
    Setting setting = setting(officeId);
    ServiceType service = catalog.service(officeId, serviceId);
    String unitCode = offices.get(officeId).unitCode();
    String key = setting.scope().key(service);
    int year = day.getYear();
    // from the lock on, only this transaction's connection is used
    int last = lockCounter(officeId, setting.scope(), key, year);
    int next = nextFree(officeId, key, year, last);
    jdbc.sql(
            "update letter_sequence set last_number = ? where office_id = ? and scope_key = ? and year = ?")
        .params(next, officeId, key, year)
        .update();
    return number(setting, service, unitCode, key, next, day);
  }

  @Override
  public Claim claim(UUID officeId, UUID serviceId, LocalDate day) {
    return claim(basis(officeId, serviceId), day);
  }

  @Override
  public Claims batch() {
    Map<List<UUID>, Basis> bases = new ConcurrentHashMap<>();
    return (officeId, serviceId, day) ->
        claim(
            bases.computeIfAbsent(List.of(officeId, serviceId), key -> basis(officeId, serviceId)),
            day);
  }

  /** What a service's numbers are made of besides the count: settings, service, unit code. */
  private record Basis(UUID officeId, Setting setting, ServiceType service, String unitCode) {}

  private Basis basis(UUID officeId, UUID serviceId) {
    return new Basis(
        officeId,
        setting(officeId),
        catalog.service(officeId, serviceId),
        offices.get(officeId).unitCode());
  }

  private Claim claim(Basis basis, LocalDate day) {
    UUID officeId = basis.officeId();
    return claims.claim(
        officeId,
        highest -> {
          Setting setting = basis.setting();
          String key = setting.scope().key(basis.service());
          int year = day.getYear();
          int last = Math.max(last(officeId, setting.scope(), key, year), highest.of(key, year));
          return number(
              setting,
              basis.service(),
              basis.unitCode(),
              key,
              nextFree(officeId, key, year, last),
              day);
        });
  }

  private static LetterNumber number(
      Setting setting, ServiceType service, String unitCode, String key, int next, LocalDate day) {
    String text =
        setting
            .parsed()
            .format(
                new LetterNumberFormat.Values(
                    service.classificationCode(), service.code(), unitCode, next, day));
    return new LetterNumber(text, key, day.getYear(), next);
  }

  /**
   * Makes sure the counter row exists and locks it; returns its last number. A new row starts after
   * the highest number of the office's counters of other scope kinds in that year.
   */
  int lockCounter(UUID officeId, NumberingScope scope, String key, int year) {
    jdbc.sql(
            """
            insert into letter_sequence (office_id, scope_key, year, last_number)
            select :office, :key, :year, coalesce(max(last_number), 0) from letter_sequence
            where office_id = :office and year = :year and left(scope_key, 2) <> :prefix
            on conflict do nothing
            """)
        .param("office", officeId)
        .param("key", key)
        .param("year", year)
        .param("prefix", scope.prefix())
        .update();
    return jdbc.sql(
            "select last_number from letter_sequence where office_id = ? and scope_key = ? and year = ? for update")
        .params(officeId, key, year)
        .query(Integer.class)
        .single();
  }

  /** The number after {@code last} that the agenda book does not hold. */
  private int nextFree(UUID officeId, String key, int year, int last) {
    int next = last + 1;
    List<Integer> reserved =
        jdbc.sql(
                """
                select number from letter_number_reserved
                where office_id = ? and scope_key = ? and year = ? and number > ? order by number
                """)
            .params(officeId, key, year, last)
            .query(Integer.class)
            .list();
    for (int number : reserved) {
      if (number != next) {
        break;
      }
      next++;
    }
    return next;
  }

  /**
   * A transaction-level advisory lock of the office's numbering: shared by takes and reservations,
   * exclusive for a change of scope. Released at commit or rollback.
   */
  void lockOffice(UUID officeId, boolean exclusive) {
    jdbc.sql(
            "select 1 from (select "
                + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext('letter_numbering'), hashtext(cast(? as text)))) locked")
        .param(officeId.toString())
        .query(Integer.class)
        .single();
  }

  // ---- settings ---------------------------------------------------------------------------------

  public Setting setting(UUID officeId) {
    return jdbc.sql(
            "select format, scope, updated_at from letter_numbering_setting where office_id = ?")
        .param(officeId)
        .query(
            (rs, i) ->
                new Setting(
                    rs.getString(1),
                    NumberingScope.valueOf(rs.getString(2)),
                    rs.getTimestamp(3).toInstant()))
        .optional()
        .orElse(new Setting(LetterNumberFormat.DEFAULT, DEFAULT_SCOPE, null));
  }

  /**
   * Checks a typed format and scope against each other and against the office's services and
   * profile: a scope per classification needs {@code {klasifikasi}} or {@code {kode_layanan}} in
   * the format, a scope per service {@code {kode_layanan}}, or two sequences would print the same
   * number ({@link NumberingScope#tellsApart}); a format printing {@code {klasifikasi}} (or a scope
   * per classification) needs a classification code on every active service, a format printing
   * {@code {kode_unit}} the office's unit code.
   */
  public FieldErrors check(UUID officeId, String format, String scope) {
    FieldErrors errors = new FieldErrors();
    LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(format);
    if (parsed.problem() != null) {
      errors.reject("format", parsed.problem().key(), parsed.problem().args());
    }
    Optional<NumberingScope> chosen = scope(scope);
    if (chosen.isEmpty()) {
      errors.reject("scope", "numbering.error.scope");
    }
    if (errors.any()) {
      return errors;
    }
    if (!chosen.get().tellsApart(parsed.format())) {
      if (chosen.get() == NumberingScope.SERVICE) {
        errors.reject(
            "scope",
            "numbering.error.scopeNeedsServiceCode",
            LetterNumberFormat.Token.KODE_LAYANAN.typed());
      } else {
        errors.reject(
            "scope",
            "numbering.error.scopeNeedsClassification",
            LetterNumberFormat.Token.KLASIFIKASI.typed(),
            LetterNumberFormat.Token.KODE_LAYANAN.typed());
      }
    }
    String missing =
        catalog.activeServices(officeId, "").stream()
            .filter(s -> s.classificationCode() == null || s.classificationCode().isBlank())
            .map(ServiceType::name)
            .collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      if (parsed.format().uses(LetterNumberFormat.Token.KLASIFIKASI)) {
        errors.reject(
            "format",
            "numbering.error.missingClassification",
            LetterNumberFormat.Token.KLASIFIKASI.typed(),
            missing);
      } else if (chosen.get() == NumberingScope.CLASSIFICATION) {
        errors.reject("scope", "numbering.error.missingClassificationScope", missing);
      }
    }
    String unitCode = offices.get(officeId).unitCode();
    if (parsed.format().uses(LetterNumberFormat.Token.KODE_UNIT)
        && (unitCode == null || unitCode.isBlank())) {
      errors.reject(
          "format", "numbering.error.missingUnitCode", LetterNumberFormat.Token.KODE_UNIT.typed());
    }
    return errors;
  }

  private static Optional<NumberingScope> scope(String name) {
    for (NumberingScope scope : NumberingScope.values()) {
      if (scope.name().equals(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /**
   * Saves the format and scope. A new scope waits for the signings in progress and raises the
   * counters of its kind past the numbers the other kinds issued (see the class comment).
   */
  @Transactional
  public Outcome<Setting> save(UUID officeId, String format, String scope) {
    FieldErrors errors = check(officeId, format, scope);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    lockOffice(officeId, true);
    Setting before = setting(officeId);
    NumberingScope chosen = NumberingScope.valueOf(scope);
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into letter_numbering_setting (office_id, format, scope, updated_at, updated_by)
            values (?, ?, ?, ?, ?)
            on conflict (office_id) do update set format = excluded.format, scope = excluded.scope,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
        .params(
            officeId,
            format,
            chosen.name(),
            Timestamp.from(now),
            CurrentOfficer.get().map(Officer::staffId).orElse(null))
        .update();
    if (chosen != before.scope()) {
      jdbc.sql(
              """
              update letter_sequence s set last_number = other.highest
              from (select year, max(last_number) highest from letter_sequence
                    where office_id = :office and left(scope_key, 2) <> :prefix group by year) other
              where s.office_id = :office and s.year = other.year
                and left(s.scope_key, 2) = :prefix and s.last_number < other.highest
              """)
          .param("office", officeId)
          .param("prefix", chosen.prefix())
          .update();
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("format", before.format());
    from.put("scope", before.scope().name());
    Map<String, Object> to = new LinkedHashMap<>();
    to.put("format", format);
    to.put("scope", chosen.name());
    Map<String, Object> changes = AuditTrail.changes(from, to);
    if (!changes.isEmpty()) {
      audit.record(
          officeId, "letter-numbering.updated", "letter_numbering_setting", officeId, changes);
    }
    return Outcome.done(new Setting(format, chosen, now));
  }

  /**
   * The typed format printed for the first active service with a classification code (or else the
   * first active service), number 7, today; for the preview.
   */
  public String example(UUID officeId, LetterNumberFormat format) {
    List<ServiceType> services = catalog.activeServices(officeId, "");
    Optional<ServiceType> service =
        services.stream()
            .filter(s -> s.classificationCode() != null && !s.classificationCode().isBlank())
            .findFirst()
            .or(() -> services.stream().findFirst());
    return format.format(
        new LetterNumberFormat.Values(
            service.map(ServiceType::classificationCode).orElse(null),
            service.map(ServiceType::code).orElse(null),
            offices.get(officeId).unitCode(),
            7,
            LocalDate.now(clock)));
  }

  // ---- counters ---------------------------------------------------------------------------------

  /** The sequences of the office under its current scope, for the active services. */
  public List<ScopeKey> scopeKeys(UUID officeId) {
    NumberingScope scope = setting(officeId).scope();
    Map<String, ScopeKey> keys = new LinkedHashMap<>();
    for (ServiceType service : catalog.activeServices(officeId, "")) {
      String key = scope.key(service);
      keys.putIfAbsent(key, label(key, service));
    }
    if (keys.isEmpty()) {
      keys.put("OFFICE", label("OFFICE", null));
    }
    return List.copyOf(keys.values());
  }

  static ScopeKey label(String key, ServiceType service) {
    if (key.equals("OFFICE")) {
      return new ScopeKey(key, "numbering.key.office", null);
    }
    if (key.equals("K:")) {
      return new ScopeKey(key, "numbering.key.noClassification", null);
    }
    if (key.startsWith("K:")) {
      return new ScopeKey(key, "numbering.key.classification", key.substring(2));
    }
    return service == null
        ? new ScopeKey(key, "numbering.key.unknownService", key.substring(2))
        : new ScopeKey(key, "numbering.key.service", service.name());
  }

  /**
   * The counters of the office's current sequences in a year and the next number of each, as it
   * would be printed today. Reads only: nothing is taken or locked.
   */
  public List<Counter> preview(UUID officeId, int year) {
    Setting setting = setting(officeId);
    LetterNumberFormat format = setting.parsed();
    String unitCode = offices.get(officeId).unitCode();
    LocalDate today = LocalDate.now(clock);
    LocalDate day = today.getYear() == year ? today : LocalDate.of(year, 1, 1);
    Map<String, ServiceType> example = new LinkedHashMap<>();
    for (ServiceType service : catalog.activeServices(officeId, "")) {
      example.putIfAbsent(setting.scope().key(service), service);
    }
    List<Counter> counters = new ArrayList<>();
    for (ScopeKey key : scopeKeys(officeId)) {
      int last = last(officeId, setting.scope(), key.key(), year);
      int next = nextFree(officeId, key.key(), year, last);
      ServiceType service = example.get(key.key());
      String text =
          format.format(
              new LetterNumberFormat.Values(
                  service == null ? null : service.classificationCode(),
                  service == null ? null : service.code(),
                  unitCode,
                  next,
                  day));
      counters.add(new Counter(key, year, last, next, text));
    }
    return counters;
  }

  /** The last number of a sequence, or where a new one would start. */
  private int last(UUID officeId, NumberingScope scope, String key, int year) {
    return jdbc.sql(
            """
            select coalesce(
              (select last_number from letter_sequence
               where office_id = :office and scope_key = :key and year = :year),
              (select coalesce(max(last_number), 0) from letter_sequence
               where office_id = :office and year = :year and left(scope_key, 2) <> :prefix))
            """)
        .param("office", officeId)
        .param("key", key)
        .param("year", year)
        .param("prefix", scope.prefix())
        .query(Integer.class)
        .single();
  }
}
