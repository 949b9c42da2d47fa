package id.go.kecamatan.complaints.web;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits on complaints from strangers, counted in PostgreSQL for all nodes (ADR 0014), set so that
 * normal use never meets them: an office PC shared by a whole front desk, or every phone behind one
 * carrier's NAT address, files {@code per-hour-per-address} (default 60) complaints an hour; one
 * contact (phone number or e-mail address) files {@code per-day-per-contact} (default 10) a day,
 * which stops flooding someone's phone with receipts; opening a complaint's status is limited per
 * address like the applications' look-up (default 20 a minute), against guessing keys.
 */
@Component
class ReporterLimits {

  private final RateLimit perAddress;
  private final RateLimit perContact;
  private final RateLimit lookups;

  ReporterLimits(
      RateLimits limits,
      @Value("${layanan.complaints.per-hour-per-address:60}") int perAddress,
      @Value("${layanan.complaints.per-day-per-contact:10}") int perContact,
      @Value("${layanan.complaints.lookups-per-minute:20}") int lookups) {
    this.perAddress = limits.limit("complaints-per-address", perAddress, Duration.ofHours(1));
    this.perContact = limits.limit("complaints-per-contact", perContact, Duration.ofDays(1));
    this.lookups = limits.perMinute("complaint-lookups-per-address", lookups);
  }

  /** Takes one filing; 0 when allowed, otherwise the seconds to wait. */
  long filing(String address, String phone, String email) {
    long wait = perAddress.take(address);
    return wait == 0 ? perContact.takeContact(phone, email) : wait;
  }

  long lookup(String address) {
    return lookups.take(address);
  }

  /** Forgets every count (for tests). */
  void reset() {
    perAddress.reset();
    perContact.reset();
    lookups.reset();
  }
}
