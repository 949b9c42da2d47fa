package id.go.kecamatan.office;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working calendar of an office: weekends, national holidays and cuti bersama (shared by all
 * offices), and the office's own closures. National days for a new year are added by a regency
 * administrator; an office administrator adds local closures.
 */
@Service
public class WorkingCalendar {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  WorkingCalendar(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
  }

  /**
   * From this day of a year on, the administrators are reminded of the next year's national days
   * when none is entered: service deadlines of a month run into the next year from December.
   */
  static final MonthDay REMIND_FROM = MonthDay.of(11, 1);

  /**
   * The working-day rule of an office, with every closed day it knows and the years whose national
   * days were entered (in others only the fixed-date national holidays close).
   */
  public WorkingDays of(UUID officeId) {
    // one statement: deadlines are counted on every submission and step (the closed days and the
    // years entered come from the same rows)
    List<LocalDate> closed = new java.util.ArrayList<>();
    java.util.Set<Integer> entered = new java.util.HashSet<>();
    jdbc.sql(
            "select day, office_id is null and kind = 'LIBUR' as national from holiday"
                + " where office_id is null or office_id = ?")
        .param(officeId)
        .query(
            rs -> {
              LocalDate day = rs.getObject("day", LocalDate.class);
              closed.add(day);
              if (rs.getBoolean("national")) {
                entered.add(day.getYear());
              }
            });
    return new WorkingDays(closed, entered);
  }

  /** The years with at least one national holiday (libur nasional) entered. */
  private List<Integer> enteredYears() {
    return jdbc.sql(
            "select distinct extract(year from day)::int from holiday where office_id is null and kind = 'LIBUR'")
        .query(Integer.class)
        .list();
  }

  /** Whether the national holidays of {@code year} were entered. */
  public boolean nationalDaysEntered(int year) {
    return enteredYears().contains(year);
  }

  /**
   * The year whose national holidays and cuti bersama the administrators must enter now, if any:
   * this year when none is entered, or from 1 November the next year when none is entered.
   */
  public Optional<Integer> nationalDaysDue(LocalDate today) {
    List<Integer> entered = enteredYears();
    if (!entered.contains(today.getYear())) {
      return Optional.of(today.getYear());
    }
    if (!MonthDay.from(today).isBefore(REMIND_FROM) && !entered.contains(today.getYear() + 1)) {
      return Optional.of(today.getYear() + 1);
    }
    return Optional.empty();
  }

  /** National days and the office's own closures of a year, in date order. */
  public List<Holiday> holidays(UUID officeId, int year) {
    return jdbc.sql(
            """
            select id, office_id, day, kind, name from holiday
            where (office_id is null or office_id = ?) and extract(year from day) = ?
            order by day, office_id nulls first
            """)
        .params(officeId, year)
        .query(WorkingCalendar::holiday)
        .list();
  }

  /**
   * Adds a closed day.
   *
   * @param officeId the office, or {@code null} for a national day (regency administrators only)
   */
  @Transactional
  public FieldErrors add(UUID officeId, String rawDate, String rawKind, String name) {
    FieldErrors errors = new FieldErrors();
    LocalDate day = null;
    if (rawDate == null || rawDate.isBlank()) {
      errors.reject("day", "error.required");
    } else {
      try {
        day = LocalDate.parse(rawDate.strip());
        if (day.getYear() < 2000 || day.getYear() > 2100) {
          errors.reject("day", "calendar.error.year");
        }
      } catch (DateTimeParseException e) {
        errors.reject("day", "error.date");
      }
    }
    Holiday.Kind kind = null;
    try {
      kind = Holiday.Kind.valueOf(rawKind == null ? "" : rawKind);
      if (officeId == null && kind == Holiday.Kind.LOCAL) {
        errors.reject("kind", "calendar.error.kind");
      }
    } catch (IllegalArgumentException e) {
      errors.reject("kind", "calendar.error.kind");
    }
    errors.text("name", name, 200);
    if (!errors.any()) {
      boolean taken =
          jdbc.sql(
                      "select count(*) from holiday where day = ? and (office_id is null or office_id is not distinct from ?)")
                  .params(day, officeId)
                  .query(Long.class)
                  .single()
              > 0;
      if (taken) {
        errors.reject("day", "calendar.error.exists");
      }
    }
    if (errors.any()) {
      return errors;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into holiday (id, office_id, day, kind, name) values (?, ?, ?, ?, ?)")
        .params(id, officeId, day, kind.name(), name.strip())
        .update();
    audit.record(
        officeId,
        "calendar.day.added",
        "holiday",
        id,
        Map.of("day", day.toString(), "kind", kind.name(), "name", name.strip()));
    // bookings of that day are no longer served: their residents are told (appointments)
    events.publishEvent(new ServiceHoursChanged(officeId));
    return errors;
  }

  /**
   * Removes a closed day of this office ({@code officeId}), or a national day when {@code officeId}
   * is null; answers false when there is no such day in that scope.
   */
  @Transactional
  public boolean remove(UUID officeId, UUID holidayId) {
    List<Holiday> found =
        jdbc.sql(
                "select id, office_id, day, kind, name from holiday where id = ? and office_id is not distinct from ?")
            .params(holidayId, officeId)
            .query(WorkingCalendar::holiday)
            .list();
    if (found.isEmpty()) {
      return false;
    }
    jdbc.sql("delete from holiday where id = ?").param(holidayId).update();
    Holiday removed = found.get(0);
    audit.record(
        officeId,
        "calendar.day.removed",
        "holiday",
        holidayId,
        Map.of(
            "day",
            removed.day().toString(),
            "kind",
            removed.kind().name(),
            "name",
            removed.name()));
    return true;
  }

  private static Holiday holiday(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Holiday(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, LocalDate.class),
        Holiday.Kind.valueOf(rs.getString(4)),
        rs.getString(5));
  }
}
