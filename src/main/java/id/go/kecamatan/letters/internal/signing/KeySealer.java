package id.go.kecamatan.letters.internal.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals private keys ({@link KeySealing}) with {@code layanan.letters.key-iterations} PBKDF2
 * iterations: the signers' keys under their passphrases, the certificate authority's under its
 * secret. A sealed key carries its own count, so a changed setting applies to keys sealed
 * afterwards and every stored key still opens. The default is {@link KeySealing#ITERATIONS} (about
 * half a second of a core per sealing and per opening: once per signing batch); the tests set fewer
 * (application-test.yml), since every test context makes the demo's signers and their keys, and a
 * node below the default says so in its log at every start.
 */
@Component
public class KeySealer {

  /** The fewest iterations accepted (tests only). */
  static final int MIN_ITERATIONS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(KeySealer.class);

  private final int iterations;

  KeySealer(
      @Value("${layanan.letters.key-iterations:" + KeySealing.ITERATIONS + "}") int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > 100 * KeySealing.ITERATIONS) {
      throw new IllegalStateException(
          "layanan.letters.key-iterations must be between "
              + MIN_ITERATIONS
              + " and "
              + 100 * KeySealing.ITERATIONS
              + " (PBKDF2's iterations for sealing private keys), not "
              + iterations);
    }
    if (iterations < KeySealing.ITERATIONS) {
      log.warn(
          "Private keys are sealed with {} PBKDF2 iterations, fewer than the default {}: for tests"
              + " only",
          iterations,
          KeySealing.ITERATIONS);
    }
    this.iterations = iterations;
  }

  /** Encrypts {@code plain} under the secret; the context must be given again to open it. */
  public byte[] seal(byte[] plain, char[] secret, String context) {
    return KeySealing.seal(plain, secret, context, iterations);
  }

  int iterations() {
    return iterations;
  }
}
