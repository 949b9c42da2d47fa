package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a memo keeps, and when it lets go. */
class MemoTests {

  /** Table changes as a node that listens (or not) sees them, without a database. */
  static class Changes extends TableChanges {
    boolean listening = true;

    Changes() {
      super(null);
    }

    @Override
    public boolean listening() {
      return listening;
    }
  }

  final Changes changes = new Changes();
  final AtomicInteger loads = new AtomicInteger();

  String load(String key) {
    return key + "#" + loads.incrementAndGet();
  }

  @Test
  void keepsWhatItLoadedUntilItsTableChanges() {
    Memo<String, String> offices = changes.memo("offices", Set.of("office"), 100);
    Memo<String, String> services = changes.memo("services", Set.of("service_type"), 100);
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#1");
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#1");
    assertThat(services.get("SKTM", this::load)).isEqualTo("SKTM#2");

    changes.changed("office");

    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#3");
    assertThat(services.get("SKTM", this::load)).as("another table's memo").isEqualTo("SKTM#2");
  }

  @Test
  void aValueLoadedWhileItsTableChangedIsNotKept() {
    Memo<String, String> offices = changes.memo("offices", Set.of("office"), 100);
    String during =
        offices.get(
            "jetis",
            key -> {
              String read = load(key);
              // the change commits on another node after this read
              changes.changed("office");
              return read;
            });
    assertThat(during).isEqualTo("jetis#1");
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#2");
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#2");
  }

  @Test
  void keepsNothingWhileChangesDoNotReachTheNode() {
    Memo<String, String> offices = changes.memo("offices", Set.of("office"), 100);
    changes.listening = false;
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#1");
    assertThat(offices.get("jetis", this::load)).isEqualTo("jetis#2");
    assertThat(offices.size()).isZero();
  }

  @Test
  void startsOverWhenFull() {
    Memo<String, String> offices = changes.memo("offices", Set.of("office"), 3);
    for (int i = 0; i < 10; i++) {
      offices.get("slug-" + i, this::load);
      assertThat(offices.size()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void forgetsOneKeyThisNodeChanged() {
    Memo<String, String> figures = changes.memo("figures", Set.of(), 100, Duration.ofHours(1));
    figures.get("jetis", this::load);
    figures.get("depok", this::load);
    long version = changes.version();

    figures.forget("jetis");

    assertThat(figures.get("jetis", this::load)).isEqualTo("jetis#3");
    assertThat(figures.get("depok", this::load)).as("another key").isEqualTo("depok#2");
    assertThat(changes.version()).as("what was made from it is stale").isGreaterThan(version);
  }

  @Test
  void keepsAValueNoLongerThanItsMaximumAge() {
    Memo<String, String> kept = changes.memo("kept", Set.of(), 100, Duration.ofHours(1));
    Memo<String, String> aged = changes.memo("aged", Set.of(), 100, Duration.ofNanos(1));
    assertThat(kept.get("jetis", this::load)).isEqualTo("jetis#1");
    assertThat(kept.get("jetis", this::load)).isEqualTo("jetis#1");
    assertThat(aged.get("jetis", this::load)).isEqualTo("jetis#2");
    assertThat(aged.get("jetis", this::load)).as("older than a nanosecond").isEqualTo("jetis#3");
  }

  @Test
  void theVersionGrowsWhenATableChanges() {
    changes.<String, String>memo("offices", Set.of("office"), 100).get("jetis", this::load);
    long version = changes.version();
    changes.changed("office");
    assertThat(changes.version()).isGreaterThan(version);
  }

  @Test
  void missingValuesAreNotKept() {
    Memo<String, String> offices = changes.memo("offices", Set.of("office"), 100);
    assertThat(offices.get("none", key -> null)).isNull();
    assertThat(offices.size()).isZero();
  }
}
