package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.LoadGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public office and service pages against a static server of the same bytes, in the same run
 * (not part of the normal build; see docs/performance.md):
 *
 * <pre>
 * ./mvnw -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=PublicPagesBenchmark | grep BENCH
 * </pre>
 *
 * <p>It saves each page as an anonymous visitor receives it, starts Debian's nginx ({@code
 * /usr/sbin/nginx}, 2 workers, port 18201) serving those bytes, then loads the application and
 * nginx one after the other with the same {@link LoadGenerator}, in alternating rounds, and prints
 * each one's requests per second, p50/p95/p99 and the ratio. {@code -Dbench.concurrency=4,16},
 * {@code -Dbench.seconds=8}, {@code -Dbench.rounds=2}, {@code -Dbench.gzip=true} (both asked for
 * gzip; nginx compresses at level 1 like Tomcat's default), {@code -Dbench.revalidate=true} (the
 * application also with the page's ETag in {@code If-None-Match}), {@code -Dbench.nginxPort=18201},
 * {@code -Dbench.jfr=target/pages.jfr} (a flight recording, profile settings, of the last round).
 */
@IntegrationTest
class PublicPagesBenchmark {

  static final String NGINX = System.getProperty("bench.nginx", "/usr/sbin/nginx");
  static final int NGINX_PORT = Integer.getInteger("bench.nginxPort", 18201);
  static final List<Integer> CONCURRENCY =
      Arrays.stream(System.getProperty("bench.concurrency", "4,16").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .toList();
  static final Duration SECONDS = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  static final boolean GZIP = Boolean.getBoolean("bench.gzip");
  static final boolean REVALIDATE = Boolean.getBoolean("bench.revalidate");
  static final String JFR = System.getProperty("bench.jfr", "");

  @LocalServerPort int port;

  record Target(String name, String path, String file) {}

  @Test
  void publicPagesAgainstNginxServingTheSameBytes() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(NGINX)), "nginx is not installed: apt-get install nginx");
    List<Target> targets =
        List.of(
            new Target("office /kecamatan/jetis", "/kecamatan/jetis", "office.html"),
            new Target(
                "service /kecamatan/jetis/layanan/SKTM",
                "/kecamatan/jetis/layanan/SKTM",
                "service.html"));
    Path root = Path.of("target/bench-static").toAbsolutePath();
    Files.createDirectories(root.resolve("logs"));
    HttpClient http = HttpClient.newHttpClient();
    List<String> etags = new ArrayList<>();
    for (Target target : targets) {
      HttpResponse<byte[]> page =
          http.send(
              HttpRequest.newBuilder(URI.create(app(target.path()))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(page.statusCode()).as(target.path()).isEqualTo(200);
      Files.write(root.resolve(target.file()), page.body());
      etags.add(page.headers().firstValue("ETag").orElse(null));
      System.out.printf(
          Locale.ROOT,
          "BENCH page %s: %,d bytes, Cache-Control %s, ETag %s%n",
          target.path(),
          page.body().length,
          page.headers().firstValue("Cache-Control").orElse("-"),
          page.headers().firstValue("ETag").orElse("-"));
    }
    Process nginx = startNginx(root);
    try {
      for (Target target : targets) {
        HttpResponse<byte[]> copy =
            http.send(
                HttpRequest.newBuilder(URI.create(nginx(target.file()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.body())
            .as("nginx serves the same bytes")
            .isEqualTo(Files.readAllBytes(root.resolve(target.file())));
      }
      System.out.println(
          "BENCH load average at start: "
              + LoadGenerator.loadAverage()
              + "; "
              + Runtime.getRuntime().availableProcessors()
              + " cores; gzip "
              + GZIP);
      String[] headers = GZIP ? new String[] {"Accept-Encoding", "gzip"} : new String[0];
      // warm-up: the JIT, Tomcat's threads, the pool
      for (Target target : targets) {
        LoadGenerator.run(
            "warm-up", URI.create(app(target.path())), 8, Duration.ofSeconds(5), 200, headers);
        LoadGenerator.run(
            "warm-up", URI.create(nginx(target.file())), 8, Duration.ofSeconds(2), 200, headers);
      }
      Recording recording = null;
      for (int round = 1; round <= ROUNDS; round++) {
        if (!JFR.isBlank() && round == ROUNDS) {
          recording = new Recording(Configuration.getConfiguration("profile"));
          recording.start();
        }
        for (int c : CONCURRENCY) {
          for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            LoadGenerator.Result app =
                LoadGenerator.run(
                    "app   " + target.name(),
                    URI.create(app(target.path())),
                    c,
                    SECONDS,
                    200,
                    headers);
            LoadGenerator.Result copy =
                LoadGenerator.run(
                    "nginx " + target.name(),
                    URI.create(nginx(target.file())),
                    c,
                    SECONDS,
                    200,
                    headers);
            System.out.println(app.line());
            System.out.println(copy.line());
            System.out.printf(
                Locale.ROOT,
                "BENCH round %d c=%d %s: app/nginx = %.2f (load %s)%n",
                round,
                c,
                target.name(),
                app.perSecond() / copy.perSecond(),
                LoadGenerator.loadAverage());
            if (REVALIDATE && etags.get(i) != null) {
              String[] conditional = Arrays.copyOf(headers, headers.length + 2);
              conditional[headers.length] = "If-None-Match";
              conditional[headers.length + 1] = etags.get(i);
              System.out.println(
                  LoadGenerator.run(
                          "app 304 " + target.name(),
                          URI.create(app(target.path())),
                          c,
                          SECONDS,
                          304,
                          conditional)
                      .line());
            }
          }
        }
      }
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(JFR));
        recording.close();
        System.out.println("BENCH flight recording in " + JFR);
      }
      System.out.println("BENCH load average at end: " + LoadGenerator.loadAverage());
    } finally {
      nginx.destroy();
      if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
        nginx.destroyForcibly();
      }
    }
  }

  private String app(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String nginx(String file) {
    return "http://127.0.0.1:" + NGINX_PORT + "/" + file;
  }

  /** nginx in the foreground, 2 workers (the machine's cores), keep-alive, no access log. */
  private static Process startNginx(Path root) throws IOException {
    Path conf = root.resolve("nginx.conf");
    Files.writeString(
        conf,
        """
        daemon off;
        worker_processes 2;
        pid %1$s/logs/nginx.pid;
        error_log %1$s/logs/error.log warn;
        %3$s
        events { worker_connections 1024; }
        http {
          access_log off;
          sendfile on;
          tcp_nopush on;
          default_type text/html;
          charset_types text/html;
          gzip %4$s;
          gzip_comp_level 1;
          gzip_min_length 512;
          client_body_temp_path %1$s/logs/body;
          proxy_temp_path %1$s/logs/proxy;
          fastcgi_temp_path %1$s/logs/fastcgi;
          uwsgi_temp_path %1$s/logs/uwsgi;
          scgi_temp_path %1$s/logs/scgi;
          server {
            listen 127.0.0.1:%2$d;
            root %1$s;
            location / { types { } default_type "text/html; charset=UTF-8"; }
          }
        }
        """
            .formatted(
                root,
                NGINX_PORT,
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                GZIP ? "on" : "off"));
    Process process =
        new ProcessBuilder(NGINX, "-p", root.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("logs/nginx.out").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      Awaitility.await("nginx answers")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(URI.create(nginx("office.html"))).build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "nginx did not start: " + Files.readString(root.resolve("logs/nginx.out")), e);
    }
    return process;
  }
}
