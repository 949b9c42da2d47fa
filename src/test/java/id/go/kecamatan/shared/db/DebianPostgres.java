package id.go.kecamatan.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A throw-away cluster of the operating system's PostgreSQL (Debian's {@code postgresql-15}, the
 * external database the README documents), with its own client tools ({@code pg_dump}, {@code
 * pg_restore}, {@code psql}) of the same version: the zonky bundle of the embedded server has no
 * client tools, and Debian's {@code pg_dump} 15 refuses to dump a newer server. The cluster lives
 * in a temporary directory on a free loopback port, trusts local connections of the user {@code
 * postgres}, and is removed by {@link #close()}. As root, the server runs as the operating system's
 * {@code postgres} user (PostgreSQL refuses to run as root).
 *
 * <p>The binaries are taken from {@code -Dlayanan.test.pg-bin} (default {@code
 * /usr/lib/postgresql/15/bin}); {@code .ci/run} installs them.
 */
public final class DebianPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final boolean asRoot;

  private DebianPostgres(Path bin, Path dataDir, int port, boolean asRoot) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** The directory of the server's binaries and client tools. */
  public static Path bin() {
    Path bin = Path.of(System.getProperty("layanan.test.pg-bin", "/usr/lib/postgresql/15/bin"));
    if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
      throw new IllegalStateException(
          bin
              + "/pg_ctl is missing: install Debian's PostgreSQL (apt-get install postgresql-15, as"
              + " .ci/run does) or point -Dlayanan.test.pg-bin at another PostgreSQL's bin folder");
    }
    return bin;
  }

  /** Creates and starts a cluster on a free port. */
  public static DebianPostgres start() {
    Path bin = bin();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    try {
      Path dataDir = Files.createTempDirectory("layanan-pg-");
      if (asRoot) {
        UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dataDir, users.lookupPrincipalByName("postgres"));
      }
      int port;
      try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = free.getLocalPort();
      }
      DebianPostgres server = new DebianPostgres(bin, dataDir, port, asRoot);
      server.run(
          bin.resolve("initdb").toString(),
          "-D",
          dataDir.resolve("data").toString(),
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync");
      server.run(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dataDir.resolve("data").toString(),
          "-l",
          dataDir.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-c listen_addresses=127.0.0.1 -c port="
              + port
              + " -c unix_socket_directories="
              + dataDir
              + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
              + " -c max_connections=100 -c timezone=UTC",
          "start");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** The server's major version, e.g. 15. */
  public int majorVersion() {
    String version = run(bin.resolve("pg_ctl").toString(), "--version").strip();
    return Integer.parseInt(version.replaceAll(".* (\\d+)\\.\\d+.*", "$1"));
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public void createDatabase(String name) {
    sql("create database " + name);
  }

  public void dropDatabase(String name) {
    sql("drop database if exists " + name + " with (force)");
  }

  /** Runs one statement with psql in the database {@code postgres}; returns its output. */
  public String sql(String statement) {
    return run(
        bin.resolve("psql").toString(),
        "-X",
        "-q",
        "-At",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-c",
        statement);
  }

  private String run(String... command) {
    List<String> line = new ArrayList<>();
    if (asRoot) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    try {
      Process process =
          new ProcessBuilder(line).directory(dataDir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server at once and removes the cluster. */
  @Override
  public void close() {
    try {
      run(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dataDir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } finally {
      FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
  }
}
