package id.go.kecamatan.office;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Set;

/**
 * The working-day rule (hari kerja): Monday to Friday, except national holidays, cuti bersama and
 * the office's own closures. Service deadlines are counted in these days.
 *
 * <p>The national days of a year are decreed each autumn and entered by a regency administrator. In
 * a year none of them has been entered for yet, the national holidays whose date never changes
 * ({@link #FIXED_HOLIDAYS}) still close the office, so that a deadline counted in December into the
 * next year never falls on 1 January (ADR 0046); the moving ones (Idul Fitri, Nyepi, ...) are known
 * only once entered.
 */
public final class WorkingDays {

  /**
   * The national holidays on the same date every year: Tahun Baru Masehi, Hari Buruh, Hari Lahir
   * Pancasila, Proklamasi Kemerdekaan and Kelahiran Yesus Kristus (Natal).
   */
  public static final Set<MonthDay> FIXED_HOLIDAYS =
      Set.of(
          MonthDay.of(1, 1),
          MonthDay.of(5, 1),
          MonthDay.of(6, 1),
          MonthDay.of(8, 17),
          MonthDay.of(12, 25));

  /** No calendar closes an office for this long: a guard against a calendar that closes all. */
  private static final int MAX_SCAN_DAYS = 3_660;

  private final Set<LocalDate> closed;

  /** The years whose national days were entered; {@code null}: every year's. */
  private final Set<Integer> enteredYears;

  /** A rule that knows every year's closed days (the fixed holidays only as far as listed). */
  public WorkingDays(Collection<LocalDate> closedDays) {
    this.closed = Set.copyOf(closedDays);
    this.enteredYears = null;
  }

  /**
   * A rule with the closed days entered and the years whose national days were entered: in other
   * years the {@link #FIXED_HOLIDAYS} close too.
   */
  public WorkingDays(Collection<LocalDate> closedDays, Collection<Integer> enteredYears) {
    this.closed = Set.copyOf(closedDays);
    this.enteredYears = Set.copyOf(enteredYears);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !closed.contains(day)
        && (nationalDaysEntered(day.getYear()) || !FIXED_HOLIDAYS.contains(MonthDay.from(day)));
  }

  /**
   * Whether the national holidays and cuti bersama of {@code year} were entered; when not, a
   * deadline counted into that year may move once they are.
   */
  public boolean nationalDaysEntered(int year) {
    return enteredYears == null || enteredYears.contains(year);
  }

  /**
   * The {@code n}-th working day after {@code start} ({@code start} itself not counted). With
   * {@code n = 0}: {@code start} when it is a working day, otherwise the next working day.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public LocalDate plus(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    if (n == 0) {
      return nextOrSame(day);
    }
    int counted = 0;
    int scanned = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
        scanned = 0;
      } else if (++scanned > MAX_SCAN_DAYS) {
        throw new IllegalStateException("The calendar has no working day after " + day);
      }
    }
    return day;
  }

  /** {@code day} when it is a working day, otherwise the first working day after it. */
  public LocalDate nextOrSame(LocalDate day) {
    LocalDate candidate = day;
    for (int i = 0; i <= MAX_SCAN_DAYS; i++) {
      if (isWorkingDay(candidate)) {
        return candidate;
      }
      candidate = candidate.plusDays(1);
    }
    throw new IllegalStateException("The calendar has no working day after " + day);
  }

  /**
   * The number of working days after {@code from} up to and including {@code to}; negative when
   * {@code to} is before {@code from}. So {@code between(d, plus(d, n)) == n} for {@code n >= 1}.
   */
  public int between(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -between(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}
