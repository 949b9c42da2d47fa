package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTests {

  /** A table of {@code rows} rows that a step deletes from, recording each limit it was given. */
  static final class Table {
    int rows;
    final List<Integer> calls = new ArrayList<>();

    Table(int rows) {
      this.rows = rows;
    }

    int delete(int limit) {
      calls.add(limit);
      int deleted = Math.min(limit, rows);
      rows -= deleted;
      return deleted;
    }
  }

  @Test
  void loopsUntilABatchComesBackShort() {
    Table table = new Table(2_500);

    assertThat(Batches.untilDone(1_000, table::delete)).isEqualTo(2_500);
    assertThat(table.rows).isZero();
    assertThat(table.calls).containsExactly(1_000, 1_000, 1_000);
  }

  @Test
  void anExactMultipleTakesOneMoreEmptyBatchToKnowItIsDone() {
    Table table = new Table(2_000);

    assertThat(Batches.untilDone(1_000, table::delete)).isEqualTo(2_000);
    assertThat(table.calls).containsExactly(1_000, 1_000, 1_000);
  }

  @Test
  void nothingToDoIsOneCall() {
    Table table = new Table(0);

    assertThat(Batches.untilDone(1_000, table::delete)).isZero();
    assertThat(table.calls).containsExactly(1_000);
  }

  @Test
  void aStepThatReportsMoreThanItsLimitOrANegativeCountIsABug() {
    assertThatThrownBy(() -> Batches.untilDone(10, limit -> 11))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Batches.untilDone(10, limit -> -1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Batches.untilDone(0, limit -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
