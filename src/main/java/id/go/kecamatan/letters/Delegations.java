package id.go.kecamatan.letters;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegations of signing: the Camat (or the office admin on the Camat's instruction) lets the
 * Sekcam or another signer sign a.n. or as Plh. for a date range. Letters signed on a day of the
 * range carry that wording; changes are audited. A delegate has at most one delegation on any day.
 */
@Service
public class Delegations {

  /** The longest delegation, in days. */
  public static final int MAX_DAYS = 366;

  /** The longest note. */
  public static final int MAX_NOTE = 500;

  private final JdbcClient jdbc;
  private final SignerProfiles profiles;
  private final AuditTrail audit;
  private final Clock clock;

  Delegations(JdbcClient jdbc, SignerProfiles profiles, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether this officer may give and cancel delegations: the Camat or an office admin. */
  public boolean mayDelegate(Officer officer) {
    if (officer.officeId() == null) {
      return false;
    }
    if (officer.has(Role.OFFICE_ADMIN)) {
      return true;
    }
    return officer.has(Role.SIGNER)
        && profiles
            .profile(officer.officeId(), officer.staffId())
            .map(p -> p.position() == SignerPosition.CAMAT)
            .orElse(false);
  }

  /** The office's delegations that are not over, soonest first, then the last 20 past ones. */
  public List<Delegation> of(UUID officeId) {
    return jdbc.sql(
            SELECT + " where d.office_id = ? order by d.ends_on < ?, d.starts_on desc limit 50")
        .params(officeId, java.sql.Date.valueOf(today()))
        .query(Delegations::map)
        .list();
  }

  /** The delegation that lets this signer sign on this day, if any. */
  public Optional<Delegation> covering(UUID officeId, UUID delegateId, LocalDate day) {
    return jdbc.sql(
            SELECT
                + """
                 where d.office_id = ? and d.delegate_id = ? and d.cancelled_at is null
                   and d.starts_on <= ? and d.ends_on >= ?
                 order by d.created_at desc limit 1
                """)
        .params(officeId, delegateId, java.sql.Date.valueOf(day), java.sql.Date.valueOf(day))
        .query(Delegations::map)
        .optional();
  }

  /**
   * Gives a delegation (fields {@code delegate}, {@code kind}, {@code startsOn}, {@code endsOn},
   * {@code note}): the delegate is a signer of the office who is not the Camat nor the officer
   * giving it; the range starts today or later, lasts at most {@value #MAX_DAYS} days and does not
   * overlap another delegation of the same delegate.
   */
  @Transactional
  public Outcome<Delegation> delegate(
      Officer officer, String delegate, String kind, String startsOn, String endsOn, String note) {
    requireDelegator(officer);
    UUID officeId = officer.officeId();
    FieldErrors errors = new FieldErrors();
    SignerProfile delegateProfile =
        uuid(delegate)
            .flatMap(id -> profiles.profile(officeId, id))
            .filter(p -> p.position() != SignerPosition.CAMAT)
            .orElse(null);
    if (delegateProfile == null) {
      errors.reject("delegate", "letters.delegation.error.delegate");
    } else if (delegateProfile.staffId().equals(officer.staffId())) {
      // an office admin who also signs cannot authorise themselves
      errors.reject("delegate", "letters.delegation.error.self");
    }
    Delegation.Kind chosen = null;
    try {
      chosen = kind == null ? null : Delegation.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      chosen = null;
    }
    if (chosen == null) {
      errors.reject("kind", "error.required");
    }
    LocalDate from = date(errors, "startsOn", startsOn);
    LocalDate to = date(errors, "endsOn", endsOn);
    if (from != null && from.isBefore(today())) {
      errors.reject("startsOn", "letters.delegation.error.past");
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.reject("endsOn", "letters.delegation.error.order");
      } else if (to.isAfter(from.plusDays(MAX_DAYS - 1))) {
        errors.reject("endsOn", "letters.delegation.error.tooLong", MAX_DAYS);
      }
    }
    String cleanNote = FieldErrors.clean(note);
    errors.optionalText("note", cleanNote, MAX_NOTE);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    // one delegation per delegate and day: serialise on the delegate's staff row
    jdbc.sql("select id from staff where id = ? for update")
        .params(delegateProfile.staffId())
        .query()
        .listOfRows();
    Integer overlapping =
        jdbc.sql(
                """
                select count(*) from signing_delegation
                where office_id = ? and delegate_id = ? and cancelled_at is null
                  and starts_on <= ? and ends_on >= ?
                """)
            .params(
                officeId,
                delegateProfile.staffId(),
                java.sql.Date.valueOf(to),
                java.sql.Date.valueOf(from))
            .query(Integer.class)
            .single();
    if (overlapping > 0) {
      return Outcome.failed(
          new FieldErrors().reject("startsOn", "letters.delegation.error.overlap"));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into signing_delegation
              (id, office_id, delegate_id, kind, starts_on, ends_on, note, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            delegateProfile.staffId(),
            chosen.name(),
            java.sql.Date.valueOf(from),
            java.sql.Date.valueOf(to),
            cleanNote,
            officer.staffId(),
            Timestamp.from(clock.instant()))
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("delegate", delegateProfile.fullName());
    details.put("kind", chosen.name());
    details.put("startsOn", from.toString());
    details.put("endsOn", to.toString());
    audit.record(officeId, "signing-delegation.created", "signing_delegation", id, details);
    return Outcome.done(find(officeId, id).orElseThrow());
  }

  /** Cancels a delegation from now on (a cancelled one stays in the list). */
  @Transactional
  public void cancel(Officer officer, UUID id) {
    requireDelegator(officer);
    Delegation delegation = find(officer.officeId(), id).orElseThrow(NotFoundException::new);
    if (delegation.cancelledAt() != null) {
      return;
    }
    jdbc.sql(
            """
            update signing_delegation set cancelled_at = ?, cancelled_by = ?
            where office_id = ? and id = ? and cancelled_at is null
            """)
        .params(Timestamp.from(clock.instant()), officer.staffId(), officer.officeId(), id)
        .update();
    audit.record(
        officer.officeId(),
        "signing-delegation.cancelled",
        "signing_delegation",
        id,
        Map.of("delegate", delegation.delegateName(), "kind", delegation.kind().name()));
  }

  private Optional<Delegation> find(UUID officeId, UUID id) {
    return jdbc.sql(SELECT + " where d.office_id = ? and d.id = ?")
        .params(officeId, id)
        .query(Delegations::map)
        .optional();
  }

  private void requireDelegator(Officer officer) {
    if (!mayDelegate(officer)) {
      throw new AccessDeniedException("Only the Camat or an office admin delegates signing");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static LocalDate date(FieldErrors errors, String field, String value) {
    String clean = FieldErrors.clean(value);
    if (clean == null) {
      errors.reject(field, "error.required");
      return null;
    }
    try {
      return clean.length() == 10 ? LocalDate.parse(clean) : failDate();
    } catch (DateTimeParseException e) {
      errors.reject(field, "letters.delegation.error.date");
      return null;
    }
  }

  private static LocalDate failDate() {
    throw new DateTimeParseException("not yyyy-mm-dd", "", 0);
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static final String SELECT =
      """
      select d.id, d.office_id, d.delegate_id, s.full_name, d.kind, d.starts_on, d.ends_on, d.note,
             c.full_name as created_by, d.created_at, d.cancelled_at
      from signing_delegation d
        join staff s on s.id = d.delegate_id
        join staff c on c.id = d.created_by
      """;

  private static Delegation map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp cancelled = rs.getTimestamp("cancelled_at");
    return new Delegation(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getObject("delegate_id", UUID.class),
        rs.getString("full_name"),
        Delegation.Kind.valueOf(rs.getString("kind")),
        rs.getDate("starts_on").toLocalDate(),
        rs.getDate("ends_on").toLocalDate(),
        rs.getString("note"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        cancelled == null ? null : cancelled.toInstant());
  }
}
