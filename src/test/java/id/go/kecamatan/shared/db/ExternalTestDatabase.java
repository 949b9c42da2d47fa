package id.go.kecamatan.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Runs the test contexts on an external PostgreSQL instead of the embedded one (the Maven profile
 * {@code pg15}: Debian's PostgreSQL 15, the README's external database). With {@code
 * -Dlayanan.test.database-url=jdbc:postgresql://host:port/postgres} (and {@code
 * layanan.test.database-username}, {@code -password}; default {@code postgres} and none), every
 * context that would start an embedded server gets a fresh database of that server instead, named
 * after the embedded data directory ({@code target/test-pg} becomes {@code layanan_test_pg}) and
 * dropped first, as the embedded one is cleaned (once per JVM: contexts sharing a data directory
 * share the database, as they share the embedded server). The settings are worked out when first
 * asked for, so a data directory a test class sets in {@code @DynamicPropertySource} counts.
 * Contexts that name their own database ({@code spring.datasource.url} or {@code DATABASE_URL})
 * keep it. Without the property nothing changes.
 */
public class ExternalTestDatabase implements EnvironmentPostProcessor, Ordered {

  public static final String URL = "layanan.test.database-url";

  /**
   * The databases this JVM made: contexts that share an embedded data directory share its server
   * and database, so they share the external one too; dropping it again for a later context would
   * pull it from under the contexts still cached.
   */
  private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getProperty(URL, "").isBlank()) {
      return;
    }
    environment.getPropertySources().addFirst(new LazyDatabase(environment));
  }

  /**
   * The test database's settings, worked out when the data source asks for them rather than when
   * the environment is prepared: a test class's {@code @DynamicPropertySource} (which names its own
   * data directory) is added to the environment only after the post-processors ran.
   */
  private static final class LazyDatabase extends PropertySource<Object> {

    private static final Set<String> KEYS =
        Set.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password");

    // not the property source's "source": Spring Boot walks into a source that is an environment
    private final ConfigurableEnvironment environment;
    private boolean resolving;

    LazyDatabase(ConfigurableEnvironment environment) {
      super("externalTestDatabase", new Object());
      this.environment = environment;
    }

    @Override
    public synchronized Object getProperty(String key) {
      if (resolving || !KEYS.contains(key)) {
        return null;
      }
      resolving = true;
      try {
        return settings(environment).get(key);
      } finally {
        resolving = false;
      }
    }
  }

  /** The three data source settings, empty when the context names its own database. */
  private static Map<String, String> settings(ConfigurableEnvironment environment) {
    String server = environment.getProperty(URL, "");
    if (server.isBlank()
        || !environment.getProperty("spring.datasource.url", "").isBlank()
        || !environment.getProperty("DATABASE_URL", "").isBlank()) {
      return Map.of();
    }
    String dataDir = environment.getProperty("layanan.database.embedded.data-dir", "./data/pg");
    String name = databaseName(dataDir);
    String user = environment.getProperty("layanan.test.database-username", "postgres");
    String password = environment.getProperty("layanan.test.database-password", "");
    if (MADE.add(server + " " + name)) {
      try (Connection connection = DriverManager.getConnection(server, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + name + " with (force)");
        statement.execute("create database " + name);
      } catch (SQLException e) {
        MADE.remove(server + " " + name);
        throw new IllegalStateException(
            "Cannot create the test database " + name + " on " + server + ": " + e.getMessage(), e);
      }
    }
    String url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    return Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", user,
        "spring.datasource.password", password);
  }

  /** {@code target/test-pg-mail} becomes {@code layanan_test_pg_mail}. */
  static String databaseName(String dataDir) {
    String last = dataDir.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\]", "");
    return "layanan_" + last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  @Override
  public int getOrder() {
    // after the profiles' files are read (they name the data directory)
    return Ordered.LOWEST_PRECEDENCE;
  }
}
