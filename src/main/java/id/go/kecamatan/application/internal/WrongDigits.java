package id.go.kecamatan.application.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts wrong digits per tracking code: after {@value #PER_HOUR} in an hour the code opens
 * nothing, even with the right digits, until the hour has passed. The per-address limit alone lets
 * someone who knows a code try the digits from many addresses, and the last four digits of a NIK
 * (used when an application has no phone) are mostly small numbers. The counts live in this node's
 * memory.
 */
@Component
public class WrongDigits {

  public static final int PER_HOUR = 10;
  private static final int MAX_CODES = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Whether the code has had too many wrong digits lately. */
  public boolean locked(String trackingCode) {
    Bucket bucket = buckets.get(trackingCode);
    return bucket != null && bucket.getAvailableTokens() <= 0;
  }

  /** Records wrong digits for the code. */
  public void failed(String trackingCode) {
    if (buckets.size() > MAX_CODES) {
      buckets.clear();
    }
    buckets
        .computeIfAbsent(
            trackingCode,
            c ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(PER_HOUR)
                            .refillGreedy(PER_HOUR, Duration.ofHours(1))
                            .build())
                    .build())
        .tryConsume(1);
  }
}
