package id.go.kecamatan.shared.db;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read from the database, kept in this node's memory until one of their tables changes on
 * any node ({@link TableChanges}). A value loaded while a change arrived is not kept (it may be
 * from before the change), so a memo never serves data older than the last change it was told of.
 * Values must be immutable: every caller gets the same instance.
 *
 * <p>A memo of data that changes too often for change notices (written by every submission) keeps
 * each value for at most a given age instead, and this node drops a key it changed itself ({@link
 * #forget}): other nodes then read the change within that age.
 */
public final class Memo<K, V> {

  private final String name;
  private final Set<String> tables;
  private final int limit;
  private final long maxAgeNanos;
  private final TableChanges changes;
  private final Map<K, Kept<V>> values = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** A value and when it was loaded ({@link System#nanoTime()}). */
  private record Kept<V>(V value, long loadedAt) {}

  /**
   * @param maxAge how long a value is kept at most; {@link Duration#ZERO} for as long as its tables
   *     do not change
   */
  Memo(String name, Set<String> tables, int limit, Duration maxAge, TableChanges changes) {
    this.name = name;
    this.tables = tables;
    this.limit = limit;
    this.maxAgeNanos = maxAge.toNanos();
    this.changes = changes;
  }

  /** The value of {@code key}: kept, or loaded (not kept while changes do not reach this node). */
  public V get(K key, Function<K, V> load) {
    Kept<V> kept = values.get(key);
    if (kept != null && (maxAgeNanos == 0 || System.nanoTime() - kept.loadedAt() < maxAgeNanos)) {
      return kept.value();
    }
    long before = generation.get();
    long loadedAt = System.nanoTime();
    V loaded = load.apply(key);
    if (loaded != null && changes.listening()) {
      if (values.size() >= limit) {
        clear();
        return loaded;
      }
      Kept<V> fresh = new Kept<>(loaded, loadedAt);
      values.put(key, fresh);
      if (generation.get() != before) {
        // a change arrived while loading: the loaded value may predate it
        values.remove(key, fresh);
      }
    }
    return loaded;
  }

  /** Drops every value. */
  public void clear() {
    generation.incrementAndGet();
    values.clear();
    changes.advance();
  }

  /**
   * This node changed the data of {@code key}: its value is dropped after the current transaction
   * commits (at once without one), so this node's next read sees the change.
   */
  public void forget(K key) {
    TableChanges.afterCommit(
        () -> {
          generation.incrementAndGet();
          values.remove(key);
          changes.advance();
        });
  }

  String name() {
    return name;
  }

  Set<String> tables() {
    return tables;
  }

  int size() {
    return values.size();
  }
}
