package id.go.kecamatan.statistics.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as inline SVG on the server: one bar per month. A suppressed count draws no bar
 * (its label says "< 5"), so the chart never shows more than the table beside it.
 */
public record Chart(int width, int height, List<Bar> bars) {

  public record Bar(int x, int y, int width, int height, String label, String value) {}

  static final int WIDTH = 320;
  static final int HEIGHT = 160;
  static final int AXIS = 20;

  public static Chart of(List<String> labels, List<Long> values, List<String> texts) {
    long max = values.stream().filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
    int n = Math.max(1, labels.size());
    int slot = WIDTH / n;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Long v = values.get(i);
      int h = v == null || max == 0 ? 0 : (int) Math.round((HEIGHT - AXIS - 14) * (double) v / max);
      bars.add(
          new Bar(
              i * slot + 2,
              HEIGHT - AXIS - h,
              Math.max(1, slot - 4),
              h,
              labels.get(i),
              texts.get(i)));
    }
    return new Chart(WIDTH, HEIGHT, bars);
  }
}
