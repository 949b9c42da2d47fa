package id.go.kecamatan.shared.db;

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
 */
public final class Memo<K, V> {

  private final String name;
  private final Set<String> tables;
  private final int limit;
  private final TableChanges changes;
  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  Memo(String name, Set<String> tables, int limit, TableChanges changes) {
    this.name = name;
    this.tables = tables;
    this.limit = limit;
    this.changes = changes;
  }

  /** The value of {@code key}: kept, or loaded (not kept while changes do not reach this node). */
  public V get(K key, Function<K, V> load) {
    V kept = values.get(key);
    if (kept != null) {
      return kept;
    }
    long before = generation.get();
    V loaded = load.apply(key);
    if (loaded != null && changes.listening()) {
      if (values.size() >= limit) {
        clear();
        return loaded;
      }
      values.put(key, loaded);
      if (generation.get() != before) {
        // a change arrived while loading: the loaded value may predate it
        values.remove(key, loaded);
      }
    }
    return loaded;
  }

  /** Drops every value. */
  public void clear() {
    generation.incrementAndGet();
    values.clear();
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
