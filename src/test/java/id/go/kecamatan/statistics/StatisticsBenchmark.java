package id.go.kecamatan.statistics;

import id.go.kecamatan.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics benchmark: not a test of the build (its name matches neither test pattern). Run
 *
 * <pre>
 * ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StatisticsBenchmark
 * </pre>
 *
 * It starts its own embedded PostgreSQL in {@code target/benchmark-stat-pg}, migrates the real
 * schema and fills the monthly counts ({@code stat_count}, {@code stat_duration}, and with the
 * migrations' backfills the offices' totals {@code stat_office_total}) as the listeners would for a
 * regency of {@code -Dbench.offices} offices (500) over 12 months: every grain (10 services, 3
 * channels, 10 villages and "all") for {@code -Dbench.fullOffices} offices (20), the office-wide
 * and regency rows for all of them. A page never reads applications, so the number of applications
 * behind the counts does not enter its time; what does is the rows a page reads (one office: a few
 * thousand; the regency's table: its offices' rows). It then times {@link Statistics#figures} for
 * an office (unfiltered, by service, by village and channel) and for the regency, and {@link
 * Statistics#perScope} over all offices, printing p50/p95/max in milliseconds.
 */
class StatisticsBenchmark {

  static final int OFFICES = Integer.getInteger("bench.offices", 500);
  static final int FULL_OFFICES = Integer.getInteger("bench.fullOffices", 20);
  static final int RUNS = Integer.getInteger("bench.runs", 200);
  static final int RESPONSES = Integer.getInteger("bench.responses", 30);
  static final YearMonth TO = YearMonth.of(2026, 11);

  @Test
  void figureLatency() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/benchmark-stat-pg"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("shared_buffers", "256MB")
            .start()) {
      DataSource data = postgres.getPostgresDatabase();
      Migrations.migrate(data);
      JdbcClient jdbc = JdbcClient.create(data);
      UUID regency = UUID.randomUUID();
      long started = System.nanoTime();
      jdbc.sql(
              """
              create table bench_office as
              select o, ('00000000-0000-4000-8000-' || lpad(to_hex(o), 12, '0'))::uuid as id
              from generate_series(1, :offices) o
              """)
          .param("offices", OFFICES)
          .update();
      jdbc.sql("insert into regency (id, code, name) values (?, '99.99', 'Bench')")
          .param(regency)
          .update();
      jdbc.sql(
              """
              insert into office (id, regency_id, code, slug, name)
              select id, :regency,
                     '99.' || lpad((o / 100)::text, 2, '0') || '.' || lpad((o % 100)::text, 2, '0'),
                     'bench-' || o, 'Kecamatan ' || o
              from bench_office
              """)
          .param("regency", regency)
          .update();
      // every grain of the fully detailed offices: service (10 + all) x channel (3 + all) x
      // village (10 + all) x 11 measures x 12 months
      jdbc.sql(
              """
              insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
              select b.id, make_date(2026, 11, 1) - make_interval(months => m),
                     me, case when s = 0 then '00000000-0000-0000-0000-000000000000'::uuid
                              else ('00000000-0000-4000-9000-' || lpad(to_hex(s), 12, '0'))::uuid end,
                     c, case when v = 0 then '00000000-0000-0000-0000-000000000000'::uuid
                             else ('00000000-0000-4000-a000-' || lpad(to_hex(v), 12, '0'))::uuid end,
                     1 + (b.o * 7 + m * 3 + s + v) % 40
              from bench_office b, generate_series(0, 11) m, generate_series(0, 10) s,
                   unnest(array['ALL', 'ONLINE', 'COUNTER', 'VILLAGE']) c, generate_series(0, 10) v,
                   unnest(array['RECEIVED', 'FINISHED', 'FINISHED_ON_TIME', 'APPROVED', 'REJECTED',
                                'WITHDRAWN', 'COMPLETION_REQUESTED', 'DRAFTS_STARTED',
                                'DRAFTS_SUBMITTED', 'LETTERS_SIGNED', 'LETTERS_VERIFIED']) me
              where b.o <= :full or (s = 0 and v = 0)
              """)
          .param("full", FULL_OFFICES)
          .update();
      jdbc.sql(
              """
              insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
              select :regency, month, measure, service_id, channel, village_id, sum(n)
              from stat_count where village_id = '00000000-0000-0000-0000-000000000000'
              group by month, measure, service_id, channel, village_id
              """)
          .param("regency", regency)
          .update();
      jdbc.sql(
              """
              insert into stat_duration (scope_id, month, service_id, channel, village_id, days, n)
              select scope_id, month, service_id, channel, village_id, d, 1 + d % 5
              from stat_count, generate_series(0, 12) d where measure = 'FINISHED'
              """)
          .update();
      // the offices' typed monthly totals of those counts, as the migration makes them (V109)
      script(data, "V109__statistics_office_totals_fill.sql");
      jdbc.sql("analyze").update();
      long rows = jdbc.sql("select count(*) from stat_count").query(Long.class).single();
      System.out.printf(
          "STATISTICS BENCHMARK: %d offices (%d with every grain), %,d count rows, loaded in %d s%n",
          OFFICES, FULL_OFFICES, rows, (System.nanoTime() - started) / 1_000_000_000);

      // survey responses: bench.responses per office and month, counted into the IKM's monthly
      // counts by the migration that counts the responses stored before the listener (V107, for
      // the typed totals V110)
      jdbc.sql(
              """
              insert into survey_response (id, office_id, instrument, channel, answered_on,
                persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana)
              select gen_random_uuid(), b.id, '2017.1', 'WALK_IN',
                     cast(make_date(2026, 11, 1) - make_interval(months => m) as date) + r % 28,
                     1 + r % 4, 1 + (r + 1) % 4, 1 + (r + 2) % 4, 4, 3, 1 + (r + b.o) % 4, 4, 2, 3
              from bench_office b, generate_series(0, 11) m, generate_series(1, :responses) r
              """)
          .param("responses", RESPONSES)
          .update();
      script(data, "V110__statistics_ikm_backfill_typed_totals.sql");
      jdbc.sql("analyze").update();
      // the application reads through a connection pool: measure the queries, not a new
      // connection (and its authentication) per query as the plain data source would
      try (var pooled = new org.springframework.jdbc.datasource.SingleConnectionDataSource()) {
        pooled.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pooled.setSuppressClose(true);
        run(JdbcClient.create(pooled), regency);
      }
    }
  }

  private static void run(JdbcClient jdbc, UUID regency) {
    Statistics statistics =
        new Statistics(jdbc, Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneId.of("UTC")));
    Random random = new Random(7);
    YearMonth from = TO.minusMonths(11);
    List<UUID> offices =
        jdbc.sql("select id from bench_office order by o").query(UUID.class).list();
    UUID service = UUID.fromString("00000000-0000-4000-9000-000000000003");
    UUID village = UUID.fromString("00000000-0000-4000-a000-000000000004");
    time(
        "office page (12 months, unfiltered)",
        () ->
            statistics.figures(
                Statistics.Selection.of(offices.get(random.nextInt(FULL_OFFICES)), from, TO)));
    time(
        "office dashboard by service",
        () ->
            statistics.figures(
                new Statistics.Selection(
                    offices.get(random.nextInt(FULL_OFFICES)), from, TO, service, null, null)));
    time(
        "office dashboard by village and channel",
        () ->
            statistics.figures(
                new Statistics.Selection(
                    offices.get(random.nextInt(FULL_OFFICES)), from, TO, null, "ONLINE", village)));
    time(
        "regency figures (12 months)",
        () -> statistics.figures(Statistics.Selection.of(regency, from, TO)));
    time("regency table of all offices", () -> statistics.perScope(offices, from, TO));
  }

  private static void time(String name, Supplier<?> work) {
    for (int i = 0; i < 20; i++) {
      work.get();
    }
    long[] ms = new long[RUNS];
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1_000;
      all.add(ms[i]);
    }
    Arrays.sort(ms);
    System.out.printf(
        "STATISTICS BENCHMARK: %-42s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms (%d runs)%n",
        name, ms[RUNS / 2] / 1000.0, ms[RUNS * 95 / 100] / 1000.0, ms[RUNS - 1] / 1000.0, RUNS);
  }

  /** Runs a migration's statements again (a backfill) on the data loaded, in one transaction. */
  static void script(DataSource data, String name) throws java.io.IOException {
    String sql;
    try (var in = StatisticsBenchmark.class.getResourceAsStream("/db/migration/" + name)) {
      sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.datasource.DataSourceTransactionManager(data))
        .executeWithoutResult(status -> JdbcClient.create(data).sql(sql).update());
  }
}
