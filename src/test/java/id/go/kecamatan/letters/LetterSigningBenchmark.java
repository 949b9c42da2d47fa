package id.go.kecamatan.letters;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.ProcessorTime;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.letters.internal.Signatories;
import id.go.kecamatan.letters.internal.Signatory;
import id.go.kecamatan.letters.internal.render.LetterRendering;
import id.go.kecamatan.letters.internal.render.LetterRequest;
import id.go.kecamatan.letters.internal.render.RenderedLetter;
import id.go.kecamatan.letters.internal.signing.SignatureDetails;
import id.go.kecamatan.letters.internal.signing.SignatureProvider;
import id.go.kecamatan.letters.internal.signing.SignerIdentity;
import id.go.kecamatan.letters.internal.signing.SigningSession;
import id.go.kecamatan.shared.security.Officer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Letters rendered + numbered + signed + stored per second, through {@link LetterSigning} on the
 * real database (not part of the normal build; see docs/performance.md):
 *
 * <pre>
 * ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=LetterSigningBenchmark | grep BENCH
 * </pre>
 */
@IntegrationTest
// a node's key sealing, not the tests' cheaper one: each batch opens the signer's key once
@TestPropertySource(properties = "layanan.letters.key-iterations=600000")
class LetterSigningBenchmark {

  /** Letters signed before the runs (-Dbench.warmup): the JIT compilers' own work shows less. */
  static final int WARM_UP = Integer.getInteger("bench.warmup", 60);

  static final int LETTERS = Integer.getInteger("bench.letters", 600);

  /**
   * How many times the three levels run (-Dbench.rounds). A node's code is compiled for the mix of
   * work it does: here, making applications between the levels changes the profile the letters'
   * code was compiled with, and the JIT compilers recompile it during the next level; later rounds
   * show how much of that stays.
   */
  static final int ROUNDS = Integer.getInteger("bench.rounds", 1);

  static final int BATCH = 50;

  @Autowired LetterSigning signing;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;

  @Autowired LetterRendering rendering;
  @Autowired SignatureProvider provider;
  @Autowired Signatories signatories;

  /** Where a letter's time goes: rendering and signing alone, one thread, after warm-up. */
  @Test
  void renderingAndSigningAlone() throws Exception {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    UUID office = fixtures.office("12.77.03");
    Officer camat = fixtures.officer("camat.batunadua");
    Application application = fixtures.approved(office, "Pemohon Rincian");
    Signatory signatory = signatories.of(office, camat.staffId(), LocalDate.now()).orElseThrow();
    LetterRequest request =
        new LetterRequest(
            office,
            application.serviceId(),
            application.applicant(),
            application.answers(),
            application.trackingCode().value(),
            "470/001/400.3/2026",
            LocalDate.now(),
            signatory.line(),
            "https://layanan.example.go.id/v/ABCDEFGHJKMNPQRSTUVWXYZ234");
    RenderedLetter rendered = null;
    int n = 200;
    for (int i = 0; i < 50; i++) {
      rendered = rendering.render(request);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long startCpu = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      rendered = rendering.render(request);
    }
    double renderMs = (System.nanoTime() - start) / 1e6 / n;
    double renderCpuMs = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6 / n;
    byte[] signed = null;
    try (SigningSession session =
        provider.open(
            new SignerIdentity(camat.staffId(), office, camat.fullName(), null, null),
            LetterFixtures.PASSPHRASE.toCharArray())) {
      SignatureDetails details = new SignatureDetails("Uji", "Batunadua", java.time.Instant.now());
      for (int i = 0; i < 50; i++) {
        session.sign(rendered.pdf(), rendered.signatureBox(), details);
      }
      start = System.nanoTime();
      startCpu = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        signed = session.sign(rendered.pdf(), rendered.signatureBox(), details);
      }
    }
    double signMs = (System.nanoTime() - start) / 1e6 / n;
    double signCpuMs = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6 / n;
    // the CPU time is the thread's own: steadier than the wall time on a machine shared with others
    System.out.printf(
        "BENCH one letter, one thread: rendering %.1f ms (CPU %.1f ms), signing %.1f ms (CPU %.1f"
            + " ms) (%d bytes, signed %d bytes)%n",
        renderMs, renderCpuMs, signMs, signCpuMs, rendered.pdf().length, signed.length);
  }

  private long incompleteAtStart;

  @Test
  void lettersPerSecond() throws Exception {
    incompleteAtStart = incompletePublications();
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    UUID office = fixtures.office("12.77.03");
    Officer camat = fixtures.officer("camat.batunadua");
    List<ApplicationId> warmUp = approved(fixtures, office, WARM_UP);
    run(camat, warmUp, 1);
    for (int round = 1; round <= ROUNDS; round++) {
      if (ROUNDS > 1) {
        System.out.printf("BENCH round %d of %d%n", round, ROUNDS);
      }
      levels(fixtures, office, camat);
    }
  }

  /** One letter count at 1, 2 and 4 batches at once, each after its own applications are made. */
  private void levels(LetterFixtures fixtures, UUID office, Officer camat) throws Exception {
    for (int threads : new int[] {1, 2, 4}) {
      List<ApplicationId> ids = approved(fixtures, office, LETTERS);
      awaitQuiet();
      awaitCompilersIdle();
      long start = System.nanoTime();
      long startCpu = ProcessorTime.jvm();
      long startPostgres = ProcessorTime.postgres(jdbc);
      long[] startDb = databaseCounters();
      Map<String, long[]> startTables = tableCounters();
      long startJit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long startGc = gcMillis();
      run(camat, ids, threads);
      double seconds = (System.nanoTime() - start) / 1e9;
      // the JVM's CPU time until the letters' event listeners are done too (the database's own
      // processes not counted)
      awaitQuiet();
      double cpuMs = (ProcessorTime.jvm() - startCpu) / 1e6 / ids.size();
      double postgresMs = (ProcessorTime.postgres(jdbc) - startPostgres) / 1e6 / ids.size();
      long[] db = databaseCounters();
      double jitMs =
          (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - startJit)
              / (double) ids.size();
      double gcMs = (gcMillis() - startGc) / (double) ids.size();
      System.out.printf(
          "BENCH letters signed: %d with %d thread(s) in %.2f s = %.1f letters/s (batches of %d,"
              + " one passphrase entry each); processor time per letter: JVM %.1f ms +"
              + " PostgreSQL %.1f ms = %.1f ms (%d cores: at most %.0f/s)%n",
          ids.size(),
          threads,
          seconds,
          ids.size() / seconds,
          BATCH,
          cpuMs,
          postgresMs,
          cpuMs + postgresMs,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors() * 1e3 / (cpuMs + postgresMs));
      System.out.printf(
          "BENCH   per letter, until the listeners are done: %.1f transactions, %.1f rows"
              + " inserted, %.1f updated, %.1f deleted, %.1f event publications; JIT compilers"
              + " %.1f ms, garbage collection %.1f ms%n",
          (db[0] - startDb[0]) / (double) ids.size(),
          (db[1] - startDb[1]) / (double) ids.size(),
          (db[2] - startDb[2]) / (double) ids.size(),
          (db[3] - startDb[3]) / (double) ids.size(),
          (db[4] - startDb[4]) / (double) ids.size(),
          jitMs,
          gcMs);
      printTables(startTables, tableCounters(), ids.size());
    }
  }

  /** Rows inserted, updated (of them in place, "HOT") and deleted per table, per letter. */
  private static void printTables(Map<String, long[]> before, Map<String, long[]> after, int n) {
    StringBuilder line = new StringBuilder("BENCH   rows per letter by table (ins/upd/hot/del):");
    after.forEach(
        (table, counts) -> {
          long[] was = before.getOrDefault(table, new long[counts.length]);
          double[] per = new double[counts.length];
          double sum = 0;
          for (int i = 0; i < counts.length; i++) {
            per[i] = (counts[i] - was[i]) / (double) n;
            sum += per[i];
          }
          if (sum >= 0.05) {
            line.append(
                String.format(" %s %.1f/%.1f/%.1f/%.1f", table, per[0], per[1], per[2], per[3]));
          }
        });
    System.out.println(line);
  }

  /** The database's own per-table counters of rows inserted, updated, updated in place, deleted. */
  private Map<String, long[]> tableCounters() {
    Map<String, long[]> tables = new TreeMap<>();
    jdbc.sql(
            "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from"
                + " pg_stat_user_tables")
        .query(
            rs -> {
              tables.put(
                  rs.getString(1),
                  new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            });
    return tables;
  }

  /**
   * Waits until the event listeners of the letters signed so far are done: no more event
   * publications incomplete than when the test began (the demo data's own may be left).
   */
  private void awaitQuiet() {
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> incompletePublications() <= incompleteAtStart);
  }

  /**
   * Waits until the JIT compilers have had nothing to do for half a second: the fixtures' own code
   * (thousands of applications submitted and approved before each level) is compiled while they are
   * made, not during the level that measures the letters. The letters' own compilations, and those
   * their code needs again once the fixtures changed its profile, still fall into the level.
   */
  private static void awaitCompilersIdle() {
    long[] last = {-1};
    long start = System.nanoTime();
    try {
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                long now = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                boolean idle = now == last[0];
                last[0] = now;
                return idle;
              });
    } catch (ConditionTimeoutException e) {
      System.out.println("BENCH   (the JIT compilers were still at work after a minute)");
    }
    System.out.printf(
        "BENCH   waited %.1f s for the JIT compilers to be idle%n",
        (System.nanoTime() - start) / 1e9);
  }

  private long incompletePublications() {
    return jdbc.sql("select count(*) from event_publication where completion_date is null")
        .query(Long.class)
        .single();
  }

  /**
   * The database's own counters (committed transactions, rows inserted, updated, deleted) and the
   * event publications so far; each read is its own transaction, so it sees the counters afresh.
   */
  private long[] databaseCounters() {
    long[] counters =
        jdbc.sql(
                """
                select xact_commit, tup_inserted, tup_updated, tup_deleted
                from pg_stat_database where datname = current_database()
                """)
            .query(
                (rs, row) ->
                    new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0})
            .single();
    counters[4] = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    return counters;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static List<ApplicationId> approved(LetterFixtures fixtures, UUID office, int count) {
    List<ApplicationId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(fixtures.approved(office, "Pemohon Uji " + i).id());
    }
    return ids;
  }

  private void run(Officer camat, List<ApplicationId> ids, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SigningReport>> runs = new ArrayList<>();
      for (int i = 0; i < ids.size(); i += BATCH) {
        List<ApplicationId> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
        runs.add(
            pool.submit(
                () -> signing.sign(camat, batch, LetterFixtures.PASSPHRASE.toCharArray()).value()));
      }
      for (Future<SigningReport> run : runs) {
        if (!run.get().skipped().isEmpty()) {
          throw new IllegalStateException("Skipped: " + run.get().skipped());
        }
      }
    } finally {
      pool.shutdown();
    }
  }
}
