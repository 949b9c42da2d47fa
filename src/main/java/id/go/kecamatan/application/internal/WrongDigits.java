package id.go.kecamatan.application.internal;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Counts wrong digits per tracking code: after {@value #PER_HOUR} in an hour the code opens
 * nothing, even with the right digits, until the hour has passed. The per-address limit alone lets
 * someone who knows a code try the digits from many addresses, and the last four digits of a NIK
 * (used when an application has no phone) are mostly small numbers. The counts are kept in the
 * database, for all nodes together.
 */
@Component
public class WrongDigits {

  public static final int PER_HOUR = 10;

  private final RateLimit limit;

  WrongDigits(RateLimits limits) {
    this.limit = limits.limit("wrong-digits-per-code", PER_HOUR, Duration.ofHours(1));
  }

  /** Whether the code has had too many wrong digits lately. */
  public boolean locked(String trackingCode) {
    return limit.exhausted(trackingCode);
  }

  /** Records wrong digits for the code. */
  public void failed(String trackingCode) {
    limit.take(trackingCode);
  }
}
