package id.go.kecamatan.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The database when no external one is configured: an embedded PostgreSQL whose data directory
 * persists across restarts (default {@code ./data/pg}).
 *
 * <p>An external PostgreSQL is used instead when {@code spring.datasource.url} is set (also as the
 * environment variable {@code SPRING_DATASOURCE_URL}) or when {@code DATABASE_URL} holds a URL of
 * the form {@code postgres://user:password@host:5432/database}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  static class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }

  @Bean
  DataSource dataSource(
      Environment environment,
      @Value("${DATABASE_URL:}") String databaseUrl,
      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
      @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
      @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql)
      throws IOException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(connectionTimeout);
    if (!connectionInitSql.isBlank()) {
      // the session's zone, the regency's (application.yml): as Boot's own pool would set it
      config.setConnectionInitSql(connectionInitSql);
    }
    if (!databaseUrl.isBlank()) {
      DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
      config.setJdbcUrl(parsed.jdbcUrl());
      config.setUsername(parsed.username());
      config.setPassword(parsed.password());
      log.info("Using the external PostgreSQL of DATABASE_URL");
      return new HikariDataSource(config);
    }
    EmbeddedSettings settings = EmbeddedSettings.of(environment).orElseThrow();
    Optional<EmbeddedPostgres> begun = EmbeddedPostgresEarlyStart.take(settings);
    EmbeddedPostgres postgres = begun.isPresent() ? begun.get() : start(settings);
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    return new EmbeddedDataSource(config, postgres);
  }

  /**
   * Where and how the embedded server runs ({@code layanan.database.embedded.*}); none when an
   * external database is configured ({@code spring.datasource.url} or {@code DATABASE_URL}).
   */
  record EmbeddedSettings(Path dataDir, boolean clean, boolean durable) {
    static Optional<EmbeddedSettings> of(Environment environment) {
      if (!environment.getProperty("spring.datasource.url", "").isBlank()
          || !environment.getProperty("DATABASE_URL", "").isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new EmbeddedSettings(
              Path.of(environment.getProperty("layanan.database.embedded.data-dir", "./data/pg"))
                  .toAbsolutePath()
                  .normalize(),
              environment.getProperty("layanan.database.embedded.clean", Boolean.class, false),
              environment.getProperty("layanan.database.embedded.durable", Boolean.class, true)));
    }
  }

  static EmbeddedPostgres start(EmbeddedSettings settings) throws IOException {
    return start(settings.dataDir(), settings.clean(), settings.durable());
  }

  static EmbeddedPostgres start(Path dataDir, boolean clean) throws IOException {
    return start(dataDir, clean, true);
  }

  /**
   * Starts the server. The embedded library turns fsync and synchronous commits off for speed;
   * {@code durable} turns them back on so that a power cut loses no committed data (tests may trade
   * that for speed).
   */
  static EmbeddedPostgres start(Path dataDir, boolean clean, boolean durable) throws IOException {
    Files.createDirectories(dataDir);
    long begun = System.nanoTime();
    stopStaleServer(dataDir);
    if (clean) {
      // a fresh cluster: also after a run that was interrupted before it could delete its own
      emptyDirectory(dataDir);
    }
    log.info("Starting the embedded PostgreSQL in {}", dataDir);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", durable ? "on" : "off")
            .setServerConfig("synchronous_commit", durable ? "on" : "off")
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(clean)
            .setPGStartupWait(Duration.ofSeconds(60))
            // EmbeddedDataSource.close() stops the server after the application context has
            // closed. The library's own JVM shutdown hook would race with Spring's and stop
            // PostgreSQL while beans still need it (the event publication registry then waits 30 s
            // for a connection).
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "100")
            .setServerConfig("timezone", "UTC")
            .setServerConfig("recovery_init_sync_method", recoverySync(durable))
            .start();
    log.info(
        "The embedded PostgreSQL is ready on port {} ({} ms)",
        postgres.getPort(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
    return postgres;
  }

  /**
   * How the server makes sure, after a crash (a {@code kill -9} of the application included), that
   * everything in the data directory is on disk before it replays the WAL: by default it opens and
   * fsyncs every file one by one (over a second for the demo's data); on Linux 5.8 and later one
   * {@code syncfs} per file system gives the same guarantee, with write errors reported (PostgreSQL
   * documents the older kernels' caveat). Elsewhere, or without fsync, the default.
   */
  static String recoverySync(boolean durable) {
    return durable
            && syncfsReportsErrors(System.getProperty("os.name"), System.getProperty("os.version"))
        ? "syncfs"
        : "fsync";
  }

  static boolean syncfsReportsErrors(String osName, String osVersion) {
    if (!"Linux".equals(osName) || osVersion == null) {
      return false;
    }
    Matcher version = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(osVersion);
    if (!version.find()) {
      return false;
    }
    int major = Integer.parseInt(version.group(1));
    int minor = Integer.parseInt(version.group(2));
    return major > 5 || (major == 5 && minor >= 8);
  }

  /**
   * A JVM killed with {@code kill -9} leaves its PostgreSQL running on the data directory, or a
   * stale {@code postmaster.pid}. The embedded library holds a lock on {@code epg-lock} in the data
   * directory for as long as the JVM that started the server lives; the operating system drops it
   * when that JVM dies. So: while the lock is held (by another process or by this JVM), the server
   * belongs to a live application and is left alone, and the start fails with a message saying so.
   * Once it is free, a PostgreSQL still running on this data directory is an orphan: it gets
   * PostgreSQL's immediate shutdown (SIGQUIT, what {@code pg_ctl stop -m immediate} sends; the next
   * start runs PostgreSQL's own crash recovery, as after a power cut, so nothing committed is lost)
   * and is waited for in steps of a few milliseconds. A pid file naming a process that is gone, or
   * is not a PostgreSQL of this directory, is removed and the start goes on at once.
   */
  static void stopStaleServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    refuseIfOwned(dataDir);
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process =
        lines.isEmpty() || !lines.get(0).strip().matches("\\d+")
            ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    if (process.isPresent() && isPostgresOf(process.get(), dataDir)) {
      long begun = System.nanoTime();
      stopImmediately(process.get());
      log.warn(
          "Stopped the PostgreSQL that a killed application left running on {} (pid {}) in {} ms",
          dataDir,
          process.get().pid(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
    }
    Files.deleteIfExists(pidFile);
  }

  private static void refuseIfOwned(Path dataDir) throws IOException {
    if (OwnerLock.held(dataDir)) {
      throw new IllegalStateException(
          "The embedded PostgreSQL in "
              + dataDir
              + " belongs to an application that is still running: stop it first, or set"
              + " layanan.database.embedded.data-dir (LAYANAN_DATABASE_EMBEDDED_DATA_DIR) to a"
              + " directory of this node's own.");
    }
  }

  /** Deletes what a data directory holds, unless a live application owns it. */
  private static void emptyDirectory(Path dataDir) throws IOException {
    refuseIfOwned(dataDir);
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(dataDir)) {
          Files.delete(path);
        }
      }
    }
  }

  /** A live {@code postgres} process started with {@code -D} this data directory. */
  private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
    ProcessHandle.Info info = process.info();
    if (!process.isAlive() || !info.command().map(c -> c.endsWith("postgres")).orElse(false)) {
      return false;
    }
    List<String> arguments = List.of(info.arguments().orElse(new String[0]));
    int d = arguments.indexOf("-D");
    return d >= 0
        && d + 1 < arguments.size()
        && Path.of(arguments.get(d + 1)).toAbsolutePath().normalize().equals(dataDir);
  }

  /**
   * PostgreSQL's immediate shutdown, waited for by polling (the JDK's own wait for a process that
   * is not its child polls in steps of 300 ms and more); forcibly after 10 s. The orphan is the
   * child of the system's init, which may take a second or two to reap it: a zombie has ended.
   */
  private static void stopImmediately(ProcessHandle process) {
    try {
      new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running(process) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (IOException e) {
      log.warn("Could not signal the orphaned PostgreSQL (pid {})", process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running(process)) {
      process.destroyForcibly();
    }
  }

  /** Alive and not a zombie (Linux's {@code /proc/<pid>/stat} says {@code Z} once it ended). */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // pid (command) state ...: the command may hold spaces and parentheses
      String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).strip();
      return !afterCommand.startsWith("Z") && !afterCommand.startsWith("X");
    } catch (IOException | RuntimeException noProcFileSystem) {
      return process.isAlive();
    }
  }

  /** Closes the pool, then the server, when the application stops. */
  static final class EmbeddedDataSource extends HikariDataSource {
    private final EmbeddedPostgres postgres;

    EmbeddedDataSource(HikariConfig config, EmbeddedPostgres postgres) {
      super(config);
      this.postgres = postgres;
    }

    @Override
    public void close() {
      super.close();
      try {
        postgres.close();
      } catch (IOException e) {
        log.warn("The embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  /** A {@code postgres://user:password@host:port/database} URL. */
  record DatabaseUrl(String jdbcUrl, String username, String password) {
    static DatabaseUrl parse(String url) {
      URI uri = URI.create(url.strip());
      if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
        throw new IllegalArgumentException("DATABASE_URL must start with postgres://");
      }
      String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String password = colon < 0 ? null : userInfo.substring(colon + 1);
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new DatabaseUrl(
          "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
          user.isEmpty() ? null : percentDecoded(user),
          password == null ? null : percentDecoded(password));
    }

    /** %XX decoded as libpq does (ops/backup.sh reads the same URL); a "+" stays a "+". */
    private static String percentDecoded(String text) {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }
}
