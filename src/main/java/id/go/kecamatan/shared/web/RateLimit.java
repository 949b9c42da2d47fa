package id.go.kecamatan.shared.web;

import java.time.Duration;
import java.util.Locale;

/**
 * A limit of requests per period per client (a client address, a contact, a tracking code), made by
 * {@link RateLimits} and counted in the database, so that all nodes share it.
 */
public final class RateLimit {

  private final RateLimits limits;
  private final String name;
  private final Duration period;
  private final Duration interval;

  RateLimit(RateLimits limits, String name, int capacity, Duration period) {
    this.limits = limits;
    this.name = name;
    this.period = period;
    this.interval = period.dividedBy(capacity);
  }

  /**
   * Takes one request for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait (for {@code Retry-After})
   */
  public long take(String client) {
    return limits.take(this, client);
  }

  /**
   * Takes one request for each contact given, so that one person counts once however the contact is
   * written: a phone number in any format ({@code 0812...}, {@code +62 812...}, {@code 62812...})
   * and an e-mail address in any case. Either may be null or blank.
   *
   * @return 0 when allowed, otherwise the seconds to wait (for {@code Retry-After})
   */
  public long takeContact(String phone, String email) {
    String digits = phone == null ? "" : phone.replaceAll("\\D", "");
    long wait = 0;
    if (!digits.isEmpty()) {
      wait = take("tel:" + (digits.startsWith("0") ? "62" + digits.substring(1) : digits));
    }
    if (wait == 0 && email != null && !email.isBlank()) {
      wait = take("mail:" + email.strip().toLowerCase(Locale.ROOT));
    }
    return wait;
  }

  /** Whether the client's next request would be refused (takes nothing). */
  public boolean exhausted(String client) {
    return limits.exhausted(this, client);
  }

  /**
   * Gives back a request {@link #take taken} for the client, for a limit that counts failures only
   * (taken before the attempt, given back when it succeeded).
   */
  public void giveBack(String client) {
    limits.giveBack(this, client);
  }

  /** Forgets every client (for tests). */
  public void reset() {
    limits.reset(this);
  }

  String name() {
    return name;
  }

  Duration period() {
    return period;
  }

  /** How long one request takes to come back: the period divided by the capacity. */
  Duration interval() {
    return interval;
  }
}
