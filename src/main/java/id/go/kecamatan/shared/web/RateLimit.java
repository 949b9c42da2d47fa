package id.go.kecamatan.shared.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A limit of requests a minute per client address (Bucket4j, greedy refill). The buckets live in
 * this node's memory and are forgotten all at once beyond {@value #MAX_CLIENTS} clients.
 */
public final class RateLimit {

  private static final int MAX_CLIENTS = 100_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  /**
   * Takes one request for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait (for {@code Retry-After})
   */
  public long take(String clientAddress) {
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
    buckets.clear();
  }
}
