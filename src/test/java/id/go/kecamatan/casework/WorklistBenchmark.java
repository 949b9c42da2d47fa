package id.go.kecamatan.casework;

import id.go.kecamatan.application.ApplicationStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worklist benchmark: not a test of the build (its name matches neither the unit nor the
 * integration test pattern, so {@code ./mvnw verify} never runs it). Run it with
 *
 * <pre>
 * ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WorklistBenchmark
 * </pre>
 *
 * It starts its own embedded PostgreSQL in {@code target/benchmark-pg}, migrates the real schema
 * with Flyway, loads 1,000,000 applications across 100 offices with {@code generate_series} (10
 * villages, 10 services and 3 verifiers per office; 40 % of the applications still open, a third of
 * those assigned), and then runs the real {@link Worklist} query for typical filters on random
 * offices, printing p50/p95/max per filter and, first, the plan of each filter ({@code EXPLAIN
 * (ANALYZE, BUFFERS)}; {@code -Dbench.explain=false} leaves them out). With {@code
 * -Dbench.reuse=true} the data directory is kept: a second run of the same sizes skips the load and
 * times the new migrations on the loaded tables under writes. Sizes: {@code -Dbench.applications},
 * {@code -Dbench.offices}, {@code -Dbench.runs}. Figures are kept in {@code docs/performance.md}.
 */
class WorklistBenchmark {

  static final int APPLICATIONS = Integer.getInteger("bench.applications", 1_000_000);
  static final int OFFICES = Integer.getInteger("bench.offices", 100);
  static final int RUNS = Integer.getInteger("bench.runs", 300);

  /**
   * Keep the data directory: a second run with the same sizes skips the load and applies only the
   * new migrations, to the loaded tables, timing them under a stream of writes.
   */
  static final boolean REUSE = Boolean.getBoolean("bench.reuse");

  /** Deadlines run from 1 June to 17 December 2026: a quarter of the open ones are not due yet. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void worklistLatency() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/benchmark-pg"))
            .setCleanDataDirectory(!REUSE)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("maintenance_work_mem", "256MB")
            .start()) {
      DataSource data = postgres.getPostgresDatabase();
      JdbcClient jdbc = JdbcClient.create(data);
      boolean loaded =
          jdbc.sql("select to_regclass('application') is not null").query(Boolean.class).single()
              && jdbc.sql(
                      "select (select count(*) from office where slug like 'bench-%') = :offices"
                          + " and (select count(*) from application) = :applications")
                  .param("offices", OFFICES)
                  .param("applications", APPLICATIONS)
                  .query(Boolean.class)
                  .single();
      if (loaded) {
        // the data of an earlier run: the new migrations meet a large table, as in production
        migrateUnderWrites(data, postgres);
      } else {
        migrate(data);
        long loadStart = System.nanoTime();
        load(jdbc);
        System.out.printf(
            "BENCH loaded %,d applications across %d offices in %.1f s%n",
            APPLICATIONS, OFFICES, (System.nanoTime() - loadStart) / 1e9);
      }
      // the application reads through a connection pool: measure the queries, not a new
      // connection (and its authentication) per query as the plain data source would
      try (var pooled = new org.springframework.jdbc.datasource.SingleConnectionDataSource()) {
        pooled.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pooled.setSuppressClose(true);
        run(JdbcClient.create(pooled));
      }
    }
  }

  /** Flyway as the application configures it (spring.flyway.* in application.yml). */
  static org.flywaydb.core.api.output.MigrateResult migrate(DataSource data) {
    return id.go.kecamatan.Migrations.migrate(data);
  }

  /**
   * Applies the pending migrations to the loaded tables while another connection keeps writing (a
   * status change every 20 ms on a random application, as the offices would), and prints how long
   * each migration took and the slowest write meanwhile: whether a migration locks writes.
   */
  static void migrateUnderWrites(DataSource data, EmbeddedPostgres postgres) throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Double> writes = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread writer =
        new Thread(
            () -> {
              Random random = new Random(7);
              try (var connection =
                  java.sql.DriverManager.getConnection(
                      postgres.getJdbcUrl("postgres", "postgres"))) {
                var update =
                    connection.prepareStatement(
                        "update application set version = version + 1 where id = md5('app' || ?)::uuid");
                while (!stop.get()) {
                  update.setInt(1, random.nextInt(APPLICATIONS));
                  long start = System.nanoTime();
                  update.executeUpdate();
                  writes.add((System.nanoTime() - start) / 1e6);
                  // the pace of the offices' writes being simulated (50 a second), not a wait for
                  // something to happen: the harness measures how long each write takes meanwhile
                  Thread.sleep(20);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    long start = System.nanoTime();
    var result = id.go.kecamatan.Migrations.migrateKept(data);
    stop.set(true);
    writer.join();
    for (var migration : result.migrations) {
      System.out.printf(
          "BENCH migration V%s %-50s %.1f s%n",
          migration.version, migration.description, migration.executionTime / 1e3);
    }
    List<Double> sorted = new ArrayList<>(writes);
    sorted.sort(Double::compare);
    System.out.printf(
        "BENCH migrated %d in %.1f s on the loaded tables; %d writes meanwhile, p50 %.2f ms, max %.2f ms%n",
        result.migrations.size(),
        (System.nanoTime() - start) / 1e9,
        sorted.size(),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
  }

  static void load(JdbcClient jdbc) {
    String[] statements = {
      "insert into regency (id, code, name) values ('00000000-0000-0000-0000-000000000001', '99.99', 'Bench')",
      """
      insert into office (id, regency_id, code, slug, name)
      select md5('office' || o)::uuid, '00000000-0000-0000-0000-000000000001',
             '99.' || lpad((o / 100)::text, 2, '0') || '.' || lpad((o % 100)::text, 2, '0'),
             'bench-' || o, 'Kecamatan ' || o
      from generate_series(0, :offices - 1) o
      """,
      """
      insert into village (id, office_id, code, name, kind)
      select md5('village' || o || '-' || v)::uuid, md5('office' || o)::uuid,
             '99.' || lpad(o::text, 5, '0') || '.' || lpad(v::text, 4, '0'),
             'Desa ' || v, 'DESA'
      from generate_series(0, :offices - 1) o, generate_series(0, 9) v
      """,
      """
      insert into service_type (id, office_id, code, name, category, completion_days)
      select md5('service' || o || '-' || s)::uuid, md5('office' || o)::uuid, 'S' || s,
             'Layanan ' || s, 'NON_PERIZINAN', 5
      from generate_series(0, :offices - 1) o, generate_series(0, 9) s
      """,
      """
      insert into staff (id, regency_id, office_id, username, full_name, password_hash, roles)
      select md5('staff' || o || '-' || k)::uuid, '00000000-0000-0000-0000-000000000001',
             md5('office' || o)::uuid, 'v' || o || '-' || k, 'Verifikator ' || k, 'x', 'VERIFIER'
      from generate_series(0, :offices - 1) o, generate_series(0, 2) k
      """,
      """
      insert into application
        (id, office_id, service_id, tracking_code, channel, status, nik, name, birth_place,
         birth_date, sex, village_id, address, phone, answers, submitted_at, deadline)
      select md5('app' || i)::uuid,
             md5('office' || (i % :offices))::uuid,
             md5('service' || (i % :offices) || '-' || ((i / :offices / 40) % 10))::uuid,
             'B' || i,
             case when i % 5 = 0 then 'COUNTER' else 'ONLINE' end,
             case when (i / :offices) % 10 < 6 then (array['APPROVED', 'REJECTED', 'ISSUED', 'COLLECTED', 'WITHDRAWN'])[1 + (i / :offices / 10) % 5]
                  else (array['SUBMITTED', 'IN_REVIEW', 'IN_REVIEW', 'NEEDS_COMPLETION'])[1 + (i / :offices / 10) % 4] end,
             lpad((3516000000000000 + i)::text, 16, '0'),
             (array['Siti', 'Budi', 'Ahmad', 'Dewi', 'Rina', 'Agus', 'Wati', 'Joko'])[1 + i % 8]
               || ' ' || (array['Aminah', 'Santoso', 'Hidayat', 'Lestari', 'Kurniawan', 'Rahayu'])[1 + (i / 8) % 6]
               || ' ' || i,
             'Mojokerto', date '1990-01-01' + (i % 9000), case when i % 2 = 0 then 'MALE' else 'FEMALE' end,
             md5('village' || (i % :offices) || '-' || ((i / 7) % 10))::uuid,
             'Dusun ' || (i % 50), '0812' || lpad((i % 100000000)::text, 8, '0'), '{}',
             timestamptz '2026-05-20' + ((i / :offices) * 37 % 200) * interval '1 day',
             date '2026-06-01' + ((i / :offices) * 37 % 200)
      from generate_series(0, :applications - 1) i
      """,
      """
      insert into casework_assignment (application_id, office_id, staff_id, assigned_at, assigned_by)
      select md5('app' || i)::uuid, md5('office' || (i % :offices))::uuid,
             md5('staff' || (i % :offices) || '-' || ((i / :offices / 7) % 3))::uuid, now(), 'bench'
      from generate_series(0, :applications - 1) i
      where (i / :offices) % 10 >= 6 and (i / :offices / 3) % 3 = 0
      """,
      "analyze"
    };
    for (String sql : statements) {
      long start = System.nanoTime();
      JdbcClient.StatementSpec spec = jdbc.sql(sql);
      if (sql.contains(":offices")) {
        spec = spec.param("offices", OFFICES);
      }
      if (sql.contains(":applications")) {
        spec = spec.param("applications", APPLICATIONS);
      }
      spec.update();
      System.out.printf(
          "BENCH   %-60s %.1f s%n",
          sql.strip().lines().findFirst().orElse("").strip(), (System.nanoTime() - start) / 1e9);
    }
  }

  static void run(JdbcClient jdbc) {
    Worklist worklist = new Worklist(jdbc);
    Random random = new Random(42);
    Map<String, IntFunction<Worklist.Filter>> filters = new LinkedHashMap<>();
    filters.put("open, by deadline (default)", o -> Worklist.Filter.open());
    filters.put(
        "status IN_REVIEW",
        o ->
            filter(
                ApplicationStatus.IN_REVIEW,
                null,
                null,
                Worklist.Assignee.ANY,
                Worklist.Due.ANY,
                null));
    filters.put(
        "overdue",
        o -> filter(null, null, null, Worklist.Assignee.ANY, Worklist.Due.OVERDUE, null));
    filters.put(
        "assigned to me",
        o -> filter(null, null, null, Worklist.Assignee.MINE, Worklist.Due.ANY, null));
    filters.put(
        "unassigned",
        o -> filter(null, null, null, Worklist.Assignee.UNASSIGNED, Worklist.Due.ANY, null));
    filters.put(
        "service + village",
        o ->
            filter(
                null,
                uuid("service" + o + "-" + random.nextInt(10)),
                uuid("village" + o + "-" + random.nextInt(10)),
                Worklist.Assignee.ANY,
                Worklist.Due.ANY,
                null));
    filters.put(
        "search name prefix 'siti am'",
        o -> filter(null, null, null, Worklist.Assignee.ANY, Worklist.Due.ANY, "siti am"));
    filters.put(
        "search NIK",
        o -> {
          int i = o + OFFICES * random.nextInt(APPLICATIONS / OFFICES);
          return filter(
              null,
              null,
              null,
              Worklist.Assignee.ANY,
              Worklist.Due.ANY,
              String.format("%016d", 3516000000000000L + i));
        });
    filters.put(
        "all statuses, status APPROVED",
        o ->
            filter(
                ApplicationStatus.APPROVED,
                null,
                null,
                Worklist.Assignee.ANY,
                Worklist.Due.ANY,
                null));
    // an index-only scan reads the table for pages the visibility map does not mark (V129)
    jdbc.sql(
            """
            select relname, relallvisible, relpages from pg_class
            where relname in ('application', 'casework_assignment') order by relname
            """)
        .query(
            (rs, i) ->
                String.format(
                    "BENCH %s: %,d of %,d pages marked all-visible",
                    rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .list()
        .forEach(System.out::println);
    if (Boolean.parseBoolean(System.getProperty("bench.explain", "true"))) {
      for (Map.Entry<String, IntFunction<Worklist.Filter>> entry : filters.entrySet()) {
        // an office whose names include "siti am" (every fourth: in the others no name starts
        // with "siti", so the search finds nothing at all there and its plan shows nothing)
        int office = 8;
        Worklist plans = new Worklist(jdbc);
        plans.explain =
            (sql, params) -> {
              JdbcClient.StatementSpec spec = jdbc.sql("explain (analyze, buffers) " + sql);
              for (Object[] p : params) {
                spec = spec.param((String) p[0], p[1]);
              }
              System.out.println("BENCH plan of " + entry.getKey());
              spec.query(String.class)
                  .list()
                  .forEach(line -> System.out.println("BENCH   " + line));
            };
        find(plans, office, entry.getValue().apply(office), random);
      }
    }
    System.out.printf(
        "BENCH %-34s %9s %9s %9s %6s%n", "worklist filter", "p50 ms", "p95 ms", "max ms", "rows");
    for (Map.Entry<String, IntFunction<Worklist.Filter>> entry : filters.entrySet()) {
      // warm-up
      for (int i = 0; i < 30; i++) {
        int office = random.nextInt(OFFICES);
        find(worklist, office, entry.getValue().apply(office), random);
      }
      double[] millis = new double[RUNS];
      int rows = 0;
      for (int i = 0; i < RUNS; i++) {
        int office = random.nextInt(OFFICES);
        Worklist.Filter filter = entry.getValue().apply(office);
        long start = System.nanoTime();
        rows = find(worklist, office, filter, random).rows().size();
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          "BENCH %-34s %9.2f %9.2f %9.2f %6d%n",
          entry.getKey(),
          millis[RUNS / 2],
          millis[(int) Math.ceil(RUNS * 0.95) - 1],
          millis[RUNS - 1],
          rows);
    }
    // a deep page: the keyset of page 40 of the default list costs as much as the first
    List<Double> deep = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int office = random.nextInt(OFFICES);
      Worklist.Result page = find(worklist, office, Worklist.Filter.open(), random);
      long start = System.nanoTime();
      for (int p = 0; p < 40 && page.hasNext(); p++) {
        Worklist.Row last = page.rows().get(page.rows().size() - 1);
        page =
            worklist.find(
                uuid("office" + office),
                uuid("staff" + office + "-0"),
                new Worklist.Filter(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    last.deadline(),
                    last.id()),
                null,
                TODAY);
      }
      deep.add((System.nanoTime() - start) / 1e6 / 40);
    }
    deep.sort(Double::compare);
    System.out.printf(
        "BENCH %-34s %9.2f %9.2f%n",
        "keyset pages 2..41 (per page)",
        deep.get(deep.size() / 2),
        deep.get((int) (deep.size() * 0.95)));
  }

  static Worklist.Result find(
      Worklist worklist, int office, Worklist.Filter filter, Random random) {
    return worklist.find(
        uuid("office" + office), uuid("staff" + office + "-0"), filter, filter.villageId(), TODAY);
  }

  static Worklist.Filter filter(
      ApplicationStatus status,
      UUID service,
      UUID village,
      Worklist.Assignee assignee,
      Worklist.Due due,
      String search) {
    return new Worklist.Filter(
        status, service, village, null, assignee, null, due, false, search, null, null);
  }

  /** The same uuid as PostgreSQL's {@code md5(text)::uuid}. */
  static UUID uuid(String text) {
    try {
      byte[] md5 =
          java.security.MessageDigest.getInstance("MD5")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hex = java.util.HexFormat.of().formatHex(md5);
      return UUID.fromString(
          hex.substring(0, 8)
              + "-"
              + hex.substring(8, 12)
              + "-"
              + hex.substring(12, 16)
              + "-"
              + hex.substring(16, 20)
              + "-"
              + hex.substring(20));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
