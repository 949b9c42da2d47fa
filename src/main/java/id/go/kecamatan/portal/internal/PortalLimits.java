package id.go.kecamatan.portal.internal;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often codes may be asked for: per contact (so nobody floods a resident's phone) and per
 * client address (so nobody probes many contacts), each a number a minute, counted in the database
 * for all nodes together.
 */
@Component
public class PortalLimits {

  private final RateLimit perContact;
  private final RateLimit perAddress;

  PortalLimits(
      RateLimits limits,
      @Value("${layanan.portal.codes-per-minute-per-contact:3}") int perContact,
      @Value("${layanan.portal.codes-per-minute-per-address:10}") int perAddress) {
    this.perContact = limits.perMinute("portal-codes-per-contact", perContact);
    this.perAddress = limits.perMinute("portal-codes-per-address", perAddress);
  }

  /** Takes one request; 0 when allowed, otherwise the seconds to wait. */
  public long take(String contact, String clientAddress) {
    long address = perAddress.take(clientAddress);
    return address > 0 ? address : perContact.take(contact);
  }

  /** Forgets every count (for tests). */
  public void reset() {
    perContact.reset();
    perAddress.reset();
  }
}
