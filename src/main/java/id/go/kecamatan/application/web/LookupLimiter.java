package id.go.kecamatan.application.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits look-ups by tracking code per client address: {@value #PER_MINUTE} a minute, so the last
 * four phone digits cannot be tried through. The buckets live in this node's memory.
 */
@Component
class LookupLimiter {

  static final int PER_MINUTE = 10;
  private static final int MAX_CLIENTS = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one look-up for the client.
   *
   * @return 0 when allowed, otherwise the seconds to wait
   */
  long take(String clientAddress) {
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
                            .capacity(PER_MINUTE)
                            .refillGreedy(PER_MINUTE, Duration.ofMinutes(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
  }

  /** Forgets every client (for tests). */
  void reset() {
    buckets.clear();
  }
}
