package id.go.kecamatan.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The working-day rule (hari kerja). Properties run on random calendars (random closed days over
 * about two years); examples run on the real 2026 national calendar read from the Flyway migration
 * that ships it, so a wrong date in the migration shows up here too.
 */
class WorkingDaysTests {

  private static final LocalDate BASE = LocalDate.of(2025, 1, 1);

  /** A calendar with up to 150 random closed days in 2025–2027 (some on weekends). */
  record Calendar(Set<LocalDate> closed, WorkingDays rule) {
    @Override
    public String toString() {
      return "Calendar" + closed.stream().sorted().toList();
    }
  }

  @Provide
  Arbitrary<Calendar> calendars() {
    return days().set().ofMaxSize(150).map(closed -> new Calendar(closed, new WorkingDays(closed)));
  }

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.integers().between(0, 3 * 365).map(BASE::plusDays);
  }

  @Provide
  Arbitrary<List<LocalDate>> threeDays() {
    return Combinators.combine(days(), days(), days()).as(List::of);
  }

  // --- properties ----------------------------------------------------------------------------

  @Property
  void plusAlwaysLandsOnAWorkingDay(
      @ForAll("calendars") Calendar calendar,
      @ForAll("days") LocalDate start,
      @ForAll @IntRange(min = 0, max = 60) int n) {
    assertThat(calendar.rule().isWorkingDay(calendar.rule().plus(start, n))).isTrue();
  }

  @Property
  void betweenCountsBackTheDaysAdded(
      @ForAll("calendars") Calendar calendar,
      @ForAll("days") LocalDate start,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    assertThat(calendar.rule().between(start, calendar.rule().plus(start, n))).isEqualTo(n);
  }

  @Property
  void plusSkipsNoWorkingDay(
      @ForAll("calendars") Calendar calendar,
      @ForAll("days") LocalDate start,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    LocalDate due = calendar.rule().plus(start, n);
    // the day before the deadline still has only n - 1 working days after the start
    assertThat(calendar.rule().between(start, due.minusDays(1))).isEqualTo(n - 1);
  }

  @Property
  void plusIsStrictlyIncreasingInN(
      @ForAll("calendars") Calendar calendar,
      @ForAll("days") LocalDate start,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    WorkingDays rule = calendar.rule();
    assertThat(rule.plus(start, n + 1)).isAfter(rule.plus(start, n));
  }

  /**
   * {@code n = 0} means "the same day if possible": on a closed day that is the first working day
   * after it, which is also {@code plus(d, 1)}.
   */
  @Property
  void plusZeroEqualsPlusOneExactlyOnClosedDays(
      @ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate start) {
    WorkingDays rule = calendar.rule();
    if (rule.isWorkingDay(start)) {
      assertThat(rule.plus(start, 0)).isEqualTo(start).isBefore(rule.plus(start, 1));
    } else {
      assertThat(rule.plus(start, 0)).isEqualTo(rule.plus(start, 1));
    }
  }

  @Property
  void plusOfOneIsAfterTheStart(
      @ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate start) {
    assertThat(calendar.rule().plus(start, 1)).isAfter(start);
  }

  @Property
  void plusZeroIsNextOrSame(@ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate day) {
    assertThat(calendar.rule().plus(day, 0)).isEqualTo(calendar.rule().nextOrSame(day));
  }

  @Property
  void nextOrSameIsTheFirstWorkingDayFromTheDay(
      @ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate day) {
    WorkingDays rule = calendar.rule();
    LocalDate next = rule.nextOrSame(day);
    assertThat(next).isAfterOrEqualTo(day);
    assertThat(rule.isWorkingDay(next)).isTrue();
    for (LocalDate d = day; d.isBefore(next); d = d.plusDays(1)) {
      assertThat(rule.isWorkingDay(d)).as("skipped working day %s", d).isFalse();
    }
  }

  @Property
  void betweenIsAntisymmetric(
      @ForAll("calendars") Calendar calendar,
      @ForAll("days") LocalDate a,
      @ForAll("days") LocalDate b) {
    assertThat(calendar.rule().between(a, b)).isEqualTo(-calendar.rule().between(b, a));
  }

  @Property
  void betweenIsAdditive(
      @ForAll("calendars") Calendar calendar, @ForAll("threeDays") List<LocalDate> days) {
    WorkingDays rule = calendar.rule();
    LocalDate a = days.get(0);
    LocalDate b = days.get(1);
    LocalDate c = days.get(2);
    assertThat(rule.between(a, b) + rule.between(b, c)).isEqualTo(rule.between(a, c));
  }

  @Property
  void betweenADayAndTheNextIsOneExactlyWhenTheNextIsAWorkingDay(
      @ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate day) {
    WorkingDays rule = calendar.rule();
    assertThat(rule.between(day, day.plusDays(1)))
        .isEqualTo(rule.isWorkingDay(day.plusDays(1)) ? 1 : 0);
    assertThat(rule.between(day, day)).isZero();
  }

  @Property
  void weekendsAndClosedDaysAreNeverWorkingDays(
      @ForAll("calendars") Calendar calendar, @ForAll("days") LocalDate day) {
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    assertThat(calendar.rule().isWorkingDay(day))
        .isEqualTo(!weekend && !calendar.closed().contains(day));
  }

  @Property
  void everyListedClosedDayIsClosed(@ForAll("calendars") Calendar calendar) {
    calendar.closed().forEach(day -> assertThat(calendar.rule().isWorkingDay(day)).isFalse());
  }

  @Property
  void negativeNIsRejected(
      @ForAll("days") LocalDate start, @ForAll @IntRange(min = -1000, max = -1) int n) {
    assertThatThrownBy(() -> new WorkingDays(Set.of()).plus(start, n))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- examples on the real 2026 calendar ------------------------------------------------------

  private static final WorkingDays CALENDAR_2026 = new WorkingDays(nationalDays2026());

  /** The closed days inserted by {@code V2__national_holidays_2026.sql}. */
  static Set<LocalDate> nationalDays2026() {
    try (InputStream in =
        WorkingDaysTests.class.getResourceAsStream(
            "/db/migration/V2__national_holidays_2026.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("date '(\\d{4}-\\d{2}-\\d{2})'").matcher(sql);
      Set<LocalDate> days = new java.util.HashSet<>();
      while (m.find()) {
        days.add(LocalDate.parse(m.group(1)));
      }
      return days;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Example
  void theMigrationLists25NationalDays() {
    assertThat(nationalDays2026()).hasSize(25);
  }

  @Example
  void fiveWorkingDaysAfterNyepiSkipTheIdulFitriHolidays() {
    // Thu 19 Mar Nyepi, Fri 20 cuti bersama, Sat/Sun 21-22 Idul Fitri, Mon-Tue 23-24 cuti bersama:
    // Wed 25, Thu 26, Fri 27, Mon 30, Tue 31.
    assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 3, 19), 5))
        .isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Example
  void oneWorkingDayAfterTuesdayBeforeNyepiIsTheNextWednesday() {
    assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 3, 17), 1))
        .isEqualTo(LocalDate.of(2026, 3, 25));
  }

  @Example
  void independenceDayOnAMondayIsNotAWorkingDay() {
    LocalDate proklamasi = LocalDate.of(2026, 8, 17);
    assertThat(proklamasi.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(CALENDAR_2026.isWorkingDay(proklamasi)).isFalse();
    assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 8, 14), 1))
        .isEqualTo(LocalDate.of(2026, 8, 18));
  }

  @Example
  void tenWorkingDaysFromFriday8MaySkipAscensionAndItsCutiBersama() {
    // Mon 11-Wed 13 (3), Thu 14 Kenaikan, Fri 15 cuti bersama, Mon 18-Fri 22 (8), Mon 25, Tue 26.
    assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 5, 8), 10))
        .isEqualTo(LocalDate.of(2026, 5, 26));
  }

  @Example
  void anApplicationOnChristmasEveIsHandledFromTheMondayAfter() {
    assertThat(CALENDAR_2026.nextOrSame(LocalDate.of(2026, 12, 24)))
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 12, 24), 0))
        .isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Example
  void sameDayServiceOnAWorkingDayIsThatDay() {
    LocalDate wednesday = LocalDate.of(2026, 11, 25);
    assertThat(CALENDAR_2026.plus(wednesday, 0)).isEqualTo(wednesday);
  }

  @Example
  void year2026Has240WorkingDays() {
    // 261 weekdays (the year starts on a Thursday) minus 21 national days on a weekday.
    assertThat(CALENDAR_2026.between(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
        .isEqualTo(240);
  }

  @Example
  void aDeadlineCountedInDecemberIntoAYearNotEnteredYetSkipsNewYearsDay() {
    // 2027's national days not entered: Fri 1 January 2027 is still Tahun Baru
    WorkingDays december = new WorkingDays(nationalDays2026(), List.of(2026));
    assertThat(december.nationalDaysEntered(2027)).isFalse();
    assertThat(december.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    // Tue 29, Wed 30, Thu 31 December, (Fri 1 January Tahun Baru), Mon 4 January
    assertThat(december.plus(LocalDate.of(2026, 12, 28), 4)).isEqualTo(LocalDate.of(2027, 1, 4));
    // the other fixed-date holidays of 2027: 17 August is a Tuesday, 25 December a Saturday
    assertThat(december.isWorkingDay(LocalDate.of(2027, 8, 17))).isFalse();
    assertThat(december.isWorkingDay(LocalDate.of(2027, 8, 18))).isTrue();
  }

  @Example
  void onceAYearIsEnteredItsListGoverns() {
    // entered with 1 January forgotten: the list is what the regency decided
    WorkingDays entered = new WorkingDays(Set.of(LocalDate.of(2027, 3, 10)), List.of(2027));
    assertThat(entered.nationalDaysEntered(2027)).isTrue();
    assertThat(entered.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(entered.isWorkingDay(LocalDate.of(2027, 3, 10))).isFalse();
  }

  @Example
  void aCalendarThatClosesEveryDayFailsInsteadOfLoopingForever() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    Set<LocalDate> all = new java.util.HashSet<>();
    for (int i = 0; i < 4_000; i++) {
      all.add(start.plusDays(i));
    }
    WorkingDays closed = new WorkingDays(all);
    assertThatThrownBy(() -> closed.plus(start, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> closed.nextOrSame(start)).isInstanceOf(IllegalStateException.class);
  }
}
