package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.LayananKecamatanApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code spring.datasource.url} or {@code DATABASE_URL} set, the application uses that
 * PostgreSQL, migrates it, and starts no embedded server (README, Configuration).
 */
class ExternalDatabaseIntegrationTests {

  static EmbeddedPostgres external;

  @TempDir Path work;

  @BeforeAll
  static void startTheExternalServer() throws Exception {
    external = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopTheExternalServer() throws Exception {
    external.close();
  }

  @Test
  void theStandardDatasourcePropertiesSwitchToAnExternalDatabase() {
    assertUsesTheExternalDatabase(
        "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username=postgres");
  }

  @Test
  void aDatabaseUrlSwitchesToAnExternalDatabase() {
    assertUsesTheExternalDatabase(
        "DATABASE_URL=postgres://postgres@localhost:" + external.getPort() + "/postgres");
  }

  private void assertUsesTheExternalDatabase(String... settings) {
    Path embeddedDir = work.resolve("embedded-pg");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(LayananKecamatanApplication.class)
            .properties(settings)
            .properties(
                "server.port=0",
                // outside the demo, the certificate authority's key needs a secret to start
                "layanan.letters.ca-secret=external-database-test-secret",
                "layanan.accounts.second-factor-secret=external-database-test-secret",
                "layanan.database.embedded.data-dir=" + embeddedDir,
                "layanan.documents.dir=" + work.resolve("documents"),
                "logging.level.root=WARN")
            .run()) {
      DataSource dataSource = app.getBean(DataSource.class);
      assertThat(dataSource)
          .isNotInstanceOf(EmbeddedPostgresConfiguration.EmbeddedDataSource.class);
      assertThat(embeddedDir).doesNotExist();
      long migrations =
          JdbcClient.create(external.getPostgresDatabase())
              .sql("select count(*) from flyway_schema_history where success")
              .query(Long.class)
              .single();
      assertThat(migrations).isPositive();
    }
  }
}
