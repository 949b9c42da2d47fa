package id.go.kecamatan.complaints.web;

import id.go.kecamatan.complaints.ComplaintRegister;
import id.go.kecamatan.shared.web.Disclosure;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The complaints an office received per category in the last {@value #MONTHS} months as the public
 * register shows them: counts from 1 to 4 suppressed ({@link Disclosure}, null here), the total per
 * month likewise.
 */
public record RegisterCounts(
    List<YearMonth> months, List<RegisterCounts.Row> rows, RegisterCounts.Row total) {

  static final int MONTHS = 6;

  /** One row: a category (or the total) and its counts, null when suppressed. */
  public record Row(String label, List<Long> counts) {}

  static RegisterCounts of(List<ComplaintRegister.MonthlyCount> counts, YearMonth last) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      months.add(last.minusMonths(i));
    }
    Map<UUID, String> names = new LinkedHashMap<>();
    Map<UUID, long[]> byCategory = new LinkedHashMap<>();
    long[] total = new long[MONTHS];
    for (ComplaintRegister.MonthlyCount c : counts) {
      int column = months.indexOf(c.month());
      if (column < 0) {
        continue;
      }
      names.putIfAbsent(c.categoryId(), c.categoryName());
      byCategory.computeIfAbsent(c.categoryId(), k -> new long[MONTHS])[column] += c.count();
      total[column] += c.count();
    }
    List<Row> rows = new ArrayList<>();
    byCategory.forEach((id, values) -> rows.add(new Row(names.get(id), shown(values))));
    return new RegisterCounts(months, rows, new Row("", shown(total)));
  }

  private static List<Long> shown(long[] values) {
    List<Long> shown = new ArrayList<>();
    for (long v : values) {
      shown.add(Disclosure.count(v));
    }
    return shown;
  }
}
