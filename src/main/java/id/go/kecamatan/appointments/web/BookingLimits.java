package id.go.kecamatan.appointments.web;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits on bookings from strangers, counted in PostgreSQL for all nodes (ADR 0014), set so that
 * normal use never meets them: an address (a shared office PC, a carrier's NAT) holds {@code
 * per-hour-per-address} (default 30) bookings an hour; one contact gets {@code per-day-per-contact}
 * (default 6) one-time codes a day, which stops flooding someone's phone; the kiosk checks in
 * {@code check-ins-per-minute} (default 60) codes a minute per address, which a busy morning never
 * reaches and a guessing script soon does.
 */
@Component
class BookingLimits {

  private final RateLimit perAddress;
  private final RateLimit perContact;
  private final RateLimit checkIns;

  BookingLimits(
      RateLimits limits,
      @Value("${layanan.appointments.per-hour-per-address:30}") int perAddress,
      @Value("${layanan.appointments.per-day-per-contact:6}") int perContact,
      @Value("${layanan.appointments.check-ins-per-minute:60}") int checkIns) {
    this.perAddress = limits.limit("bookings-per-address", perAddress, Duration.ofHours(1));
    this.perContact = limits.limit("bookings-per-contact", perContact, Duration.ofDays(1));
    this.checkIns = limits.perMinute("check-ins-per-address", checkIns);
  }

  /** Takes one booking; 0 when allowed, otherwise the seconds to wait. */
  long booking(String address, String phone, String email) {
    long wait = perAddress.take(address);
    return wait == 0 ? perContact.takeContact(phone, email) : wait;
  }

  long checkIn(String address) {
    return checkIns.take(address);
  }

  /** Forgets every count (for tests). */
  void reset() {
    perAddress.reset();
    perContact.reset();
    checkIns.reset();
  }
}
