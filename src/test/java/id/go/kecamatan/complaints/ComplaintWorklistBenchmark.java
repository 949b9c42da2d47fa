package id.go.kecamatan.complaints;

import id.go.kecamatan.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaints worklist benchmark, like {@code casework.WorklistBenchmark}: not a test of the
 * build (its name matches neither test pattern). Run it with
 *
 * <pre>
 * ./mvnw -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ComplaintWorklistBenchmark | grep BENCH
 * </pre>
 *
 * It starts its own embedded PostgreSQL in {@code target/benchmark-complaints-pg}, migrates the
 * real schema, loads 1,000,000 complaints across 100 offices with {@code generate_series} (10
 * villages, 4 top and 8 subcategories, 3 officers per office; 40 % open with a running deadline, a
 * third of those assigned), and times the real {@link ComplaintWorklist} query for each filter on
 * random offices, printing p50/p95/max. Sizes: {@code -Dbench.complaints}, {@code -Dbench.offices},
 * {@code -Dbench.runs}. Figures are kept in {@code docs/performance.md}.
 */
class ComplaintWorklistBenchmark {

  static final int COMPLAINTS = Integer.getInteger("bench.complaints", 1_000_000);
  static final int OFFICES = Integer.getInteger("bench.offices", 100);
  static final int RUNS = Integer.getInteger("bench.runs", 300);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void worklistLatency() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/benchmark-complaints-pg"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("maintenance_work_mem", "256MB")
            .start()) {
      DataSource data = postgres.getPostgresDatabase();
      Migrations.migrate(data);
      JdbcClient jdbc = JdbcClient.create(data);
      long loadStart = System.nanoTime();
      load(jdbc);
      System.out.printf(
          "BENCH loaded %,d complaints across %d offices in %.1f s%n",
          COMPLAINTS, OFFICES, (System.nanoTime() - loadStart) / 1e9);
      // the application reads through a connection pool: measure the queries, not a new
      // connection (and its authentication) per query as the plain data source would
      try (var pooled = new org.springframework.jdbc.datasource.SingleConnectionDataSource()) {
        pooled.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pooled.setSuppressClose(true);
        run(JdbcClient.create(pooled));
      }
    }
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
             '99.' || lpad(o::text, 5, '0') || '.' || lpad(v::text, 4, '0'), 'Desa ' || v, 'DESA'
      from generate_series(0, :offices - 1) o, generate_series(0, 9) v
      """,
      """
      insert into complaint_category (id, office_id, parent_id, name, tier_days)
      select md5('top' || o || '-' || t)::uuid, md5('office' || o)::uuid, null, 'Kategori ' || t, 5
      from generate_series(0, :offices - 1) o, generate_series(0, 3) t
      """,
      """
      insert into complaint_category (id, office_id, parent_id, name, tier_days)
      select md5('category' || o || '-' || c)::uuid, md5('office' || o)::uuid,
             md5('top' || o || '-' || (c / 2))::uuid, 'Sub ' || c, 5
      from generate_series(0, :offices - 1) o, generate_series(0, 7) c
      """,
      """
      insert into staff (id, regency_id, office_id, username, full_name, password_hash, roles)
      select md5('staff' || o || '-' || k)::uuid, '00000000-0000-0000-0000-000000000001',
             md5('office' || o)::uuid, 'v' || o || '-' || k, 'Verifikator ' || k, 'x', 'VERIFIER'
      from generate_series(0, :offices - 1) o, generate_series(0, 2) k
      """,
      """
      insert into complaint
        (id, office_id, tracking_code, kind, category_id, description, village_id, privacy,
         secret_hash, channel, status, received_at, received_on, verify_due, answer_due, due,
         assignee_id)
      select md5('c' || i)::uuid,
             md5('office' || (i % :offices))::uuid,
             'B' || i,
             'COMPLAINT',
             md5('category' || (i % :offices) || '-' || ((i / :offices / 3) % 8))::uuid,
             (array['Jalan rusak di desa', 'Sampah menumpuk di pasar', 'Pelayanan loket lambat',
                    'Lampu jalan mati', 'Bantuan sosial belum diterima'])[1 + (i / 11) % 5]
               || ' nomor ' || i,
             md5('village' || (i % :offices) || '-' || ((i / 7) % 10))::uuid,
             'RAHASIA', repeat('0', 64), 'ONLINE',
             case when (i / :offices) % 10 < 6
                  then (array['CLOSED', 'REJECTED', 'ANSWERED', 'CLOSED', 'AWAITING_REPORTER'])[1 + (i / :offices / 10) % 5]
                  else (array['RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'IN_PROGRESS'])[1 + (i / :offices / 10) % 4] end,
             timestamptz '2026-05-20' + ((i / :offices) * 37 % 200) * interval '1 day',
             date '2026-05-20' + ((i / :offices) * 37 % 200),
             date '2026-05-23' + ((i / :offices) * 37 % 200),
             date '2026-06-01' + ((i / :offices) * 37 % 200),
             case when (i / :offices) % 10 >= 6 then date '2026-06-01' + ((i / :offices) * 37 % 200) end,
             case when (i / :offices) % 10 >= 6 and (i / :offices / 3) % 3 = 0
                  then md5('staff' || (i % :offices) || '-' || ((i / :offices / 7) % 3))::uuid end
      from generate_series(0, :complaints - 1) i
      """,
      "analyze"
    };
    for (String sql : statements) {
      long start = System.nanoTime();
      JdbcClient.StatementSpec spec = jdbc.sql(sql);
      if (sql.contains(":offices")) {
        spec = spec.param("offices", OFFICES);
      }
      if (sql.contains(":complaints")) {
        spec = spec.param("complaints", COMPLAINTS);
      }
      spec.update();
      System.out.printf(
          "BENCH   %-60s %.1f s%n",
          sql.strip().lines().findFirst().orElse("").strip(), (System.nanoTime() - start) / 1e9);
    }
  }

  static void run(JdbcClient jdbc) {
    ComplaintWorklist worklist = new ComplaintWorklist(jdbc);
    Random random = new Random(42);
    Map<String, IntFunction<ComplaintWorklist.Filter>> filters = new LinkedHashMap<>();
    filters.put("open, nearest deadline (default)", o -> ComplaintWorklist.Filter.open());
    filters.put(
        "status IN_PROGRESS",
        o ->
            filter(
                ComplaintStatus.IN_PROGRESS,
                null,
                null,
                ComplaintWorklist.Assignee.ANY,
                false,
                null));
    filters.put(
        "overdue", o -> filter(null, null, null, ComplaintWorklist.Assignee.ANY, true, null));
    filters.put(
        "assigned to me",
        o -> filter(null, null, null, ComplaintWorklist.Assignee.MINE, false, null));
    filters.put(
        "unassigned",
        o -> filter(null, null, null, ComplaintWorklist.Assignee.UNASSIGNED, false, null));
    filters.put(
        "top category + village",
        o ->
            filter(
                null,
                uuid("top" + o + "-" + random.nextInt(4)),
                uuid("village" + o + "-" + random.nextInt(10)),
                ComplaintWorklist.Assignee.ANY,
                false,
                null));
    filters.put(
        "search words 'lampu jalan'",
        o -> filter(null, null, null, ComplaintWorklist.Assignee.ANY, false, "lampu jalan"));
    filters.put(
        "status CLOSED (finished)",
        o ->
            filter(
                ComplaintStatus.CLOSED, null, null, ComplaintWorklist.Assignee.ANY, false, null));
    if (Boolean.getBoolean("bench.explain")) {
      for (Map.Entry<String, IntFunction<ComplaintWorklist.Filter>> entry : filters.entrySet()) {
        ComplaintWorklist plans = new ComplaintWorklist(jdbc);
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
        find(plans, 7, entry.getValue().apply(7));
      }
    }
    System.out.printf(
        "BENCH %-34s %9s %9s %9s %6s%n",
        "complaint worklist filter", "p50 ms", "p95 ms", "max ms", "rows");
    for (Map.Entry<String, IntFunction<ComplaintWorklist.Filter>> entry : filters.entrySet()) {
      for (int i = 0; i < 30; i++) {
        int office = random.nextInt(OFFICES);
        find(worklist, office, entry.getValue().apply(office));
      }
      double[] millis = new double[RUNS];
      int rows = 0;
      for (int i = 0; i < RUNS; i++) {
        int office = random.nextInt(OFFICES);
        ComplaintWorklist.Filter filter = entry.getValue().apply(office);
        long start = System.nanoTime();
        rows = find(worklist, office, filter).rows().size();
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
  }

  static ComplaintWorklist.Result find(
      ComplaintWorklist worklist, int office, ComplaintWorklist.Filter filter) {
    return worklist.find(
        uuid("office" + office), uuid("staff" + office + "-0"), filter, filter.villageId(), TODAY);
  }

  static ComplaintWorklist.Filter filter(
      ComplaintStatus status,
      UUID category,
      UUID village,
      ComplaintWorklist.Assignee assignee,
      boolean overdue,
      String search) {
    return new ComplaintWorklist.Filter(
        status, category, village, assignee, null, overdue, search, null, null);
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
