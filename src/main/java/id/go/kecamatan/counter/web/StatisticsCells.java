package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.QueueStatistics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The statistics page's cells: counts as they are, minutes with one decimal, "–" for none. */
public final class StatisticsCells {

  private StatisticsCells() {}

  public static List<String> cells(QueueStatistics.Row row) {
    return Arrays.stream(CounterStatistics.values(row))
        .map(
            v ->
                v == null
                    ? "–"
                    : v instanceof Double d
                        ? String.format(Locale.forLanguageTag("id"), "%.1f", d)
                        : String.valueOf(v))
        .toList();
  }
}
