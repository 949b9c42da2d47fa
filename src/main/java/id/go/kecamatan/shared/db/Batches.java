package id.go.kecamatan.shared.db;

import java.util.function.IntUnaryOperator;

/**
 * Work on a large set of rows in bounded pieces, for purges: each piece is one short statement (and
 * transaction), so that a large backlog never holds many row locks or one long transaction.
 */
public final class Batches {

  private Batches() {}

  /**
   * Calls {@code step} with {@code limit} until a call handles fewer rows than that (nothing is
   * left, or only rows another transaction holds).
   *
   * @param limit the most rows one call may handle, at least 1
   * @param step handles up to the given number of rows and returns how many it handled
   * @return the rows handled in all
   */
  public static long untilDone(int limit, IntUnaryOperator step) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    long total = 0;
    int handled;
    do {
      handled = step.applyAsInt(limit);
      if (handled < 0 || handled > limit) {
        throw new IllegalStateException(handled + " rows handled of at most " + limit);
      }
      total += handled;
    } while (handled == limit);
    return total;
  }
}
