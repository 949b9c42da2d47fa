package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register export benchmark: not a test of the build (its name matches neither test pattern).
 * Run
 *
 * <pre>
 * ./mvnw -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RegisterBenchmark
 * </pre>
 *
 * It starts its own embedded PostgreSQL in {@code target/benchmark-register-pg}, migrates the real
 * schema, loads {@code -Dbench.rows} (1,000,000) applications of one office into {@code
 * stat_application} over 2026, and streams the applications register of the year through the real
 * {@link Registers#applications} into an output stream that only counts bytes, first a tenth of the
 * rows (January and February) and then all, printing the time, the bytes and the peak heap of each
 * (the JVM's heap pools' peak usage, reset before each export, after a full collection): constant
 * memory shows as the same peak for 100,000 and 1,000,000 rows.
 */
class RegisterBenchmark {

  static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

  @Test
  void registerExport() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/benchmark-register-pg"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start()) {
      DataSource data = postgres.getPostgresDatabase();
      Migrations.migrate(data);
      JdbcClient jdbc = JdbcClient.create(data);
      UUID regency = UUID.randomUUID();
      UUID office = UUID.randomUUID();
      UUID service = UUID.randomUUID();
      long started = System.nanoTime();
      jdbc.sql("insert into regency (id, code, name) values (?, '99.99', 'Bench')")
          .param(regency)
          .update();
      jdbc.sql(
              "insert into office (id, regency_id, code, slug, name)"
                  + " values (?, ?, '99.99.01', 'bench', 'Bench')")
          .params(office, regency)
          .update();
      jdbc.sql(
              """
              insert into stat_application (application_id, office_id, regency_id, service_id,
                channel, village_id, tracking_code, submitted_at, deadline, status,
                completion_requests, finished_at, outcome, working_days, met_deadline, steps,
                contributions)
              select gen_random_uuid(), :office, :regency, :service,
                     (array['ONLINE', 'COUNTER', 'VILLAGE'])[1 + i % 3], null,
                     'PTN-' || lpad(to_hex(i), 8, '0'),
                     timestamptz '2026-01-01 08:00+07' + make_interval(secs => i * 31.5),
                     date '2026-01-10' + (i * 31.5 / 86400)::int,
                     case when i % 5 = 0 then 'IN_REVIEW' else 'APPROVED' end,
                     i % 2,
                     case when i % 5 = 0 then null
                          else timestamptz '2026-01-03 08:00+07' + make_interval(secs => i * 31.5)
                     end,
                     case when i % 5 = 0 then null else 'APPROVED' end,
                     case when i % 5 = 0 then null else i % 9 end,
                     case when i % 5 = 0 then null else i % 9 < 6 end,
                     4, '{}'
              from generate_series(1, :rows) i
              """)
          .param("office", office)
          .param("regency", regency)
          .param("service", service)
          .param("rows", ROWS)
          .update();
      jdbc.sql("analyze stat_application").update();
      System.out.printf(
          "REGISTER BENCHMARK: %,d applications loaded in %d s%n",
          ROWS, (System.nanoTime() - started) / 1_000_000_000);
      // through one kept connection, as the application reads through its pool
      try (var pooled = new org.springframework.jdbc.datasource.SingleConnectionDataSource()) {
        pooled.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pooled.setSuppressClose(true);
        Registers registers =
            new Registers(
                pooled, null, java.time.Clock.system(id.go.kecamatan.shared.web.Zone.WIB.id()));
        // as the application calls it: in a read-only transaction, so the driver uses a cursor
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pooled));
        tx.setReadOnly(true);
        export(tx, registers, office, YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        export(tx, registers, office, YearMonth.of(2026, 1), YearMonth.of(2026, 12));
        export(tx, registers, office, YearMonth.of(2026, 1), YearMonth.of(2026, 12));
      }
    }
  }

  private static void export(
      TransactionTemplate tx, Registers registers, UUID office, YearMonth from, YearMonth to) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long[] bytes = {0};
    OutputStream counting =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes[0] += len;
          }
        };
    long t = System.nanoTime();
    Integer rows =
        tx.execute(
            status ->
                registers.applications(
                    office,
                    from,
                    to,
                    null,
                    null,
                    null,
                    null,
                    Registers.APPLICATION_COLUMNS,
                    Map.of(),
                    Map.of(),
                    Map.of("yes", "Ya", "no", "Tidak"),
                    counting));
    long ms = (System.nanoTime() - t) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "REGISTER BENCHMARK: %s..%s %,d rows in %,d ms, %,d KB of XLSX, peak heap %,d MB"
            + " (max heap %,d MB)%n",
        from,
        to,
        rows,
        ms,
        bytes[0] / 1024,
        peak / (1024 * 1024),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
