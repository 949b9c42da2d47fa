package id.go.kecamatan;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as an operator runs it: a JVM of its own running the application's classes and
 * runtime dependencies (what the packaged jar holds), configured by environment variables only, on
 * a free loopback port, its output in {@code target/nodes/<name>.log}. {@link #start} returns once
 * the node's readiness answers 200.
 */
public final class NodeProcess implements AutoCloseable {

  /**
   * The secrets and settings of the test profile: a node started here reads the same CA key and 2FA
   * secrets.
   */
  public static final Map<String, String> TEST_SECRETS =
      Map.of(
          "LAYANAN_LETTERS_CA_SECRET", "test-ca-secret-0123456789",
          "LAYANAN_ACCOUNTS_SECOND_FACTOR_SECRET", "test-second-factor-secret-0123",
          "LAYANAN_METRICS_TOKEN", "test-metrics-token-0123456789",
          // the tests sign in with passwords alone, as in the shared test context
          "LAYANAN_ACCOUNTS_SECOND_FACTOR_ROLES", "",
          // and hash them with BCrypt's fewest rounds, as the test profile does
          "LAYANAN_ACCOUNTS_PASSWORD_STRENGTH", "4");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private NodeProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * The application's class path: {@code target/classes} and its runtime dependencies as the build
   * listed them ({@code target/runtime-classpath.txt}, written before the tests run). The same
   * classes as the packaged jar, without needing it (failsafe may run before it is repackaged).
   */
  public static String classPath() {
    Path list = Path.of("target", "runtime-classpath.txt");
    try {
      return Path.of("target", "classes").toAbsolutePath()
          + java.io.File.pathSeparator
          + Files.readString(list, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          list.toAbsolutePath()
              + " is missing: run the tests through Maven (process-test-resources writes it)",
          e);
    }
  }

  public static int freePort() {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JVM options of the tests' nodes: a node's heap, and only the first compiler (a test's node
   * runs for a minute; C1 alone starts it sooner and costs the other test JVMs less).
   */
  public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  /** Starts a node with these settings (on top of {@link #TEST_SECRETS}) and waits until ready. */
  public static NodeProcess start(String name, Map<String, String> settings) {
    return start(name, settings, TEST_JVM);
  }

  /** The same with these JVM options (a benchmark's node: a production node's). */
  public static NodeProcess start(String name, Map<String, String> settings, List<String> jvm) {
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(List.of("-cp", classPath(), LayananKecamatanApplication.class.getName()));
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.putAll(TEST_SECRETS);
      environment.putAll(settings);
      environment.put("PORT", Integer.toString(port));
      NodeProcess node = new NodeProcess(name, port, log, builder.start());
      node.awaitReady(Duration.ofSeconds(240));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped:\n" + tail());
              }
              return readiness() == 200;
            });
  }

  /** The status of {@code /actuator/health/readiness}, or 0 when the node does not answer. */
  public int readiness() {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public long pid() {
    return process.pid();
  }

  /** The node's resident memory now and its peak ({@link #memory(long)}). */
  public String memory() {
    return memory(process.pid());
  }

  /**
   * A process's resident memory now and at its peak ({@code VmRSS} and {@code VmHWM} of {@code
   * /proc/<pid>/status}); "RSS unknown" where there is no {@code /proc}.
   */
  public static String memory(long pid) {
    try {
      String rss = "?";
      String peak = "?";
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = line.substring(6).strip();
        } else if (line.startsWith("VmHWM:")) {
          peak = line.substring(6).strip();
        }
      }
      return "RSS " + rss + " (peak " + peak + ")";
    } catch (IOException | RuntimeException gone) {
      return "RSS unknown";
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The node's output so far (its log). */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private String tail() {
    String output = output();
    return output.substring(Math.max(0, output.length() - 6000));
  }

  /** {@code kill -9}: the node ends without a chance to finish anything. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** {@code kill} (SIGTERM): the node shuts down gracefully. Returns its exit code. */
  public int stop() {
    process.destroy();
    return waitFor();
  }

  private int waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
