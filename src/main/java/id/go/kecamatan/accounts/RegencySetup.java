package id.go.kecamatan.accounts;

import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.startup.InvalidSettingsException;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start of a real deployment: without the demo data nothing else makes the regency and an
 * account that can sign in, so the settings {@code layanan.setup.regency} (the regency's region
 * code, e.g. {@code 35.16}), {@code layanan.setup.admin-username} (default {@code kab.3516}) and
 * {@code layanan.setup.admin-password} make the regency and its first regency administrator, once:
 * a start that finds the account already there changes nothing (so the settings may stay, and every
 * node may carry them; two nodes starting together make it once).
 *
 * <p>Every start without the demo data also checks that each regency in the database lies in the
 * deployment's zone ({@code layanan.time-zone}): a node started without the setting its regency
 * needs would date letters, deadlines and the queue's days in another zone (ADR 0045).
 */
@Component
class RegencySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegencySetup.class);

  private final Offices offices;
  private final StaffAccounts accounts;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final String regencyCode;
  private final String username;
  private final String password;
  private final java.time.Clock clock;
  private final boolean demo;

  RegencySetup(
      Offices offices,
      StaffAccounts accounts,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      MessageSource messages,
      @Value("${layanan.setup.regency:}") String regencyCode,
      @Value("${layanan.setup.admin-username:}") String username,
      @Value("${layanan.setup.admin-password:}") String password,
      java.time.Clock clock,
      @Value("${layanan.demo.enabled:false}") boolean demo) {
    this.offices = offices;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.messages = messages;
    this.regencyCode = regencyCode.strip();
    this.username = username.strip();
    this.password = password;
    this.clock = clock;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!regencyCode.isEmpty()) {
      setUp(regencyCode, username, password);
    }
    if (!demo) {
      List<String> problems = zoneProblems(Zone.of(clock));
      if (!problems.isEmpty()) {
        throw new InvalidSettingsException(problems);
      }
    }
  }

  /**
   * What stops a start: each regency in the database that keeps another zone than the deployment's,
   * with the setting to give (the demo data, made for any zone the tests run in, are not checked).
   */
  List<String> zoneProblems(Zone deployment) {
    return jdbc
        .sql("select code, name from regency order by code")
        .query(
            (rs, i) -> {
              String code = rs.getString("code");
              Zone zone = Zone.ofRegion(code);
              return zone == deployment
                  ? null
                  : Zone.SETTING
                      + " (LAYANAN_TIME_ZONE) is "
                      + deployment.id().getId()
                      + " ("
                      + deployment.label()
                      + "), but "
                      + rs.getString("name")
                      + " ("
                      + code
                      + ") in the database keeps "
                      + zone.label()
                      + ": set "
                      + Zone.SETTING
                      + "="
                      + zone.id().getId()
                      + " on every node, as at its first start.";
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The regency's default administrator's user name, {@code kab.3516} for {@code 35.16}. */
  static String defaultUsername(String regencyCode) {
    return "kab." + regencyCode.replace(".", "");
  }

  /**
   * Makes the regency and its administrator unless the account is there already.
   *
   * @return the account made, or empty when it was there
   * @throws InvalidSettingsException when the code is no regency or the account cannot be made
   */
  Optional<Staff> setUp(String code, String typedUsername, String typedPassword) {
    String name =
        typedUsername == null || typedUsername.isBlank()
            ? defaultUsername(code)
            : typedUsername.strip();
    return transactions.execute(
        status -> {
          // two nodes starting together: one makes it, the other finds it
          jdbc.sql("select pg_advisory_xact_lock(hashtextextended('layanan.setup', 0))")
              .query((rs, i) -> 1)
              .list();
          Optional<Staff> existing = accounts.byUsername(name);
          if (existing.isPresent()) {
            if (!existing.get().roles().contains(Role.REGENCY_ADMIN)) {
              throw new InvalidSettingsException(
                  List.of(
                      "layanan.setup.admin-username (LAYANAN_SETUP_ADMIN_USERNAME) names "
                          + name
                          + ", an officer of an office, not a regency administrator: choose"
                          + " another user name."));
            }
            return Optional.<Staff>empty();
          }
          List<String> problems = new ArrayList<>();
          if (!code.matches("\\d{2}\\.\\d{2}")) {
            problems.add(
                "layanan.setup.regency (LAYANAN_SETUP_REGENCY) must be the regency's region code"
                    + " as Kemendagri writes it, such as 35.16 (Kabupaten Mojokerto).");
          }
          if (!name.matches("[A-Za-z0-9._-]{3,60}")) {
            problems.add(
                "layanan.setup.admin-username (LAYANAN_SETUP_ADMIN_USERNAME) must be 3 to 60"
                    + " letters, digits, dots, underscores or hyphens.");
          }
          FieldErrors errors = new FieldErrors();
          PasswordPolicy.check(errors, "password", typedPassword, name);
          if (errors.has("password")) {
            var error = errors.get("password");
            problems.add(
                "layanan.setup.admin-password (LAYANAN_SETUP_ADMIN_PASSWORD): "
                    + messages.getMessage(error.key(), error.args(), Locale.ENGLISH)
                    + " It is the first password of "
                    + name
                    + "; change it on \"Akun saya\" after the first sign-in.");
          }
          Regency regency = null;
          if (problems.isEmpty()) {
            try {
              regency = offices.ensureRegency(code);
            } catch (IllegalArgumentException e) {
              problems.add(
                  "layanan.setup.regency (LAYANAN_SETUP_REGENCY) "
                      + code
                      + " is no regency (kabupaten/kota) of Kemendagri's region codes.");
            }
          }
          if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
          }
          accounts.createRegencyAdmin(regency.id(), name, "Admin " + regency.name(), typedPassword);
          log.info(
              "Created {} and its regency administrator {}: sign in at /masuk, set up the"
                  + " authenticator app, then change the password on \"Akun saya\"",
              regency.name(),
              name);
          return accounts.byUsername(name);
        });
  }
}
