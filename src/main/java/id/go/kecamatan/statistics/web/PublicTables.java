package id.go.kecamatan.statistics.web;

import id.go.kecamatan.statistics.Figures;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.statistics.Statistics;
import id.go.kecamatan.surveys.Tally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one public output (the transparency page, an open data sheet, a monthly report)
 * together, so that no count suppressed as "< 5" can be worked out from the others the output shows
 * ({@link ComplementarySuppression}). Each row's received applications are the sum of its channels
 * and its finished applications the sum of the approved and the rejected; {@link #sum} adds that a
 * row (a period, a month) is the sum of others (its months, its services, its offices) in each
 * count's column. A sum whose parts do not add up to it (a measure kept without a service, a
 * regency's office made inactive) is taken as the parts and a remainder no output shows.
 */
final class PublicTables {

  private static final List<String> COUNTS =
      FigureTable.COLUMNS.stream().filter(FigureTable::isCount).toList();

  /** A total and its parts within each row. */
  private static final List<List<String>> WITHIN_A_ROW =
      List.of(
          List.of("measure.RECEIVED", "channel.ONLINE", "channel.COUNTER", "channel.VILLAGE"),
          List.of("measure.FINISHED", "measure.APPROVED", "measure.REJECTED"));

  private static final List<String> COMPLAINTS =
      List.of(
          "measure.COMPLAINTS_RECEIVED",
          "measure.COMPLAINTS_ANSWERED",
          "measure.COMPLAINTS_ANSWERED_ON_TIME");

  private record Sum(int total, List<Integer> parts, List<String> columns) {}

  private final List<FigureTable> exact = new ArrayList<>();
  private final List<FigureTable> suppressed = new ArrayList<>();
  private final List<Sum> sums = new ArrayList<>();
  private List<FigureTable> published;

  /** Adds a row; returns its number. */
  int add(String label, String key, Figures.Row row) {
    if (published != null) {
      throw new IllegalStateException("The tables are published already");
    }
    exact.add(FigureTable.of(label, key, row, false));
    suppressed.add(FigureTable.of(label, key, row, true));
    return exact.size() - 1;
  }

  /**
   * Adds the complaints of each category and kind (their three counts; the other columns 0), the
   * category as the row's label and the kind as its key.
   */
  List<Integer> addComplaintGroups(List<Statistics.ComplaintGroup> groups) {
    List<Integer> added = new ArrayList<>();
    for (Statistics.ComplaintGroup g : groups) {
      Map<Measure, Long> counts = new EnumMap<>(Measure.class);
      counts.put(Measure.COMPLAINTS_RECEIVED, g.received());
      counts.put(Measure.COMPLAINTS_ANSWERED, g.answered());
      counts.put(Measure.COMPLAINTS_ANSWERED_ON_TIME, g.answeredOnTime());
      added.add(
          add(
              g.category(),
              g.kind(),
              new Figures.Row(g.kind(), counts, Map.of(), new long[0], Tally.EMPTY)));
    }
    return added;
  }

  /** The row {@code total} is the sum of the rows {@code parts} in every count's column. */
  PublicTables sum(int total, List<Integer> parts) {
    return sum(total, parts, COUNTS);
  }

  /** The row {@code total} is the sum of the complaint groups {@code parts} in their columns. */
  PublicTables sumOfComplaintGroups(int total, List<Integer> parts) {
    return sum(total, parts, COMPLAINTS);
  }

  private PublicTables sum(int total, List<Integer> parts, List<String> columns) {
    if (!parts.isEmpty()) {
      sums.add(new Sum(total, List.copyOf(parts), columns));
    }
    return this;
  }

  /** A row as the output shows it. */
  FigureTable get(int row) {
    return published().get(row);
  }

  /** Rows as the output shows them. */
  List<FigureTable> get(List<Integer> rows) {
    return rows.stream().map(this::get).toList();
  }

  private List<FigureTable> published() {
    if (published == null) {
      published = protect();
    }
    return published;
  }

  private int cell(int row, String column) {
    return row * COUNTS.size() + COUNTS.indexOf(column);
  }

  private long value(int row, String column) {
    return exact.get(row).cell(column).value();
  }

  private List<FigureTable> protect() {
    long[] values = new long[exact.size() * COUNTS.size()];
    for (int r = 0; r < exact.size(); r++) {
      for (String c : COUNTS) {
        values[cell(r, c)] = value(r, c);
      }
    }
    List<ComplementarySuppression.Relation> relations = new ArrayList<>();
    for (int r = 0; r < exact.size(); r++) {
      for (List<String> within : WITHIN_A_ROW) {
        List<Integer> parts = new ArrayList<>();
        for (String part : within.subList(1, within.size())) {
          parts.add(cell(r, part));
        }
        relations.add(relation(values, cell(r, within.get(0)), parts));
      }
    }
    for (Sum s : sums) {
      for (String c : s.columns()) {
        relations.add(
            relation(values, cell(s.total(), c), s.parts().stream().map(p -> cell(p, c)).toList()));
      }
    }
    ComplementarySuppression.Mark[] marks = ComplementarySuppression.marks(values, relations);
    List<FigureTable> tables = new ArrayList<>();
    for (int r = 0; r < exact.size(); r++) {
      Set<String> hidden = new HashSet<>();
      for (String c : COUNTS) {
        if (marks[cell(r, c)] == ComplementarySuppression.Mark.PROTECTING) {
          hidden.add(c);
        }
      }
      tables.add(suppressed.get(r).hiding(hidden));
    }
    return List.copyOf(tables);
  }

  /** Exact when the parts add up to the total, else with a remainder no output shows. */
  private static ComplementarySuppression.Relation relation(
      long[] values, int total, List<Integer> parts) {
    long sum = 0;
    for (int p : parts) {
      sum += values[p];
    }
    return new ComplementarySuppression.Relation(total, parts, sum == values[total]);
  }
}
