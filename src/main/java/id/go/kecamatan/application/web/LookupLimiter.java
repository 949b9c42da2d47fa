package id.go.kecamatan.application.web;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Limits look-ups by tracking code per client address: {@value #PER_MINUTE} a minute, so the last
 * four phone digits cannot be tried through. The counts are kept in the database, for all nodes
 * together.
 */
@Component
class LookupLimiter {

  static final int PER_MINUTE = 10;

  private final RateLimit limit;

  LookupLimiter(RateLimits limits) {
    this.limit = limits.perMinute("status-lookups-per-address", PER_MINUTE);
  }

  /**
   * Takes one look-up for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait
   */
  long take(String clientAddress) {
    return limit.take(clientAddress);
  }

  /** Forgets every client (for tests). */
  void reset() {
    limit.reset();
  }
}
