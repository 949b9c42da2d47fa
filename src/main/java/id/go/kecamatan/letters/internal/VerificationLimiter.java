package id.go.kecamatan.letters.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits the public verification per client address, so codes cannot be tried through and the
 * hashing of uploads cannot tie up the server: {@value #LOOKUPS_PER_MINUTE} look-ups a minute (a
 * bank or a school checking a pile of letters stays well below), {@value #UPLOADS_PER_MINUTE}
 * uploads a minute. The buckets live in this node's memory.
 */
@Component
public class VerificationLimiter {

  public static final int LOOKUPS_PER_MINUTE = 60;
  public static final int UPLOADS_PER_MINUTE = 10;
  private static final int MAX_CLIENTS = 100_000;

  private final Map<String, Bucket> lookups = new ConcurrentHashMap<>();
  private final Map<String, Bucket> uploads = new ConcurrentHashMap<>();

  /**
   * Takes one look-up (an opened verification page or a typed code) for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait
   */
  public long lookup(String clientAddress) {
    return take(lookups, clientAddress, LOOKUPS_PER_MINUTE);
  }

  /** Takes one upload to compare for the client, like {@link #lookup}. */
  public long upload(String clientAddress) {
    return take(uploads, clientAddress, UPLOADS_PER_MINUTE);
  }

  private static long take(Map<String, Bucket> buckets, String clientAddress, int perMinute) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            clientAddress == null ? "" : clientAddress,
            a ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
  }

  /** Forgets every client (for tests). */
  public void reset() {
    lookups.clear();
    uploads.clear();
  }
}
