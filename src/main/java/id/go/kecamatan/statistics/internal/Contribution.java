package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.statistics.Measure;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One thing a fact adds to the monthly figures: one count of a measure in a month, or (with {@code
 * days}) one finished application that took that many working days. Stored on the fact as text
 * ({@code 2026-11|RECEIVED}, {@code 2026-11|D|3}) so a recomputation can take it back.
 */
public record Contribution(YearMonth month, Measure measure, Integer days) {

  public static Contribution count(YearMonth month, Measure measure) {
    return new Contribution(month, measure, null);
  }

  public static Contribution duration(YearMonth month, int days) {
    return new Contribution(month, null, days);
  }

  public boolean isDuration() {
    return days != null;
  }

  public LocalDate firstDay() {
    return month.atDay(1);
  }

  public String encode() {
    return month + "|" + (isDuration() ? "D|" + days : measure.name());
  }

  public static Contribution decode(String text) {
    String[] parts = text.split("\\|");
    YearMonth month = YearMonth.parse(parts[0]);
    return parts[1].equals("D")
        ? duration(month, Integer.parseInt(parts[2]))
        : count(month, Measure.valueOf(parts[1]));
  }
}
