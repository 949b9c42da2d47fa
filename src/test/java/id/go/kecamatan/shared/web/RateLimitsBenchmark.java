package id.go.kecamatan.shared.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limit benchmark: not a test of the build (its name matches neither test pattern). Run it
 * with
 *
 * <pre>
 * ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RateLimitsBenchmark
 * </pre>
 *
 * It starts its own embedded PostgreSQL in {@code target/benchmark-pg}, migrates the real schema
 * with Flyway and times the real {@link RateLimits#take} through a Hikari pool of 10 connections,
 * as a node does: one thread over many clients, {@code -Dbench.threads} threads (8) over 100,000
 * clients (new rows), the same threads on one client (one row lock), and the purge of the rows.
 * Figures are kept in {@code docs/performance.md}.
 */
class RateLimitsBenchmark {

  static final int THREADS = Integer.getInteger("bench.threads", 8);
  static final int CALLS = Integer.getInteger("bench.calls", 20_000);

  @Test
  void rateLimitLatency() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/benchmark-pg"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .start()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
      config.setMaximumPoolSize(10);
      try (HikariDataSource data = new HikariDataSource(config)) {
        Migrations.migrate(data);
        JdbcClient jdbc = JdbcClient.create(data);
        RateLimits limits = new RateLimits(jdbc, Clock.systemUTC());
        RateLimit perMinute = limits.perMinute("bench", 10);

        // warm-up: the JIT, the pool, the plan
        for (int i = 0; i < 2_000; i++) {
          perMinute.take("warm-" + (i % 100));
        }
        report(
            "1 thread, 1,000 clients (mostly updates)",
            1,
            CALLS,
            i -> perMinute.take("c-" + ThreadLocalRandom.current().nextInt(1_000)));
        report(
            THREADS + " threads, new clients (inserts)",
            THREADS,
            CALLS,
            i -> perMinute.take("n-" + i));
        report(
            THREADS + " threads, one client (one row lock)",
            THREADS,
            CALLS / 4,
            i -> perMinute.take("hot"));
        report(
            "exhausted() look-up, 1 thread",
            1,
            CALLS,
            i -> {
              perMinute.exhausted("c-" + ThreadLocalRandom.current().nextInt(1_000));
              return 0L;
            });

        long rows = jdbc.sql("select count(*) from rate_limit").query(Long.class).single();
        RateLimits later =
            new RateLimits(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));
        long start = System.nanoTime();
        int purged = later.purge();
        System.out.printf(
            "BENCH purge of %,d rows (all refilled): %,d deleted in %.1f ms%n",
            rows, purged, (System.nanoTime() - start) / 1e6);
      }
    }
  }

  interface Call {
    long take(int i) throws Exception;
  }

  static void report(String what, int threads, int calls, Call call) throws Exception {
    long[] nanos = new long[calls];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < calls; i += threads) {
                    long before = System.nanoTime();
                    call.take(i);
                    nanos[i] = System.nanoTime() - before;
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "BENCH %-45s %,7d calls  %,8.0f/s  p50 %.2f ms  p95 %.2f ms  max %.1f ms%n",
        what,
        calls,
        calls / seconds,
        nanos[calls / 2] / 1e6,
        nanos[(int) (calls * 0.95)] / 1e6,
        nanos[calls - 1] / 1e6);
  }
}
