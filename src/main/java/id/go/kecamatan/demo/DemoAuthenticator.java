package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.Totp;
import id.go.kecamatan.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo only: the authenticator app of the demo accounts that must use a second factor. Their
 * secrets follow from the user name, so the demo's codes page can show the code an app would show
 * now, and tests can make it too. An account reset and set up again with a real app no longer
 * matches, and is left out.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
public class DemoAuthenticator {

  private static final byte[] KEY =
      "layanan-kecamatan demo authenticator".getBytes(StandardCharsets.US_ASCII);

  private final StaffAccounts accounts;
  private final SecondFactors factors;
  private final Clock clock;

  DemoAuthenticator(StaffAccounts accounts, SecondFactors factors, Clock clock) {
    this.accounts = accounts;
    this.factors = factors;
    this.clock = clock;
  }

  /** The demo secret of this user name (HMAC-SHA1 of the name, 20 bytes). */
  public static byte[] secretOf(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(KEY, "HmacSHA1"));
      return mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The code the demo app of this user name shows at this instant. */
  public static String codeOf(String username, Instant at) {
    return Totp.code(secretOf(username), Totp.step(at));
  }

  /**
   * One demo staff account.
   *
   * @param secondStep whether it signs in with a second step after the password
   * @param code the code its demo app shows now; null without a second step, or when the account's
   *     second factor was set up again with a real app
   */
  public record StaffAccount(
      String username,
      String fullName,
      List<Role> roles,
      boolean secondStep,
      String code,
      int secondsLeft) {}

  /**
   * The demo's staff accounts that still exist, in the order of README's table: the regencies'
   * administrators, then each office's administrator, front office, village operator, verifier,
   * Camat and Sekcam; each with its current code where it signs in with a second step.
   */
  List<StaffAccount> accounts() {
    Instant now = clock.instant();
    int secondsLeft =
        Totp.STEP_SECONDS - (int) Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS);
    Set<String> usernames = new LinkedHashSet<>();
    for (DemoData.DemoOffice office : DemoData.OFFICES) {
      usernames.add("kab." + office.code().substring(0, 5).replace(".", ""));
    }
    for (DemoData.DemoOffice office : DemoData.OFFICES) {
      for (String prefix : List.of("admin", "loket", "desa", "verifikator", "camat", "sekcam")) {
        usernames.add(prefix + "." + office.key());
      }
    }
    List<StaffAccount> found = new ArrayList<>();
    for (String username : usernames) {
      Staff staff = accounts.byUsername(username).orElse(null);
      if (staff == null || !staff.active()) {
        continue;
      }
      boolean secondStep = factors.required(staff.roles());
      String code =
          secondStep && factors.hasSecret(staff.id(), secretOf(username))
              ? codeOf(username, now)
              : null;
      found.add(
          new StaffAccount(
              username,
              staff.fullName(),
              staff.roles().stream().sorted().toList(),
              secondStep,
              code,
              secondsLeft));
    }
    return found;
  }
}
