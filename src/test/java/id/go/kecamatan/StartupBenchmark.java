package id.go.kecamatan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up to the first page (not part of the normal build; see docs/performance.md, "Start-up").
 * It builds nothing: package first, then run it either way,
 *
 * <pre>
 * ./mvnw -o -q package -DskipTests
 * java -cp target/test-classes id.go.kecamatan.StartupBenchmark
 * ./mvnw -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=StartupBenchmark | grep BENCH
 * </pre>
 *
 * <p>It runs the packaged jar ({@code bench.jar}) as an operator does, with the demo profile, on a
 * data directory of its own ({@code bench.dir}, default {@code /tmp/layanan-startup-bench}); the
 * first time it loads the demo data there in an untimed start. Then, {@code bench.rounds} times: a
 * start after a clean stop, timed from launching the process to the first {@code 200} of {@code /}
 * and then of an office page; the process is killed with {@code kill -9} (its PostgreSQL is left
 * running on the data directory) and the next start is timed the same way, then stopped cleanly. It
 * prints the median and the maximum, the load average before and after, and for every start the
 * JVM's CPU time at the first page (user and system: a start's work, which the load of other
 * processes hardly changes, unlike the wall-clock time) and the moments (from launch) at which the
 * log shows each phase: the application's first line (the JVM and the launcher), the embedded
 * PostgreSQL begun and ready, Flyway, the demo data, the context started.
 *
 * <p>{@code bench.java} (the {@code java} binary, default this JVM's), {@code bench.jvmArgs} (extra
 * JVM options, space separated, for instance a CDS archive), {@code bench.port} (18300), {@code
 * bench.office} ({@code /kecamatan/jetis}).
 *
 * <p>{@code bench.warmup} (seconds, default 0): the warm-up of a node that has just started. After
 * each start following a clean stop, as soon as both pages answered, the office page and a service
 * page ({@code bench.service}, {@code /kecamatan/jetis/layanan/SKTM}) are requested one after the
 * other by {@code bench.warmupConcurrency} (4) threads for that many seconds, and the requests per
 * second and the p95 are printed for every 5 seconds and for the whole: what a JIT option (C2's
 * thresholds, for instance) costs the first seconds under load (docs/performance.md, "Start-up",
 * fourth round). The load generator runs in this JVM, on the same cores as the node.
 */
class StartupBenchmark {

  static final Path JAR =
      Path.of(System.getProperty("bench.jar", "target/layanan-kecamatan-0.1.0-SNAPSHOT.jar"));
  static final Path DIR = Path.of(System.getProperty("bench.dir", "/tmp/layanan-startup-bench"));
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  static final int PORT = Integer.getInteger("bench.port", 18300);
  static final String OFFICE = System.getProperty("bench.office", "/kecamatan/jetis");
  static final String SERVICE =
      System.getProperty("bench.service", "/kecamatan/jetis/layanan/SKTM");
  static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 0);
  static final int WARMUP_CONCURRENCY = Integer.getInteger("bench.warmupConcurrency", 4);
  static final int WARMUP_SLICE_SECONDS = 5;
  static final String JAVA =
      System.getProperty(
          "bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
  static final List<String> JVM_ARGS =
      Arrays.stream(System.getProperty("bench.jvmArgs", "").split(" "))
          .filter(arg -> !arg.isBlank())
          .toList();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  /** Log lines that mark a phase, in the order they are printed. */
  static final Map<String, String> PHASES = new LinkedHashMap<>();

  static {
    PHASES.put("app log", "Starting LayananKecamatanApplication");
    PHASES.put("pg begun", "Starting the embedded PostgreSQL");
    PHASES.put("pg up", "The embedded PostgreSQL is ready");
    PHASES.put("pool", "HikariPool-1 - Start completed");
    PHASES.put("flyway", "FlywayExecutor");
    PHASES.put("flyway done", "No migration necessary");
    PHASES.put("tomcat", "Tomcat started on port");
    PHASES.put("started", "Started LayananKecamatanApplication");
  }

  record Start(
      String kind, long firstPage, long officePage, long cpuMillis, Map<String, Long> phases) {}

  @Test
  void startUpToTheFirstPage() throws Exception {
    run();
  }

  public static void main(String[] args) throws Exception {
    run();
  }

  static void run() throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run ./mvnw -o -q package -DskipTests first");
    }
    Files.createDirectories(DIR.resolve("logs"));
    print("load average before: " + LoadGenerator.loadAverage() + "; " + cores() + " cores");
    print("java " + JAVA + " " + String.join(" ", JVM_ARGS) + "; jar " + JAR);
    if (!Files.exists(DIR.resolve("pg").resolve("PG_VERSION"))) {
      print("no demo data in " + DIR + " yet: loading it (untimed)");
      Process first = launch("prepare");
      Start prepared;
      try {
        prepared = awaitPages("prepare", first, Instant.now(), Duration.ofMinutes(15));
      } finally {
        stop(first);
      }
      print("demo data loaded in " + prepared.firstPage() + " ms");
    }
    List<Start> starts = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      starts.add(timedStart("clean-" + round, StartupBenchmark::kill9));
      // that process was killed with kill -9: this start finds its PostgreSQL still running
      starts.add(timedStart("kill9-" + round, StartupBenchmark::stop));
    }
    summary("after a clean stop", starts.stream().filter(s -> s.kind().startsWith("clean")));
    summary("after kill -9", starts.stream().filter(s -> s.kind().startsWith("kill9")));
    print("load average after: " + LoadGenerator.loadAverage());
  }

  /** How a timed start's process ends. */
  interface Ending {
    void end(Process process) throws InterruptedException;
  }

  /** Starts, waits for both pages, then ends the process ({@code kill -9} or a clean stop). */
  private static Start timedStart(String name, Ending ending) throws Exception {
    Instant launched = Instant.now();
    Process process = launch(name);
    try {
      Start start = awaitPages(name, process, launched, Duration.ofMinutes(5));
      report(start);
      if (WARMUP_SECONDS > 0 && name.startsWith("clean")) {
        warmUp(name);
      }
      return start;
    } finally {
      ending.end(process);
    }
  }

  private static Process launch(String name) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(JVM_ARGS);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(DIR.resolve("logs").resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPRING_PROFILES_ACTIVE", "demo");
    environment.put("PORT", Integer.toString(PORT));
    environment.put("LAYANAN_DATABASE_EMBEDDED_DATA_DIR", DIR.resolve("pg").toString());
    environment.put("LAYANAN_DOCUMENTS_DIR", DIR.resolve("documents").toString());
    return builder.start();
  }

  private static Start awaitPages(String name, Process process, Instant launched, Duration atMost)
      throws Exception {
    long firstPage = awaitOk(process, "/", launched, atMost);
    long cpuMillis = cpuMillis(process);
    long officePage = awaitOk(process, OFFICE, launched, atMost);
    return new Start(name, firstPage, officePage, cpuMillis, phases(name, launched));
  }

  /**
   * The CPU time (user and system, all threads) the JVM has used so far, in ms: the work of a
   * start, which, unlike its wall-clock time, hardly grows with the load of other processes on the
   * machine (PostgreSQL's own processes are not counted). -1 where there is no {@code /proc}.
   */
  static long cpuMillis(Process process) {
    long nanos = ProcessorTime.process(process.pid());
    return nanos < 0 ? -1 : nanos / 1_000_000;
  }

  /** Milliseconds from launch to the first 200 of the path, polling every 20 ms. */
  private static long awaitOk(Process process, String path, Instant launched, Duration atMost)
      throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + PORT + path);
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped; see " + DIR.resolve("logs"));
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return Duration.between(launched, Instant.now()).toMillis();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // the poll's interval is the harness's resolution (it measures when the page first
      // answers); it runs as plain `java -cp target/test-classes`, without awaitility
      Thread.sleep(20);
    }
    throw new IllegalStateException(path + " did not answer 200 within " + atMost);
  }

  /**
   * The first {@link #WARMUP_SECONDS} of load on the office and the service page, in slices of 5
   * seconds and as a whole; every answer must be a 200.
   */
  private static void warmUp(String name) throws InterruptedException {
    List<HttpRequest> pages =
        Stream.of(OFFICE, SERVICE)
            .map(path -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)))
            .map(request -> request.timeout(Duration.ofSeconds(30)).GET().build())
            .toList();
    AtomicLong next = new AtomicLong();
    long requests = 0;
    long errors = 0;
    StringBuilder slices = new StringBuilder();
    for (int elapsed = 0; elapsed < WARMUP_SECONDS; elapsed += WARMUP_SLICE_SECONDS) {
      LoadGenerator.Result slice =
          LoadGenerator.run(
              "warm-up",
              WARMUP_CONCURRENCY,
              Duration.ofSeconds(Math.min(WARMUP_SLICE_SECONDS, WARMUP_SECONDS - elapsed)),
              200,
              () -> pages.get((int) (next.getAndIncrement() % pages.size())),
              response -> {});
      requests += slice.requests();
      errors += slice.errors();
      slices.append(
          String.format(
              Locale.ROOT,
              " %d-%ds %,.0f/s (p95 %.1f ms)",
              elapsed,
              elapsed + (int) slice.duration().toSeconds(),
              slice.perSecond(),
              slice.p95Micros() / 1000.0));
    }
    print(
        String.format(
            Locale.ROOT,
            "%-9s warm-up, %d threads, office and service page: %,.0f req/s over %d s, %d errors;%s",
            name,
            WARMUP_CONCURRENCY,
            requests / (double) WARMUP_SECONDS,
            WARMUP_SECONDS,
            errors,
            slices));
  }

  /** Each phase's moment in ms from launch, read from the timestamps of the log. */
  private static Map<String, Long> phases(String name, Instant launched) throws IOException {
    List<String> lines =
        Files.readAllLines(DIR.resolve("logs").resolve(name + ".log"), StandardCharsets.UTF_8);
    Map<String, Long> phases = new LinkedHashMap<>();
    PHASES.forEach(
        (phase, marker) ->
            lines.stream()
                .filter(line -> line.contains(marker))
                .findFirst()
                .flatMap(StartupBenchmark::timestamp)
                .ifPresent(at -> phases.put(phase, Duration.between(launched, at).toMillis())));
    return phases;
  }

  private static Optional<Instant> timestamp(String line) {
    int space = line.indexOf(' ');
    try {
      return Optional.of(Instant.parse(space < 0 ? line : line.substring(0, space)));
    } catch (RuntimeException notATimestamp) {
      return Optional.empty();
    }
  }

  private static void kill9(Process process) throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static void report(Start start) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-9s first 200 of / %,6d ms (JVM's CPU %,6d ms), of %s %,6d ms; log:",
                start.kind(),
                start.firstPage(),
                start.cpuMillis(),
                OFFICE,
                start.officePage()));
    start.phases().forEach((phase, at) -> line.append(' ').append(phase).append(' ').append(at));
    print(line.toString());
  }

  private static void summary(String kind, Stream<Start> starts) {
    List<Start> all = starts.toList();
    long[] first = all.stream().mapToLong(Start::firstPage).sorted().toArray();
    long[] office = all.stream().mapToLong(Start::officePage).sorted().toArray();
    long[] cpu = all.stream().mapToLong(Start::cpuMillis).sorted().toArray();
    StringBuilder phases = new StringBuilder();
    for (String phase : PHASES.keySet()) {
      long[] at =
          all.stream()
              .map(s -> s.phases().get(phase))
              .filter(v -> v != null)
              .mapToLong(Long::longValue)
              .sorted()
              .toArray();
      if (at.length > 0) {
        phases.append(' ').append(phase).append(' ').append(median(at));
      }
    }
    print(
        String.format(
            Locale.ROOT,
            "%s (%d starts): first 200 of / median %,d ms, max %,d ms (JVM's CPU median %,d ms);"
                + " of %s median %,d ms, max %,d ms; log phases (median ms from launch):%s",
            kind,
            first.length,
            median(first),
            first[first.length - 1],
            median(cpu),
            OFFICE,
            median(office),
            office[office.length - 1],
            phases));
  }

  private static long median(long[] sorted) {
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static void print(String line) {
    System.out.println("BENCH " + line);
  }
}
