package id.go.kecamatan.statistics.web;

import id.go.kecamatan.statistics.Disclosure;
import java.util.List;

/**
 * Complementary (secondary) suppression: which further counts a public output must hide so that no
 * count hidden as "< 5" can be worked out from the figures shown beside it.
 *
 * <p>The cells are numbered; a {@link Relation} says that one cell is the sum of others (a month's
 * applications received are those received online, at the counter and at a village office; a
 * period's count is the sum of its months'). A count from 1 to 4 is hidden ({@link Mark#SMALL}, "<
 * 5": a reader knows it lies in 1..4); a count hidden only to protect one ({@link Mark#PROTECTING})
 * is written with its own mark, so a reader knows it is 5 or more. Zero is always shown.
 *
 * <p>The rule, repeated over every relation until nothing changes: from the cells shown and the
 * ranges the hidden ones are known to lie in, if a relation pins any hidden cell of it down to one
 * value (one hidden cell alone; hidden small counts that must all be 1 or all be 4; a hidden total
 * whose parts are all shown), one more of its cells is hidden: the smallest non-zero part shown, or
 * the total when no such part is left. Each relation is read on its own; a reader combining the
 * ranges of several relations may narrow a hidden count without pinning it.
 */
final class ComplementarySuppression {

  /** How a count is published. */
  enum Mark {
    /** As it is. */
    SHOWN,
    /** From 1 to 4: written "< 5". */
    SMALL,
    /** 5 or more, hidden so that a small count cannot be worked out (the secondary mark). */
    PROTECTING
  }

  /**
   * The cell {@code total} is the sum of the cells {@code parts}; when not {@code exact}, of the
   * parts and a remainder that no output shows (at least 0), e.g. the regency's count and its
   * active offices' counts, which leave out an office made inactive.
   */
  record Relation(int total, List<Integer> parts, boolean exact) {

    Relation {
      parts = List.copyOf(parts);
    }
  }

  private ComplementarySuppression() {}

  /** How each count of {@code values} is published under {@code relations}. */
  static Mark[] marks(long[] values, List<Relation> relations) {
    Mark[] marks = new Mark[values.length];
    for (int i = 0; i < values.length; i++) {
      marks[i] = Disclosure.shown(values[i]) ? Mark.SHOWN : Mark.SMALL;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation r : relations) {
        if (pinsAHiddenCell(r, values, marks)) {
          int next = nextToHide(r, values, marks);
          if (next >= 0) {
            marks[next] = Mark.PROTECTING;
            changed = true;
          }
        }
      }
    }
    return marks;
  }

  /**
   * Whether the relation, with the cells shown and the known ranges of the hidden ones, leaves one
   * hidden cell a single possible value. Written as {@code sum(parts) (+ remainder) - total = 0}:
   * each hidden cell's range is what the known figures and the other unknowns' ranges allow.
   */
  static boolean pinsAHiddenCell(Relation r, long[] values, Mark[] marks) {
    int n = r.parts().size() + 1;
    long known = 0; // sum(shown parts) - total when shown
    // the hidden cells' signed sum lies in [low, high]; unbounded ends counted apart
    long low = 0;
    long high = 0;
    int unboundedLow = 0;
    int unboundedHigh = r.exact() ? 0 : 1; // the remainder: 0 or more
    boolean anyHidden = false;
    for (int i = 0; i < n; i++) {
      int cell = i < n - 1 ? r.parts().get(i) : r.total();
      int sign = i < n - 1 ? 1 : -1;
      Mark m = marks[cell];
      if (m == Mark.SHOWN) {
        known += sign * values[cell];
        continue;
      }
      anyHidden = true;
      if (sign > 0) {
        low += least(m);
        if (bounded(m)) {
          high += greatest(m);
        } else {
          unboundedHigh++;
        }
      } else {
        high -= least(m);
        if (bounded(m)) {
          low -= greatest(m);
        } else {
          unboundedLow++;
        }
      }
    }
    if (!anyHidden) {
      return false;
    }
    // known + (hidden cells' signed sum) = 0: each hidden cell's range given the others'
    for (int i = 0; i < n; i++) {
      int cell = i < n - 1 ? r.parts().get(i) : r.total();
      int sign = i < n - 1 ? 1 : -1;
      Mark m = marks[cell];
      if (m == Mark.SHOWN) {
        continue;
      }
      long othersLow = low;
      long othersHigh = high;
      int othersUnboundedLow = unboundedLow;
      int othersUnboundedHigh = unboundedHigh;
      if (sign > 0) {
        othersLow -= least(m);
        if (bounded(m)) {
          othersHigh -= greatest(m);
        } else {
          othersUnboundedHigh--;
        }
      } else {
        othersHigh += least(m);
        if (bounded(m)) {
          othersLow += greatest(m);
        } else {
          othersUnboundedLow--;
        }
      }
      // x = -(known + others) for a part, x = known + others for the total
      long from = least(m);
      long to = bounded(m) ? greatest(m) : Long.MAX_VALUE;
      if (sign > 0) {
        if (othersUnboundedHigh == 0) {
          from = Math.max(from, -known - othersHigh);
        }
        if (othersUnboundedLow == 0) {
          to = Math.min(to, -known - othersLow);
        }
      } else {
        if (othersUnboundedLow == 0) {
          from = Math.max(from, known + othersLow);
        }
        if (othersUnboundedHigh == 0) {
          to = Math.min(to, known + othersHigh);
        }
      }
      if (from == to) {
        return true;
      }
    }
    return false;
  }

  private static boolean bounded(Mark m) {
    return m == Mark.SMALL;
  }

  private static long least(Mark m) {
    return m == Mark.SMALL ? 1 : Disclosure.MIN_SHOWN;
  }

  /** The greatest value of a bounded (small) hidden count. */
  private static long greatest(Mark m) {
    return Disclosure.MIN_SHOWN - 1;
  }

  /** The smallest non-zero part shown, else the total when shown and non-zero, else -1. */
  private static int nextToHide(Relation r, long[] values, Mark[] marks) {
    int next = -1;
    for (int part : r.parts()) {
      if (marks[part] == Mark.SHOWN
          && values[part] != 0
          && (next < 0 || values[part] < values[next])) {
        next = part;
      }
    }
    if (next < 0 && marks[r.total()] == Mark.SHOWN && values[r.total()] != 0) {
      next = r.total();
    }
    return next;
  }
}
