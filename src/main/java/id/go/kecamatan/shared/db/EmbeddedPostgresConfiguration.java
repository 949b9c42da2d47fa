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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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
      @Value("${DATABASE_URL:}") String databaseUrl,
      @Value("${layanan.database.embedded.data-dir:./data/pg}") String dataDir,
      @Value("${layanan.database.embedded.clean:false}") boolean clean,
      @Value("${layanan.database.embedded.durable:true}") boolean durable,
      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
      @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout)
      throws IOException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(connectionTimeout);
    if (!databaseUrl.isBlank()) {
      DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
      config.setJdbcUrl(parsed.jdbcUrl());
      config.setUsername(parsed.username());
      config.setPassword(parsed.password());
      log.info("Using the external PostgreSQL of DATABASE_URL");
      return new HikariDataSource(config);
    }
    EmbeddedPostgres postgres =
        start(Path.of(dataDir).toAbsolutePath().normalize(), clean, durable);
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    return new EmbeddedDataSource(config, postgres);
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
    stopStaleServer(dataDir);
    log.info("Starting the embedded PostgreSQL in {}", dataDir);
    return EmbeddedPostgres.builder()
        .setServerConfig("fsync", durable ? "on" : "off")
        .setServerConfig("synchronous_commit", durable ? "on" : "off")
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(clean)
        .setPGStartupWait(Duration.ofSeconds(60))
        // EmbeddedDataSource.close() stops the server after the application context has closed.
        // The library's own JVM shutdown hook would race with Spring's and stop PostgreSQL while
        // beans still need it (the event publication registry then waits 30 s for a connection).
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "100")
        .setServerConfig("timezone", "UTC")
        .start();
  }

  /**
   * A JVM killed with {@code kill -9} leaves its PostgreSQL running on the data directory, or a
   * stale {@code postmaster.pid}. Stops that server (fast shutdown) and removes a stale pid file so
   * the next start succeeds.
   */
  static void stopStaleServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process =
        lines.isEmpty() || !lines.get(0).strip().matches("\\d+")
            ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    if (process.isPresent() && isPostgres(process.get())) {
      log.warn("Stopping a PostgreSQL left running on {} (pid {})", dataDir, process.get().pid());
      signalFastShutdown(process.get());
      try {
        process.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception timeout) {
        process.get().destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.isAlive()
        && process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }

  private static void signalFastShutdown(ProcessHandle process) {
    try {
      // SIGINT is PostgreSQL's fast shutdown: it ends the dead JVM's sessions at once.
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    } catch (IOException | InterruptedException e) {
      process.destroy();
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
      String userInfo = uri.getUserInfo() == null ? "" : uri.getUserInfo();
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String password = colon < 0 ? null : userInfo.substring(colon + 1);
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new DatabaseUrl(
          "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
          user.isEmpty() ? null : java.net.URLDecoder.decode(user, StandardCharsets.UTF_8),
          password == null ? null : java.net.URLDecoder.decode(password, StandardCharsets.UTF_8));
    }
  }
}
