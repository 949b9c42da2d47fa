package id.go.kecamatan.appointments.web;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opening an e-KTP card's status is limited per address like the complaints' look-up (default 20 a
 * minute), counted in PostgreSQL for all nodes (ADR 0014), against guessing the phone digits.
 */
@Component
class KtpLookupLimits {

  private final RateLimit lookups;

  KtpLookupLimits(
      RateLimits limits, @Value("${layanan.appointments.lookups-per-minute:20}") int perMinute) {
    this.lookups = limits.perMinute("ktp-lookups-per-address", perMinute);
  }

  /** Takes one look-up; 0 when allowed, otherwise the seconds to wait. */
  long lookup(String address) {
    return lookups.take(address);
  }

  /** Forgets every count (for tests). */
  void reset() {
    lookups.reset();
  }
}
