package id.go.kecamatan.portal.internal;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often codes may be asked for: per contact, a few a minute and {@code
 * codes-per-hour-per-contact} (default 10) an hour (so nobody floods a resident's phone at the
 * office's cost: 3 a minute alone let a stranger send one resident 180 messages an hour), and per
 * client address (so nobody probes many contacts), counted in the database for all nodes together.
 */
@Component
public class PortalLimits {

  private final RateLimit perContact;
  private final RateLimit perContactHour;
  private final RateLimit perAddress;

  PortalLimits(
      RateLimits limits,
      @Value("${layanan.portal.codes-per-minute-per-contact:3}") int perContact,
      @Value("${layanan.portal.codes-per-hour-per-contact:10}") int perContactHour,
      @Value("${layanan.portal.codes-per-minute-per-address:10}") int perAddress) {
    this.perContact = limits.perMinute("portal-codes-per-contact", perContact);
    this.perContactHour =
        limits.limit("portal-codes-per-contact-hour", perContactHour, Duration.ofHours(1));
    this.perAddress = limits.perMinute("portal-codes-per-address", perAddress);
  }

  /** Takes one request; 0 when allowed, otherwise the seconds to wait. */
  public long take(String contact, String clientAddress) {
    long address = perAddress.take(clientAddress);
    if (address > 0) {
      return address;
    }
    long minute = perContact.take(contact);
    if (minute > 0) {
      return minute;
    }
    long hour = perContactHour.take(contact);
    if (hour > 0) {
      perContact.giveBack(contact);
    }
    return hour;
  }

  /** Forgets every count (for tests). */
  public void reset() {
    perContact.reset();
    perContactHour.reset();
    perAddress.reset();
  }
}
