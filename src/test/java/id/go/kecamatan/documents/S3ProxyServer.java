package id.go.kecamatan.documents;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the tests: S3Proxy (the build copies its runnable jar to {@code
 * target/s3proxy/s3proxy.jar}) in a process of its own on a free loopback port, with its in-memory
 * backend and AWS signatures checked against a test key. It can be stopped and started again on the
 * same port (its contents are lost then), to show what the application does while the store is
 * away.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "layanan-test";
  public static final String SECRET_KEY = "layanan-test-secret-0123456789";
  public static final String REGION = "us-east-1";

  private final int port;
  private final Path config;
  private final Path log;
  private Process process;

  private S3ProxyServer(int port, Path dir) throws IOException {
    this.port = port;
    this.config = dir.resolve("s3proxy.conf");
    this.log = dir.resolve("s3proxy.log");
    Files.writeString(
        config,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=transient",
            "jclouds.identity=unused",
            "jclouds.credential=unused",
            ""));
  }

  /** Starts a server on a free port; {@link #close()} stops it. */
  public static S3ProxyServer start() {
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      S3ProxyServer server =
          new S3ProxyServer(free.getLocalPort(), Files.createTempDirectory("s3proxy-"));
      free.close();
      server.startAgain();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the process (again), and waits until it accepts connections. */
  public void startAgain() {
    Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: run the build (process-test-resources copies it)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx256m",
                      "-jar",
                      jar.toAbsolutePath().toString(),
                      "--properties",
                      config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped: " + Files.readString(log));
              }
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  /** Stops the process and waits until it is gone. */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** What the server wrote so far, to show beside a failure. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(not readable: " + e.getMessage() + ")";
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client of this server, for creating buckets and looking inside. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates a bucket. */
  public void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(r -> r.bucket(bucket));
    }
  }

  /** The settings of an application whose blob store is this server's bucket. */
  public List<String> properties(String bucket) {
    return List.of(
        "layanan.documents.store=s3",
        "layanan.documents.s3.endpoint=" + endpoint(),
        "layanan.documents.s3.region=" + REGION,
        "layanan.documents.s3.bucket=" + bucket,
        "layanan.documents.s3.path-style=true",
        "layanan.documents.s3.access-key=" + ACCESS_KEY,
        "layanan.documents.s3.secret-key=" + SECRET_KEY,
        "layanan.documents.s3.timeout=5s");
  }

  @Override
  public void close() {
    stop();
  }
}
