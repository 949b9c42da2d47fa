package id.go.kecamatan.letters.internal.numbering;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.internal.numbering.LetterNumberingService.ScopeKey;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's agenda book (buku agenda) of letter numbers used outside the system: a number
 * recorded here is skipped by its sequence ({@link LetterNumberingService#take}). Recording and
 * removing hold the office's numbering lock shared and the sequence's counter row, as a take does,
 * so a number is never both recorded and issued.
 */
@Component
public class AgendaBook {

  /** The largest number the agenda book accepts. */
  public static final int MAX_NUMBER = 9_999_999;

  /** The longest note of a recorded number. */
  public static final int MAX_NOTE = 300;

  /** A number recorded in the agenda book; {@code passed}: the sequence is already beyond it. */
  public record Reservation(
      UUID id,
      ScopeKey scope,
      int year,
      int number,
      String note,
      Instant recordedAt,
      boolean passed) {}

  private final LetterNumberingService numbering;
  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final Clock clock;

  AgendaBook(
      LetterNumberingService numbering,
      JdbcClient jdbc,
      Catalog catalog,
      AuditTrail audit,
      Clock clock) {
    this.numbering = numbering;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /** The office's recorded numbers, latest year first (at most 1,000). */
  public List<Reservation> reservations(UUID officeId) {
    return reservations(officeId, null);
  }

  /** The office's recorded numbers, or only the one with this id. */
  private List<Reservation> reservations(UUID officeId, UUID only) {
    Map<String, ServiceType> services = new LinkedHashMap<>();
    for (ServiceType service : catalog.allServices(officeId)) {
      services.put("S:" + service.id(), service);
    }
    return jdbc.sql(
            """
            select r.id, r.scope_key, r.year, r.number, r.note, r.recorded_at,
              r.number <= coalesce(s.last_number, 0) passed
            from letter_number_reserved r
            left join letter_sequence s on s.office_id = r.office_id
              and s.scope_key = r.scope_key and s.year = r.year
            where r.office_id = :office and (cast(:only as uuid) is null or r.id = :only)
            order by r.year desc, r.scope_key, r.number limit 1000
            """)
        .param("office", officeId)
        .param("only", only)
        .query(
            (rs, i) ->
                new Reservation(
                    rs.getObject(1, UUID.class),
                    LetterNumberingService.label(rs.getString(2), services.get(rs.getString(2))),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getBoolean(7)))
        .list();
  }

  /**
   * Records a number used outside the system, so the sequence skips it. Refused: a scope key that
   * is not one of the office's current sequences, a number the sequence has already reached (issued
   * by the system or passed over), and a number recorded already.
   */
  @Transactional
  public Outcome<Reservation> reserve(
      UUID officeId, String scopeKey, String year, String number, String note) {
    numbering.lockOffice(officeId, false);
    FieldErrors errors = new FieldErrors();
    Optional<ScopeKey> key =
        numbering.scopeKeys(officeId).stream().filter(k -> k.key().equals(scopeKey)).findFirst();
    if (key.isEmpty()) {
      errors.reject("scopeKey", "numbering.error.scopeKey");
    }
    Integer y = errors.integer("year", year, 2000, 2100, true);
    Integer n = errors.integer("number", number, 1, MAX_NUMBER, true);
    errors.text("note", note, MAX_NOTE);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    NumberingScope scope = numbering.setting(officeId).scope();
    int last = numbering.lockCounter(officeId, scope, scopeKey, y);
    if (n <= last) {
      return Outcome.failed(new FieldErrors().reject("number", "numbering.error.issued", n, last));
    }
    if (jdbc.sql(
                "select count(*) from letter_number_reserved where office_id = ? and scope_key = ? and year = ? and number = ?")
            .params(officeId, scopeKey, y, n)
            .query(Long.class)
            .single()
        > 0) {
      return Outcome.failed(new FieldErrors().reject("number", "numbering.error.reserved", n));
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into letter_number_reserved
              (id, office_id, scope_key, year, number, note, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            scopeKey,
            y,
            n,
            note.strip(),
            CurrentOfficer.get().map(Officer::staffId).orElse(null),
            Timestamp.from(now))
        .update();
    audit.record(
        officeId,
        "letter-number.reserved",
        "letter_number_reserved",
        id,
        details(scopeKey, y, n, note.strip()));
    return Outcome.done(new Reservation(id, key.get(), y, n, note.strip(), now, false));
  }

  /**
   * Removes a recorded number the sequence has not reached yet; a passed one stays, as the sequence
   * skipped it. {@link NotFoundException} for an unknown id or another office's.
   */
  @Transactional
  public Outcome<Reservation> unreserve(UUID officeId, UUID reservationId) {
    Reservation reservation =
        reservations(officeId, reservationId).stream()
            .findFirst()
            .orElseThrow(NotFoundException::new);
    numbering.lockOffice(officeId, false);
    Integer last =
        jdbc.sql(
                "select last_number from letter_sequence where office_id = ? and scope_key = ? and year = ? for update")
            .params(officeId, reservation.scope().key(), reservation.year())
            .query(Integer.class)
            .optional()
            .orElse(0);
    if (reservation.number() <= last) {
      return Outcome.failed(
          new FieldErrors().reject("reservation", "numbering.error.passed", reservation.number()));
    }
    jdbc.sql("delete from letter_number_reserved where id = ? and office_id = ?")
        .params(reservationId, officeId)
        .update();
    audit.record(
        officeId,
        "letter-number.unreserved",
        "letter_number_reserved",
        reservationId,
        details(
            reservation.scope().key(),
            reservation.year(),
            reservation.number(),
            reservation.note()));
    return Outcome.done(reservation);
  }

  private static Map<String, Object> details(String scopeKey, int year, int number, String note) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scope", scopeKey);
    details.put("year", year);
    details.put("number", number);
    details.put("note", note);
    return details;
  }
}
