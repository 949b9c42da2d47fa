package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.shared.db.EmbeddedPostgresConfiguration.EmbeddedSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the embedded server runs and how it recovers from a crash. */
class EmbeddedSettingsTests {

  @Test
  void defaultsToADurableServerInDataPg() {
    assertThat(EmbeddedSettings.of(new MockEnvironment()))
        .contains(new EmbeddedSettings(Path.of("data/pg").toAbsolutePath(), false, true));
  }

  @Test
  void readsTheDirectoryCleanAndDurableSettings() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("layanan.database.embedded.data-dir", "/srv/layanan/../pg")
            .withProperty("layanan.database.embedded.clean", "true")
            .withProperty("layanan.database.embedded.durable", "false");
    assertThat(EmbeddedSettings.of(environment))
        .contains(new EmbeddedSettings(Path.of("/srv/pg"), true, false));
  }

  @Test
  void noneWithAnExternalDatabase() {
    assertThat(
            EmbeddedSettings.of(
                new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://db/layanan")))
        .isEmpty();
    assertThat(
            EmbeddedSettings.of(
                new MockEnvironment().withProperty("DATABASE_URL", "postgres://u:p@db/layanan")))
        .isEmpty();
  }

  @Test
  void crashRecoverySyncsTheFileSystemOnlyWhereSyncfsReportsWriteErrors() {
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Linux", "6.1.0-18-amd64"))
        .isTrue();
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Linux", "5.8.0")).isTrue();
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Linux", "5.4.0-150")).isFalse();
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Linux", "4.19.0")).isFalse();
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Mac OS X", "14.2")).isFalse();
    assertThat(EmbeddedPostgresConfiguration.syncfsReportsErrors("Windows 11", "10.0")).isFalse();
  }
}
