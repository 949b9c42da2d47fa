package id.go.kecamatan.accounts.internal;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a staff sign-in may fail, counted in PostgreSQL for all nodes ({@link RateLimits}, ADR
 * 0014), instead of a lock-out that anyone could set off for any officer:
 *
 * <ul>
 *   <li>per client address, over every user name: {@value #PER_ADDRESS} failures in {@link
 *       #ADDRESS_PERIOD}, then one every 30 seconds, so one address cannot spray passwords over
 *       many user names;
 *   <li>per user name and client address: {@value #PER_ACCOUNT} failures in {@link
 *       #ACCOUNT_PERIOD}, then one every 3 minutes, so guessing one officer's password from one
 *       address is slowed down, while the officer signs in from their own address as usual.
 * </ul>
 *
 * An IPv6 address counts as its /64 network ({@link RateLimits#client}): one phone or line may take
 * a new address of its /64 for every attempt.
 *
 * <p>The user name is counted as typed (trimmed, lower case), known or not, so a known and an
 * unknown name get the same answers. Each attempt takes one request from both limits before the
 * password is checked (parallel attempts cannot get around them) and a successful one gives them
 * back: only failures count, and an office whose officers share one address is not slowed by its
 * own sign-ins.
 */
@Component
public class SignInLimits {

  static final int PER_ADDRESS = 10;
  static final Duration ADDRESS_PERIOD = Duration.ofMinutes(5);
  static final int PER_ACCOUNT = 5;
  static final Duration ACCOUNT_PERIOD = Duration.ofMinutes(15);

  private final RateLimit perAddress;
  private final RateLimit perAccount;

  SignInLimits(
      RateLimits limits,
      @Value("${layanan.accounts.sign-in.failures-per-address:" + PER_ADDRESS + "}") int perAddress,
      @Value("${layanan.accounts.sign-in.failures-per-account:" + PER_ACCOUNT + "}")
          int perAccount) {
    this.perAddress = limits.limit("sign-in-per-address", perAddress, ADDRESS_PERIOD);
    this.perAccount = limits.limit("sign-in-per-account-address", perAccount, ACCOUNT_PERIOD);
  }

  /**
   * Takes one attempt of this user name from this address: 0 when it may be checked, otherwise the
   * seconds to wait (nothing is taken then).
   */
  public long take(String username, String address) {
    String account = key(username, address);
    long wait = perAccount.take(account);
    if (wait > 0) {
      return wait;
    }
    wait = perAddress.take(address(address));
    if (wait > 0) {
      perAccount.giveBack(account);
    }
    return wait;
  }

  /** The attempt succeeded: it does not count. */
  public void succeeded(String username, String address) {
    perAccount.giveBack(key(username, address));
    perAddress.giveBack(address(address));
  }

  /** Forgets every count (for tests, which all sign in from the loopback address). */
  public void reset() {
    perAddress.reset();
    perAccount.reset();
  }

  /** The client the address counts for (an IPv6 address: its /64, {@link RateLimits#client}). */
  private static String address(String address) {
    return RateLimits.client(address);
  }

  private static String key(String username, String address) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return address(address) + "\n" + name;
  }
}
