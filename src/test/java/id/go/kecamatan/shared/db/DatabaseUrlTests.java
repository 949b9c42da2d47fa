package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.shared.db.EmbeddedPostgresConfiguration.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

  @Test
  void readsUserPasswordHostPortAndDatabase() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgres://layanan:s%40cret@db.internal:6543/kecamatan?sslmode=require");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/kecamatan?sslmode=require");
    assertThat(url.username()).isEqualTo("layanan");
    assertThat(url.password()).isEqualTo("s@cret");
  }

  @Test
  void aPlusInThePasswordIsAPlusAsLibpqReadsIt() {
    // ops/backup.sh hands the same URL to libpq, which decodes only %XX: a generated password
    // with "+" must log in on the node too (it became a space)
    DatabaseUrl url = DatabaseUrl.parse("postgres://layanan:a+b%2Bc@db.internal/layanan");
    assertThat(url.password()).isEqualTo("a+b+c");
    // decoded once: a "%" written %25 stays a "%" (it was decoded twice and refused)
    assertThat(DatabaseUrl.parse("postgres://layanan:50%25off%3Ax@db/layanan").password())
        .isEqualTo("50%off:x");
  }

  @Test
  void defaultsToPort5432AndAcceptsThePostgresqlScheme() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u@localhost/db");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
    assertThat(url.password()).isNull();
  }

  @Test
  void refusesAnotherScheme() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u@localhost/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres://");
  }
}
