package id.go.kecamatan.letters.internal;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Limits the public verification per client address, so codes cannot be tried through and the
 * hashing of uploads cannot tie up the server: {@value #LOOKUPS_PER_MINUTE} look-ups a minute (a
 * bank or a school checking a pile of letters stays well below), {@value #UPLOADS_PER_MINUTE}
 * uploads a minute. The counts are kept in the database, for all nodes together.
 */
@Component
public class VerificationLimiter {

  public static final int LOOKUPS_PER_MINUTE = 60;
  public static final int UPLOADS_PER_MINUTE = 10;
  private final RateLimit lookups;
  private final RateLimit uploads;

  VerificationLimiter(RateLimits limits) {
    this.lookups = limits.perMinute("verification-lookups-per-address", LOOKUPS_PER_MINUTE);
    this.uploads = limits.perMinute("verification-uploads-per-address", UPLOADS_PER_MINUTE);
  }

  /**
   * Takes one look-up (an opened verification page or a typed code) for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait
   */
  public long lookup(String clientAddress) {
    return lookups.take(clientAddress);
  }

  /** Takes one upload to compare for the client, like {@link #lookup}. */
  public long upload(String clientAddress) {
    return uploads.take(clientAddress);
  }

  /** Forgets every client (for tests). */
  public void reset() {
    lookups.reset();
    uploads.reset();
  }
}
