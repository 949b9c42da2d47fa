package id.go.kecamatan.letters.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The letters signed on this node ({@code layanan_letters_signed_total}) and the signing attempts
 * that failed ({@code layanan_letters_signing_failures_total}) by reason: {@code wrong_passphrase},
 * {@code locked} (too many wrong passphrases), {@code unavailable} (the signing service or the
 * key), {@code error} (a letter that could not be made). No office, signer or letter in a label.
 */
@Component
public class SigningMetrics {

  /** Why a signing failed. */
  public enum Failure {
    WRONG_PASSPHRASE,
    LOCKED,
    UNAVAILABLE,
    ERROR
  }

  private final Counter signed;
  private final MeterRegistry registry;

  SigningMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.signed =
        Counter.builder("layanan.letters.signed")
            .description("Letters signed and issued")
            .register(registry);
    for (Failure failure : Failure.values()) {
      failures(failure);
    }
  }

  /** One letter signed (its transaction committed). */
  public void signed() {
    signed.increment();
  }

  /** One failed signing attempt. */
  public void failed(Failure failure) {
    failures(failure).increment();
  }

  private Counter failures(Failure failure) {
    return Counter.builder("layanan.letters.signing.failures")
        .description("Signing attempts that failed, by reason")
        .tag("reason", failure.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry);
  }
}
