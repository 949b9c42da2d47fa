package id.go.kecamatan.letters.internal.numbering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The letters of each office being signed in this process, each with the number it expects, in the
 * order their numbers were expected. Only an estimate for rendering before the number is taken: a
 * number is always taken from the database ({@link LetterNumbering#take}), and a letter that
 * expected another one is laid out again with the number it got. See {@link LetterNumbering#claim}.
 */
final class NumberClaims {

  private static final Logger log = LoggerFactory.getLogger(NumberClaims.class);

  /** The number a new claim expects, given the highest number open claims expect per sequence. */
  @FunctionalInterface
  interface Expectation {
    LetterNumber expect(Highest highest);
  }

  /** The highest number the open claims of a sequence (scope key and year) expect, or 0. */
  @FunctionalInterface
  interface Highest {
    int of(String scopeKey, int year);
  }

  private final Map<UUID, Line> lines = new HashMap<>();
  private final Duration patience;

  /**
   * @param patience how long a claim waits for the claims before it; after that it goes ahead (and
   *     its number may then differ from the one it expected)
   */
  NumberClaims(Duration patience) {
    this.patience = patience;
  }

  /**
   * A new claim of the office, expecting what {@code expectation} says, which runs while no other
   * claim of the office starts or ends: so a claim made after another one ended (after its commit)
   * reads that number as taken, and one made before counts it as expected.
   */
  LetterNumbering.Claim claim(UUID officeId, Expectation expectation) {
    Line line;
    synchronized (lines) {
      line = lines.computeIfAbsent(officeId, id -> new Line());
      line.users++;
    }
    try {
      synchronized (line) {
        Claim claim = new Claim(officeId, line, expectation.expect(line::highest), line.next++);
        line.open.add(claim);
        return claim;
      }
    } catch (RuntimeException | Error e) {
      release(officeId, line);
      throw e;
    }
  }

  /** The office's claims; forgotten when none is open. */
  private static final class Line {
    final List<Claim> open = new ArrayList<>();
    long next;
    int users;

    int highest(String scopeKey, int year) {
      int highest = 0;
      for (Claim claim : open) {
        if (claim.sameSequence(scopeKey, year)) {
          highest = Math.max(highest, claim.expected.sequence());
        }
      }
      return highest;
    }
  }

  private void release(UUID officeId, Line line) {
    synchronized (lines) {
      if (--line.users == 0) {
        lines.remove(officeId, line);
      }
    }
  }

  private final class Claim implements LetterNumbering.Claim {

    private final UUID officeId;
    private final Line line;
    private final LetterNumber expected;
    private final long order;
    private boolean closed;

    Claim(UUID officeId, Line line, LetterNumber expected, long order) {
      this.officeId = officeId;
      this.line = line;
      this.expected = expected;
      this.order = order;
    }

    boolean sameSequence(String scopeKey, int year) {
      return expected.scope().equals(scopeKey) && expected.year() == year;
    }

    @Override
    public LetterNumber expected() {
      return expected;
    }

    @Override
    public void awaitTurn() throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      synchronized (line) {
        while (waitsFor()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            log.warn(
                "A letter of office {} waited {} for the letters before it; it goes ahead",
                officeId,
                patience);
            return;
          }
          line.wait(Math.max(1, left / 1_000_000));
        }
      }
    }

    /** Whether an earlier claim of the same sequence is still open. */
    private boolean waitsFor() {
      for (Claim other : line.open) {
        if (other.order < order && other.sameSequence(expected.scope(), expected.year())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      synchronized (line) {
        if (closed) {
          return;
        }
        closed = true;
        line.open.remove(this);
        line.notifyAll();
      }
      release(officeId, line);
    }
  }
}
