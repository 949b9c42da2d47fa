package id.go.kecamatan.office;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opening hours (jam layanan) of an office: per working weekday the hours the counter is open
 * and one break (istirahat). The working calendar decides which days are working days; these hours
 * say when on such a day. The queue and the appointments read them, the public pages show them
 * ({@link #lines}: the one source of the hours a resident reads and the hours a booking offers);
 * the office administrator edits them at {@code /admin/kantor/jam-layanan}.
 */
@Service
public class OpeningHours {

  /** The weekdays an office can open: the working calendar closes Saturday and Sunday. */
  public static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  /**
   * The hours of one weekday: closed when {@code opens} is null; a break when {@code breakStarts}
   * is not null.
   */
  public record Day(
      DayOfWeek weekday,
      LocalTime opens,
      LocalTime closes,
      LocalTime breakStarts,
      LocalTime breakEnds) {

    public boolean open() {
      return opens != null;
    }

    /** The open intervals: the hours minus the break. */
    public List<TimeRange> ranges() {
      if (opens == null) {
        return List.of();
      }
      if (breakStarts == null) {
        return List.of(new TimeRange(opens, closes));
      }
      return List.of(new TimeRange(opens, breakStarts), new TimeRange(breakEnds, closes));
    }
  }

  private static final LocalTime EIGHT = LocalTime.of(8, 0);
  private static final LocalTime THREE = LocalTime.of(15, 0);

  /** The hours of an office that never saved its own: the usual hours of a kecamatan office. */
  static Day defaultDay(DayOfWeek weekday) {
    if (weekday == DayOfWeek.FRIDAY) {
      return new Day(weekday, EIGHT, THREE, LocalTime.of(11, 30), LocalTime.of(13, 0));
    }
    if (WEEKDAYS.contains(weekday)) {
      return new Day(weekday, EIGHT, THREE, LocalTime.NOON, LocalTime.of(13, 0));
    }
    return new Day(weekday, null, null, null, null);
  }

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final TableChanges changes;
  private final ApplicationEventPublisher events;

  OpeningHours(
      JdbcClient jdbc,
      WorkingCalendar calendar,
      AuditTrail audit,
      MessageSource messages,
      TableChanges changes,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.audit = audit;
    this.messages = messages;
    this.changes = changes;
  }

  /**
   * The office's week as the public pages write it, in a language: consecutive weekdays with the
   * same hours on one line (Senin–Kamis 08.00–15.00, istirahat 12.00–13.00), a weekday the office
   * does not open as closed, and last that weekends and holidays are closed.
   */
  public List<String> lines(UUID officeId, Locale locale) {
    return lines(week(officeId), messages, locale);
  }

  /** {@link #lines(UUID, Locale)} of a given week. */
  static List<String> lines(List<Day> week, MessageSource messages, Locale locale) {
    DateTimeFormatter time =
        DateTimeFormatter.ofPattern(
            messages.getMessage("office.hours.timePattern", null, "HH.mm", locale), Locale.ROOT);
    List<String> lines = new ArrayList<>();
    int i = 0;
    while (i < week.size()) {
      Day first = week.get(i);
      int j = i;
      while (j + 1 < week.size() && sameHours(first, week.get(j + 1))) {
        j++;
      }
      String days = dayName(messages, first.weekday(), locale);
      if (j > i) {
        days =
            messages.getMessage(
                "office.hours.days",
                new Object[] {days, dayName(messages, week.get(j).weekday(), locale)},
                locale);
      }
      String line;
      if (!first.open()) {
        line = messages.getMessage("office.hours.closed", new Object[] {days}, locale);
      } else if (first.breakStarts() == null) {
        line =
            messages.getMessage(
                "office.hours.open",
                new Object[] {days, time.format(first.opens()), time.format(first.closes())},
                locale);
      } else {
        line =
            messages.getMessage(
                "office.hours.openWithBreak",
                new Object[] {
                  days,
                  time.format(first.opens()),
                  time.format(first.closes()),
                  time.format(first.breakStarts()),
                  time.format(first.breakEnds())
                },
                locale);
      }
      lines.add(line);
      i = j + 1;
    }
    lines.add(messages.getMessage("office.hours.weekend", null, locale));
    return List.copyOf(lines);
  }

  private static boolean sameHours(Day a, Day b) {
    return java.util.Objects.equals(a.opens(), b.opens())
        && java.util.Objects.equals(a.closes(), b.closes())
        && java.util.Objects.equals(a.breakStarts(), b.breakStarts())
        && java.util.Objects.equals(a.breakEnds(), b.breakEnds());
  }

  private static String dayName(MessageSource messages, DayOfWeek day, Locale locale) {
    return messages.getMessage("openingHours.day." + day.name(), null, locale);
  }

  /** The hours of each working weekday, Monday to Friday. */
  public List<Day> week(UUID officeId) {
    Map<DayOfWeek, Day> saved = new EnumMap<>(DayOfWeek.class);
    jdbc.sql(
            "select weekday, opens, closes, break_starts, break_ends from opening_hours where office_id = ?")
        .param(officeId)
        .query(
            (rs, i) ->
                new Day(
                    DayOfWeek.of(rs.getInt(1)),
                    rs.getObject(2, LocalTime.class),
                    rs.getObject(3, LocalTime.class),
                    rs.getObject(4, LocalTime.class),
                    rs.getObject(5, LocalTime.class)))
        .list()
        .forEach(d -> saved.put(d.weekday(), d));
    List<Day> week = new ArrayList<>();
    for (DayOfWeek weekday : WEEKDAYS) {
      week.add(
          saved.isEmpty()
              ? defaultDay(weekday)
              : saved.getOrDefault(weekday, new Day(weekday, null, null, null, null)));
    }
    return week;
  }

  /**
   * The open intervals of that day (the hours minus the break), in time order; empty on a day the
   * working calendar closes (weekend, national holiday, cuti bersama, the office's closure) or a
   * weekday the office does not open.
   */
  public List<TimeRange> on(UUID officeId, LocalDate date) {
    if (!calendar.of(officeId).isWorkingDay(date)) {
      return List.of();
    }
    return week(officeId).stream()
        .filter(d -> d.weekday() == date.getDayOfWeek())
        .findFirst()
        .map(Day::ranges)
        .orElse(List.of());
  }

  /**
   * Whether the office is open at that moment (local time of the office, the deployment's zone).
   */
  public boolean isOpen(UUID officeId, LocalDateTime at) {
    return on(officeId, at.toLocalDate()).stream().anyMatch(r -> r.contains(at.toLocalTime()));
  }

  /**
   * Saves the week from the form: per weekday {@code opens-N}, {@code closes-N}, {@code
   * breakStarts-N}, {@code breakEnds-N} (N = 1 Monday .. 5 Friday) as {@code HH:mm}; both hours
   * blank means closed that day, both break times blank means no break.
   */
  @Transactional
  public FieldErrors save(UUID officeId, Map<String, String> form) {
    FieldErrors all = new FieldErrors();
    List<Day> week = new ArrayList<>();
    for (DayOfWeek weekday : WEEKDAYS) {
      int n = weekday.getValue();
      FieldErrors errors = new FieldErrors();
      LocalTime opens = time(errors, "opens-" + n, form.get("opens-" + n));
      LocalTime closes = time(errors, "closes-" + n, form.get("closes-" + n));
      LocalTime breakStarts = time(errors, "breakStarts-" + n, form.get("breakStarts-" + n));
      LocalTime breakEnds = time(errors, "breakEnds-" + n, form.get("breakEnds-" + n));
      if (errors.any()) {
        all.addAll(errors);
        continue;
      }
      if ((opens == null) != (closes == null)) {
        errors.reject(opens == null ? "opens-" + n : "closes-" + n, "openingHours.error.both");
        all.addAll(errors);
        continue;
      }
      if (opens != null && !opens.isBefore(closes)) {
        errors.reject("closes-" + n, "openingHours.error.order");
        all.addAll(errors);
        continue;
      }
      if ((breakStarts == null) != (breakEnds == null)) {
        errors.reject(
            breakStarts == null ? "breakStarts-" + n : "breakEnds-" + n,
            "openingHours.error.bothBreak");
        all.addAll(errors);
        continue;
      }
      if (breakStarts != null
          && (opens == null
              || !opens.isBefore(breakStarts)
              || !breakStarts.isBefore(breakEnds)
              || !breakEnds.isBefore(closes))) {
        errors.reject("breakStarts-" + n, "openingHours.error.break");
        all.addAll(errors);
        continue;
      }
      if (errors.any()) {
        all.addAll(errors);
        continue;
      }
      week.add(new Day(weekday, opens, closes, breakStarts, breakEnds));
    }
    if (all.any()) {
      return all;
    }
    jdbc.sql("delete from opening_hours where office_id = ?").param(officeId).update();
    Map<String, Object> details = new LinkedHashMap<>();
    for (Day d : week) {
      jdbc.sql(
              """
              insert into opening_hours (office_id, weekday, opens, closes, break_starts, break_ends)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              officeId,
              d.weekday().getValue(),
              d.opens(),
              d.closes(),
              d.breakStarts(),
              d.breakEnds())
          .update();
      details.put(
          d.weekday().name(),
          d.open()
              ? String.join(", ", d.ranges().stream().map(TimeRange::toString).toList())
              : "tutup");
    }
    audit.record(officeId, "office.hours.updated", "office", officeId, details);
    // the public pages keep the hours in memory: this node reads them again after the commit
    changes.changed("opening_hours");
    // bookings of the hours no longer served: their residents are told (appointments)
    events.publishEvent(new ServiceHoursChanged(officeId));
    return all;
  }

  private static LocalTime time(FieldErrors errors, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (value.length() > 8) {
      errors.reject(field, "openingHours.error.time");
      return null;
    }
    try {
      LocalTime time = LocalTime.parse(value);
      return time.withSecond(0).withNano(0);
    } catch (DateTimeParseException e) {
      errors.reject(field, "openingHours.error.time");
      return null;
    }
  }
}
