package id.go.kecamatan;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of application nodes on loopback, configured as the README's reference
 * deployment (readiness check, redispatch of a refused connection, no sticky sessions), plus one
 * response header for the tests: {@code X-Served-By} names the node that answered.
 */
public final class HaproxyBalancer implements AutoCloseable {

  private final int port;
  private final Process process;

  private HaproxyBalancer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** The reference configuration of the README for these nodes (name and port each). */
  static String configuration(int port, List<String> names, List<Integer> ports) {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      servers.append("  server %s 127.0.0.1:%d check%n".formatted(names.get(i), ports.get(i)));
    }
    return """
        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          retries 2
          option redispatch
        frontend web
          bind 127.0.0.1:%d
          default_backend layanan
        backend layanan
          balance roundrobin
          option httpchk GET /actuator/health/readiness
          http-check expect status 200
          default-server inter 1s fall 2 rise 2
          http-response set-header X-Served-By %%[srv_name]
        %s"""
        .formatted(port, servers);
  }

  /** Starts HAProxy in the foreground and waits until it accepts connections. */
  public static HaproxyBalancer start(Path dir, List<String> names, List<Integer> ports) {
    int port = NodeProcess.freePort();
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("haproxy.cfg");
      Files.writeString(config, configuration(port, names, ports));
      Process process =
          new ProcessBuilder("haproxy", "-db", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("haproxy.log").toFile())
              .start();
      HaproxyBalancer balancer = new HaproxyBalancer(port, process);
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "haproxy stopped: " + Files.readString(dir.resolve("haproxy.log")));
                }
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                  return true;
                } catch (IOException notYet) {
                  return false;
                }
              });
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start haproxy (apt-get install haproxy, as .ci/run does)", e);
    }
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
