package id.go.kecamatan.shared.startup;

import id.go.kecamatan.shared.web.Zone;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

/**
 * Checks the settings a node cannot run without before anything starts (before the embedded
 * database, the migrations or any bean), and stops the start-up with one message that lists every
 * problem at once ({@link InvalidSettingsException}, reported by {@link InvalidSettingsAnalyzer}),
 * instead of the first bean that happens to need a missing value failing with a long stack trace:
 *
 * <ul>
 *   <li>{@code layanan.letters.ca-secret} and {@code layanan.accounts.second-factor-secret}: set,
 *       at least 16 characters;
 *   <li>in production ({@code layanan.production=true}, {@code LAYANAN_PRODUCTION}): {@code
 *       layanan.letters.public-url} set to the {@code https://} address residents reach (it is
 *       printed in every letter's QR code), no demo data, no demo profile, and no secret that keeps
 *       the demo's published value;
 *   <li>{@code spring.datasource.url}, when set, a {@code jdbc:postgresql://} URL; {@code
 *       DATABASE_URL}, when set, a {@code postgres://} URL;
 *   <li>{@code layanan.documents.store} {@code filesystem} or {@code s3}, with a bucket for {@code
 *       s3};
 *   <li>{@code layanan.setup.admin-password} set when {@code layanan.setup.regency} is (the first
 *       regency administrator, {@code accounts.RegencySetup});
 *   <li>{@code layanan.time-zone} one of Indonesia's three zones, and the zone of {@code
 *       layanan.setup.regency}'s province when that is set ({@link Zone});
 *   <li>{@code layanan.metrics.token}, when set, at least 16 characters.
 * </ul>
 *
 * A database that is named right but cannot be reached is reported by {@link
 * DatabaseUnreachableAnalyzer} once the first connection fails.
 */
public class StartupChecks implements BeanFactoryPostProcessor {

  static final int MIN_SECRET = 16;

  static final String DEMO_PROFILE = "demo";

  /** The settings that are secrets: in production none may keep the demo profile's value. */
  static final List<String> SECRETS =
      List.of(
          "layanan.letters.ca-secret",
          "layanan.accounts.second-factor-secret",
          "layanan.metrics.token");

  private final Environment environment;

  public StartupChecks(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  /** What is wrong with the settings, one sentence each; empty when nothing is. */
  public static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    secret(
        env,
        problems,
        "layanan.letters.ca-secret",
        "LAYANAN_LETTERS_CA_SECRET",
        "it encrypts the key of the deployment's certificate authority");
    secret(
        env,
        problems,
        "layanan.accounts.second-factor-secret",
        "LAYANAN_ACCOUNTS_SECOND_FACTOR_SECRET",
        "it encrypts the officers' authenticator secrets");
    boolean production = env.getProperty("layanan.production", Boolean.class, false);
    if (production) {
      String publicUrl = value(env, "layanan.letters.public-url");
      if (publicUrl.isEmpty()) {
        problems.add(
            "layanan.letters.public-url (PUBLIC_URL) is not set: in production it must be the"
                + " https:// address residents reach the site at, printed in every letter's QR"
                + " code.");
      } else if (!httpsUrl(publicUrl)) {
        problems.add(
            "layanan.letters.public-url (PUBLIC_URL) must be an https:// address without a path,"
                + " query or fragment, such as https://layanan.example.go.id.");
      }
      if (env.getProperty("layanan.demo.enabled", Boolean.class, false)) {
        problems.add(
            "layanan.demo.enabled is true: demo data (with known passwords) must never be loaded"
                + " in production; remove the demo profile (SPRING_PROFILES_ACTIVE=demo sets it)"
                + " or LAYANAN_DEMO_ENABLED.");
      }
      if (env.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
        problems.add(
            "the demo profile is active: its settings (published secrets, a demo metrics token)"
                + " must never run in production; remove demo from SPRING_PROFILES_ACTIVE.");
      }
      Properties demo = demoSettings();
      for (String name : SECRETS) {
        String published = demo.getProperty(name);
        if (published != null && published.equals(value(env, name))) {
          problems.add(
              name
                  + " is the demo's value, published with the source code: in production set a"
                  + " long random secret of your own.");
        }
      }
    }
    String jdbcUrl = value(env, "spring.datasource.url");
    if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql://")) {
      problems.add(
          "spring.datasource.url (SPRING_DATASOURCE_URL) must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://db.internal:5432/layanan.");
    }
    String databaseUrl = value(env, "DATABASE_URL");
    if (!databaseUrl.isEmpty() && !databaseUrl.matches("postgres(ql)?://[^/\\s]+/\\S+")) {
      problems.add("DATABASE_URL must look like postgres://user:password@host:5432/database.");
    }
    String store = value(env, "layanan.documents.store").toLowerCase(Locale.ROOT);
    if (!store.isEmpty() && !store.equals("filesystem") && !store.equals("s3")) {
      problems.add("layanan.documents.store must be filesystem or s3.");
    }
    if (store.equals("s3") && value(env, "layanan.documents.s3.bucket").isEmpty()) {
      problems.add(
          "layanan.documents.s3.bucket is not set: with layanan.documents.store=s3 it names the"
              + " (existing) bucket that keeps documents and letters.");
    }
    if (!value(env, "layanan.setup.regency").isEmpty()
        && value(env, "layanan.setup.admin-password").isEmpty()) {
      problems.add(
          "layanan.setup.admin-password (LAYANAN_SETUP_ADMIN_PASSWORD) is not set: with"
              + " layanan.setup.regency the first start makes the regency's administrator, who"
              + " signs in with this password (at least 10 characters) and changes it.");
    }
    zone(env, problems);
    String token = value(env, "layanan.metrics.token");
    if (!token.isEmpty() && token.length() < MIN_SECRET) {
      problems.add("layanan.metrics.token must have at least " + MIN_SECRET + " characters.");
    }
    return problems;
  }

  /**
   * The deployment's zone is one of Indonesia's three, and the regency the first start makes lies
   * in it: a regency in Bali kept in Jakarta's time would date its letters the day before in the
   * first hour of every day and show every time an hour off.
   */
  private static void zone(Environment env, List<String> problems) {
    // absent only where application.yml is not read (its default is Jakarta's)
    String setting = env.getProperty(Zone.SETTING);
    Optional<Zone> zone = setting == null ? Optional.of(Zone.WIB) : Zone.parse(setting);
    if (zone.isEmpty()) {
      problems.add(
          Zone.SETTING
              + " (LAYANAN_TIME_ZONE) is "
              + (setting.isBlank() ? "empty" : setting.strip())
              + ": it must be the regency's time zone, one of "
              + Arrays.stream(Zone.values())
                  .map(z -> z.id().getId() + " (" + z.label() + ")")
                  .collect(Collectors.joining(", "))
              + ".");
      return;
    }
    String regency = value(env, "layanan.setup.regency");
    if (!regency.matches("\\d{2}\\.\\d{2}")) {
      return;
    }
    Zone expected = Zone.ofRegion(regency);
    if (expected != zone.get()) {
      problems.add(
          "layanan.setup.regency (LAYANAN_SETUP_REGENCY) "
              + regency
              + " lies in "
              + expected.label()
              + " but "
              + Zone.SETTING
              + " (LAYANAN_TIME_ZONE) is "
              + zone.get().id().getId()
              + " ("
              + zone.get().label()
              + "): set "
              + Zone.SETTING
              + "="
              + expected.id().getId()
              + " (LAYANAN_TIME_ZONE), or every time shown and every day counted would be off.");
    }
  }

  private static void secret(
      Environment env, List<String> problems, String name, String variable, String why) {
    String value = value(env, name);
    if (value.length() < MIN_SECRET) {
      problems.add(
          name
              + " ("
              + variable
              + ") is "
              + (value.isEmpty() ? "not set" : "shorter than " + MIN_SECRET + " characters")
              + ": "
              + why
              + "; set a long random secret, the same on every node, kept outside the database.");
    }
  }

  private static boolean httpsUrl(String value) {
    try {
      URI uri = URI.create(value.replaceAll("/+$", ""));
      return "https".equals(uri.getScheme())
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The demo profile's settings as shipped (application-demo.yml), empty when it is missing. */
  private static Properties demoSettings() {
    ClassPathResource file = new ClassPathResource("application-" + DEMO_PROFILE + ".yml");
    if (!file.exists()) {
      return new Properties();
    }
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(file);
    Properties properties = yaml.getObject();
    return properties == null ? new Properties() : properties;
  }

  private static String value(Environment env, String name) {
    String value = env.getProperty(name);
    return value == null ? "" : value.strip();
  }
}
