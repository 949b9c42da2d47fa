package id.go.kecamatan.portal.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When the portal's rows are of no more use: a sign-in request once its code expired, a portal
 * session once it ended (sign-out) or went idle past the idle timeout. Each is kept a {@link
 * #GRACE} day longer, so that a browser coming back soon after still hears "expired" or "used"
 * rather than "unknown", and an office looking into abuse has the day's requests.
 *
 * @param idleTimeout the portal's idle timeout ({@code layanan.portal.idle-timeout}); positive
 */
record PortalRetention(Duration idleTimeout) {

  static final Duration GRACE = Duration.ofDays(1);

  PortalRetention {
    if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
      throw new IllegalStateException(
          "layanan.portal.idle-timeout must be positive, not " + idleTimeout);
    }
  }

  /** Sign-in requests that expired before this instant are due for deletion. */
  Instant codesExpiredBefore(Instant now) {
    return now.minus(GRACE);
  }

  /** Sessions that ended before this instant are due for deletion. */
  Instant sessionsEndedBefore(Instant now) {
    return now.minus(GRACE);
  }

  /** Sessions last seen before this instant went idle more than a day ago: due for deletion. */
  Instant sessionsLastSeenBefore(Instant now) {
    return now.minus(idleTimeout).minus(GRACE);
  }
}
