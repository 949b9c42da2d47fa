package id.go.kecamatan.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reporting period of the survey: a month, quarter (triwulan), semester or year, as Permenpan RB
 * 14/2017 lets an office choose. Written in addresses as {@code periode=triwulan&tahun=2026&ke=4}.
 *
 * @param number the month (1-12), quarter (1-4) or semester (1-2) in the year; 1 for a year
 */
public record Period(Kind kind, int year, int number) {

  /** The kinds of period, with their address word and how many fit in a year. */
  public enum Kind {
    MONTH("bulan", 12),
    QUARTER("triwulan", 4),
    SEMESTER("semester", 2),
    YEAR("tahun", 1);

    private final String word;
    private final int perYear;

    Kind(String word, int perYear) {
      this.word = word;
      this.perYear = perYear;
    }

    public String word() {
      return word;
    }

    public int perYear() {
      return perYear;
    }

    public int months() {
      return 12 / perYear;
    }

    static Optional<Kind> byWord(String word) {
      for (Kind kind : values()) {
        if (kind.word.equals(word)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** The first year a period may lie in. */
  public static final int FIRST_YEAR = 2000;

  public Period {
    if (year < FIRST_YEAR || year > 2999 || number < 1 || number > kind.perYear) {
      throw new IllegalArgumentException(kind + " " + year + "/" + number);
    }
  }

  /** The period of this kind that holds the day. */
  public static Period of(Kind kind, LocalDate day) {
    return new Period(kind, day.getYear(), (day.getMonthValue() - 1) / kind.months() + 1);
  }

  /**
   * The period of an address's parameters, or the year of {@code today} when they are missing or
   * wrong (a period after today's is refused the same way, and one of {@link #FIRST_YEAR}, whose
   * page would show the period before it).
   */
  public static Period parse(String kind, String year, String number, LocalDate today) {
    Period fallback = of(Kind.YEAR, today);
    if (kind == null || year == null) {
      return fallback;
    }
    Optional<Kind> k = Kind.byWord(kind.toLowerCase(Locale.ROOT));
    if (k.isEmpty() || !year.matches("\\d{4}")) {
      return fallback;
    }
    int n = 1;
    if (k.get() != Kind.YEAR) {
      if (number == null || !number.matches("\\d{1,2}")) {
        return fallback;
      }
      n = Integer.parseInt(number);
    }
    try {
      Period period = new Period(k.get(), Integer.parseInt(year), n);
      return period.from().isAfter(today) || period.year == FIRST_YEAR ? fallback : period;
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  public LocalDate from() {
    return LocalDate.of(year, (number - 1) * kind.months() + 1, 1);
  }

  /** The last day of the period. */
  public LocalDate to() {
    return from().plusMonths(kind.months()).minusDays(1);
  }

  public Period previous() {
    return of(kind, from().minusDays(1));
  }

  public Period next() {
    return of(kind, to().plusDays(1));
  }

  /**
   * This period and up to {@code count - 1} before it, oldest first; none before {@link
   * #FIRST_YEAR}.
   */
  public List<Period> withPrevious(int count) {
    List<Period> periods = new ArrayList<>();
    Period period = this;
    for (int i = 0; i < count; i++) {
      periods.add(period);
      if (period.year == FIRST_YEAR && period.number == 1) {
        break;
      }
      period = period.previous();
    }
    Collections.reverse(periods);
    return periods;
  }

  /** The query string of this period, e.g. {@code periode=triwulan&tahun=2026&ke=4}. */
  public String query() {
    return "periode=" + kind.word + "&tahun=" + year + (kind == Kind.YEAR ? "" : "&ke=" + number);
  }

  /**
   * The period in a file name, one name per period: {@code 2026} (the year), {@code
   * 2026-semester-1}, {@code 2026-triwulan-1}, {@code 2026-01} (a month); not the first day, which
   * a year shares with its first semester, quarter and month.
   */
  public String fileName() {
    return switch (kind) {
      case YEAR -> String.valueOf(year);
      case MONTH -> String.format(Locale.ROOT, "%d-%02d", year, number);
      default -> year + "-" + kind.word + "-" + number;
    };
  }

  /** The message key of its name and its arguments (number, year). */
  public String labelKey() {
    return "surveys.period." + kind.word;
  }

  public Object[] labelArgs() {
    return new Object[] {number, String.valueOf(year)};
  }
}
