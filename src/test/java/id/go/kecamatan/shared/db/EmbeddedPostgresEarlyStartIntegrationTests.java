package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.shared.db.EmbeddedPostgresConfiguration.EmbeddedSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded PostgreSQL begun by the application's main as soon as the settings are known, and
 * taken by the {@code DataSource} later (without a whole application context: the events by hand).
 */
class EmbeddedPostgresEarlyStartIntegrationTests {

  @TempDir Path dataDir;

  private final EmbeddedPostgresEarlyStart listener = new EmbeddedPostgresEarlyStart();

  @AfterEach
  void stopWhatWasNotTaken() {
    EmbeddedPostgresEarlyStart.abandon();
  }

  @Test
  void theServerStartsBeforeTheDataSourceAsksAndIsHandedToIt() throws Exception {
    MockEnvironment environment = validSettings();
    listener.onApplicationEvent(prepared(environment));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> dataDir.resolve("postmaster.pid").toFile().exists());
    Optional<EmbeddedPostgres> taken =
        EmbeddedPostgresEarlyStart.take(EmbeddedSettings.of(environment).orElseThrow());

    assertThat(taken).isPresent();
    try (EmbeddedPostgres postgres = taken.get();
        Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show fsync")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("on");
    }
    // taken once: a second context in the same JVM starts its own
    assertThat(EmbeddedPostgresEarlyStart.take(EmbeddedSettings.of(environment).orElseThrow()))
        .isEmpty();
  }

  @Test
  void nothingStartsWhenTheSettingsAreInvalidSoTheStartFailsWithTheirList() throws Exception {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("layanan.database.embedded.data-dir", dataDir.toString())
            .withProperty("layanan.letters.ca-secret", "short");
    listener.onApplicationEvent(prepared(environment));

    assertThat(EmbeddedPostgresEarlyStart.take(EmbeddedSettings.of(environment).orElseThrow()))
        .isEmpty();
    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void aServerBegunForAStartThatFailedIsStopped() throws Exception {
    MockEnvironment environment = validSettings();
    listener.onApplicationEvent(prepared(environment));

    listener.onApplicationEvent(
        new ApplicationFailedEvent(
            new SpringApplication(), new String[0], null, new IllegalStateException("failed")));

    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    assertThat(EmbeddedPostgresEarlyStart.take(EmbeddedSettings.of(environment).orElseThrow()))
        .isEmpty();
  }

  private MockEnvironment validSettings() {
    return new MockEnvironment()
        .withProperty("layanan.database.embedded.data-dir", dataDir.toString())
        .withProperty("layanan.letters.ca-secret", "early-start-ca-secret-0123")
        .withProperty("layanan.accounts.second-factor-secret", "early-start-2fa-secret-0123");
  }

  private static ApplicationEnvironmentPreparedEvent prepared(MockEnvironment environment) {
    return new ApplicationEnvironmentPreparedEvent(
        new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment);
  }
}
