package id.go.kecamatan.statistics.web;

import java.time.YearMonth;

/**
 * The period a page or file shows: the twelve months ending with the chosen month. A month and year
 * typed into the address are read defensively: anything that is not a month between {@link
 * #FIRST_YEAR} and the current month gives the last twelve months and {@code invalid}.
 */
public record Period(YearMonth from, YearMonth to, boolean invalid) {

  public static final int FIRST_YEAR = 2020;
  public static final int MONTHS = 12;

  public static Period of(String month, String year, YearMonth current) {
    if ((month == null || month.isBlank()) && (year == null || year.isBlank())) {
      return ending(current, false);
    }
    YearMonth chosen = parse(month, year);
    if (chosen == null || chosen.isAfter(current) || chosen.getYear() < FIRST_YEAR) {
      return ending(current, true);
    }
    return ending(chosen, false);
  }

  /** A month like {@code 2026-11}, or null. */
  public static YearMonth parse(String month, String year) {
    if (month == null || year == null || month.length() > 2 || year.length() != 4) {
      return null;
    }
    if (!month.chars().allMatch(Character::isDigit) || !year.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      return null;
    }
    return YearMonth.of(Integer.parseInt(year), m);
  }

  static Period ending(YearMonth to, boolean invalid) {
    return new Period(to.minusMonths(MONTHS - 1), to, invalid);
  }
}
