package id.go.kecamatan.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.LayananKecamatanApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * A node with a missing or wrong required setting stops at once with one message listing every
 * problem, before it starts a database; a database that cannot be reached is said as such.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTests {

  static final String SECRET = "a-long-random-secret-0123";

  private static MockEnvironment complete() {
    return new MockEnvironment()
        .withProperty("layanan.letters.ca-secret", SECRET)
        .withProperty("layanan.accounts.second-factor-secret", SECRET);
  }

  @Test
  void completeSettingsPass() {
    assertThat(StartupChecks.problems(complete())).isEmpty();
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.production", "true")
                    .withProperty("layanan.letters.public-url", "https://layanan.sleman.go.id/")
                    .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/layanan")
                    .withProperty("layanan.documents.store", "s3")
                    .withProperty("layanan.documents.s3.bucket", "layanan-sleman")
                    .withProperty("layanan.metrics.token", SECRET)))
        .isEmpty();
  }

  @Test
  void missingSecretsAreNamedWithTheirVariables() {
    List<String> problems =
        StartupChecks.problems(
            new MockEnvironment().withProperty("layanan.accounts.second-factor-secret", "pendek"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .contains("layanan.letters.ca-secret", "LAYANAN_LETTERS_CA_SECRET", "not set");
    assertThat(problems.get(1))
        .contains("layanan.accounts.second-factor-secret", "shorter than 16")
        .doesNotContain("pendek");
  }

  @Test
  void productionNeedsTheHttpsPublicAddressAndNoDemoData() {
    MockEnvironment production = complete().withProperty("layanan.production", "true");
    assertThat(StartupChecks.problems(production))
        .singleElement()
        .asString()
        .contains("layanan.letters.public-url", "PUBLIC_URL", "not set");
    for (String wrong :
        List.of(
            "http://layanan.sleman.go.id",
            "https://layanan.sleman.go.id/v",
            "https://x@layanan.sleman.go.id",
            "layanan.sleman.go.id",
            "https://",
            "https://a b")) {
      assertThat(
              StartupChecks.problems(
                  complete()
                      .withProperty("layanan.production", "true")
                      .withProperty("layanan.letters.public-url", wrong)))
          .as(wrong)
          .singleElement()
          .asString()
          .contains("must be an https:// address");
    }
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.production", "true")
                    .withProperty("layanan.letters.public-url", "https://layanan.sleman.go.id")
                    .withProperty("layanan.demo.enabled", "true")))
        .singleElement()
        .asString()
        .contains("demo data");
    // outside production the address the signer used is fine
    assertThat(StartupChecks.problems(complete())).isEmpty();
  }

  @Test
  void productionRefusesTheDemoProfileAndTheDemoSecrets() {
    MockEnvironment demoProfile =
        complete()
            .withProperty("layanan.production", "true")
            .withProperty("layanan.letters.public-url", "https://layanan.sleman.go.id");
    demoProfile.setActiveProfiles("demo");
    assertThat(StartupChecks.problems(demoProfile))
        .singleElement()
        .asString()
        .contains("demo profile is active", "SPRING_PROFILES_ACTIVE");
    // the demo's secrets copied into node.env, without the profile
    assertThat(
            StartupChecks.problems(
                new MockEnvironment()
                    .withProperty("layanan.production", "true")
                    .withProperty("layanan.letters.public-url", "https://layanan.sleman.go.id")
                    .withProperty("layanan.letters.ca-secret", "demo-ca-secret-not-for-production")
                    .withProperty(
                        "layanan.accounts.second-factor-secret",
                        "demo-second-factor-secret-not-for-production")
                    .withProperty(
                        "layanan.metrics.token", "demo-metrics-token-not-for-production")))
        .hasSize(3)
        .allSatisfy(p -> assertThat(p).contains("the demo's value"));
    // the demo itself runs with them
    MockEnvironment demo =
        new MockEnvironment()
            .withProperty("layanan.letters.ca-secret", "demo-ca-secret-not-for-production")
            .withProperty(
                "layanan.accounts.second-factor-secret",
                "demo-second-factor-secret-not-for-production");
    demo.setActiveProfiles("demo");
    assertThat(StartupChecks.problems(demo)).isEmpty();
  }

  @Test
  void wrongDatabaseStoreAndTokenSettingsAreNamed() {
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("spring.datasource.url", "jdbc:mysql://db/layanan")
                    .withProperty("DATABASE_URL", "db.internal:5432")
                    .withProperty("layanan.documents.store", "ftp")
                    .withProperty("layanan.metrics.token", "kurang")))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("SPRING_DATASOURCE_URL"))
        .anySatisfy(p -> assertThat(p).contains("DATABASE_URL must look like"))
        .anySatisfy(p -> assertThat(p).contains("filesystem or s3"))
        .anySatisfy(p -> assertThat(p).contains("layanan.metrics.token"));
    assertThat(StartupChecks.problems(complete().withProperty("layanan.documents.store", "s3")))
        .singleElement()
        .asString()
        .contains("layanan.documents.s3.bucket");
  }

  @Test
  void theFirstRegencyAdministratorNeedsAPassword() {
    assertThat(StartupChecks.problems(complete().withProperty("layanan.setup.regency", "35.16")))
        .singleElement()
        .asString()
        .contains("LAYANAN_SETUP_ADMIN_PASSWORD", "not set");
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.setup.regency", "35.16")
                    .withProperty("layanan.setup.admin-password", "Kabupaten-Mojokerto-2027")))
        .isEmpty();
  }

  @Test
  void theTimeZoneIsOneOfIndonesiasThreeAndThatOfTheRegencySetUp() {
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.time-zone", "Asia/Makassar")
                    .withProperty("layanan.setup.regency", "51.71")
                    .withProperty("layanan.setup.admin-password", "Pertama-Kali-2026")))
        .isEmpty();
    assertThat(StartupChecks.problems(complete().withProperty("layanan.time-zone", "UTC")))
        .singleElement()
        .asString()
        .startsWith("layanan.time-zone (LAYANAN_TIME_ZONE) is UTC")
        .contains("Asia/Jakarta (WIB)", "Asia/Makassar (WITA)", "Asia/Jayapura (WIT)");

    // Kota Denpasar (Bali) kept in Jakarta's time
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.time-zone", "Asia/Jakarta")
                    .withProperty("layanan.setup.regency", "51.71")
                    .withProperty("layanan.setup.admin-password", "Pertama-Kali-2026")))
        .singleElement()
        .asString()
        .contains("layanan.setup.regency (LAYANAN_SETUP_REGENCY) 51.71 lies in WITA")
        .contains("set layanan.time-zone=Asia/Makassar");
    // Kabupaten Jayapura without the setting: Jakarta's by default
    assertThat(
            StartupChecks.problems(
                complete()
                    .withProperty("layanan.setup.regency", "91.03")
                    .withProperty("layanan.setup.admin-password", "Pertama-Kali-2026")))
        .singleElement()
        .asString()
        .contains("lies in WIT", "set layanan.time-zone=Asia/Jayapura");
  }

  @Test
  void aNodeWithoutItsSecretsStopsWithOneClearMessageBeforeAnyDatabase(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(LayananKecamatanApplication.class)
                    .run(
                        "--server.port=0",
                        "--layanan.letters.ca-secret=",
                        "--layanan.accounts.second-factor-secret=",
                        "--layanan.database.embedded.data-dir=target/startup-checks-never"))
        .isInstanceOf(InvalidSettingsException.class);
    assertThat(output)
        .contains(
            "APPLICATION FAILED TO START",
            "Layanan Kecamatan cannot start:",
            "- layanan.letters.ca-secret (LAYANAN_LETTERS_CA_SECRET) is not set",
            "- layanan.accounts.second-factor-secret (LAYANAN_ACCOUNTS_SECOND_FACTOR_SECRET)")
        .doesNotContain("Starting the embedded PostgreSQL");
    assertThat(new java.io.File("target/startup-checks-never")).doesNotExist();
  }

  @Test
  void aDatabaseThatCannotBeReachedIsSaidAsSuch(CapturedOutput output) {
    assertThatThrownBy(
        () ->
            new SpringApplicationBuilder(LayananKecamatanApplication.class)
                .run(
                    "--server.port=0",
                    "--layanan.letters.ca-secret=" + SECRET,
                    "--layanan.accounts.second-factor-secret=" + SECRET,
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/layanan",
                    "--spring.datasource.password=rahasia-db-123",
                    "--spring.datasource.hikari.connection-timeout=2000"));
    assertThat(output)
        .contains(
            "APPLICATION FAILED TO START",
            "Layanan Kecamatan cannot start: The database server cannot be reached",
            "SPRING_DATASOURCE_URL")
        .doesNotContain("rahasia-db-123");
  }
}
