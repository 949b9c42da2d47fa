package id.go.kecamatan.statistics;

/** Percentiles of a histogram by the nearest-rank method. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The smallest value {@code v} such that at least {@code p} percent of the counted items are at
   * most {@code v} (nearest rank: rank = ceil(p/100 * n)); null for an empty histogram.
   *
   * @param histogram at index {@code v}, how many items have value {@code v}
   */
  public static Integer of(long[] histogram, int p) {
    long n = 0;
    for (long count : histogram) {
      n += count;
    }
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (p * n + 99) / 100);
    long seen = 0;
    for (int v = 0; v < histogram.length; v++) {
      seen += histogram[v];
      if (seen >= rank) {
        return v;
      }
    }
    return histogram.length - 1;
  }
}
