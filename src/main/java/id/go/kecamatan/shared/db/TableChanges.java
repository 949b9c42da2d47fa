package id.go.kecamatan.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every node when a table changed, so that data kept in memory ({@link Memo}) is dropped on
 * all of them. A statement trigger on each watched table ({@code notify_table_change()}, migration
 * V115) sends the table's name on the channel {@value #CHANNEL} when its transaction commits, by
 * PostgreSQL's {@code NOTIFY}; every node listens on a connection of its own (not one of the pool)
 * and hands each name to the memos of that table. Writes by any node, a migration or a statement
 * typed in {@code psql} all reach every node, within milliseconds of the commit.
 *
 * <p>The node that made a change also drops its memos right after its own commit ({@link
 * #changed}), so its next request never sees the old data. While the listening connection is down
 * (the database restarted) no memo keeps anything, and after it is back every memo starts empty, so
 * a change missed meanwhile cannot leave stale data behind.
 */
@Component
public class TableChanges implements SmartLifecycle {

  /** The notification channel of the triggers. */
  public static final String CHANNEL = "table_changes";

  private static final Logger log = LoggerFactory.getLogger(TableChanges.class);
  private static final Duration WAIT = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final List<Memo<?, ?>> memos = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopping = lock.newCondition();
  private final AtomicLong version = new AtomicLong();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  TableChanges(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A new memo whose entries are dropped whenever one of {@code tables} changes; at most {@code
   * limit} entries (all are dropped when it is reached: the keys may come from addresses anyone
   * types).
   */
  public <K, V> Memo<K, V> memo(String name, Set<String> tables, int limit) {
    return memo(name, tables, limit, Duration.ZERO);
  }

  /**
   * A new memo like {@link #memo(String, Set, int)} whose values are also kept no longer than
   * {@code maxAge}: for data that changes too often for change notices, which this node drops by
   * key ({@link Memo#forget}) and other nodes read again after {@code maxAge}.
   */
  public <K, V> Memo<K, V> memo(String name, Set<String> tables, int limit, Duration maxAge) {
    Memo<K, V> memo = new Memo<>(name, Set.copyOf(tables), limit, maxAge, this);
    memos.add(memo);
    return memo;
  }

  /**
   * This node changed {@code tables}: its memos of them are dropped after the current transaction
   * commits (at once without one). The other nodes learn it from the triggers.
   */
  public void changed(String... tables) {
    List<String> names = List.of(tables);
    afterCommit(() -> drop(names));
  }

  /** Runs {@code action} after the current transaction commits, or at once without one. */
  static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }

  /** Whether changes reach this node now; memos keep nothing while they do not. */
  public boolean listening() {
    return listening;
  }

  /**
   * A number that grows whenever a memo drops anything on this node: what was made from memos'
   * values while it stayed the same (a rendered page) is still current, as far as change notices
   * tell (values kept for a maximum age may have aged meanwhile).
   */
  public long version() {
    return version.get();
  }

  void advance() {
    version.incrementAndGet();
  }

  private void drop(Collection<String> tables) {
    for (Memo<?, ?> memo : memos) {
      if (tables.stream().anyMatch(memo.tables()::contains)) {
        memo.clear();
      }
    }
  }

  private void dropAll() {
    memos.forEach(Memo::clear);
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "table-changes");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    lock.lock();
    try {
      stopping.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread != null) {
      thread.interrupt();
    }
    listening = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server takes requests, after the data source. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }

  private void listen() {
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        // whatever changed before this connection listened is no longer known: start empty
        listening = true;
        dropAll();
        while (running) {
          PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
          if (notifications != null && notifications.length > 0) {
            drop(java.util.Arrays.stream(notifications).map(PGNotification::getParameter).toList());
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        dropAll();
        if (running) {
          log.warn("Not listening to table changes ({}); trying again in {}", e.getMessage(), WAIT);
          pause();
        }
      }
    }
    listening = false;
  }

  private void pause() {
    lock.lock();
    try {
      stopping.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A connection of its own to the pool's database (listening holds it for good); one from the pool
   * when the data source is not a Hikari pool.
   */
  private Connection connect() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
      Properties properties = new Properties();
      properties.putAll(pool.getDataSourceProperties());
      if (pool.getUsername() != null) {
        properties.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        properties.setProperty("password", pool.getPassword());
      }
      properties.setProperty("ApplicationName", "layanan-table-changes");
      // a dead server is noticed within a minute even when nothing changes
      properties.setProperty("tcpKeepAlive", "true");
      return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
    return dataSource.getConnection();
  }
}
