package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.shared.Pbkdf2;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private keys at rest: encrypted with AES-256-GCM under a key derived from a passphrase or secret
 * by PBKDF2-HMAC-SHA256 ({@link Pbkdf2}) with a random salt. The sealed form carries its own
 * parameters (version, iteration count, salt, nonce), so the iteration count can be raised later.
 * The context (e.g. the signer's staff id) is authenticated too, so a sealed key cannot be moved to
 * another row. GCM's tag tells a wrong passphrase from a right one.
 */
public final class KeySealing {

  /** PBKDF2-HMAC-SHA256 iterations (OWASP's figure for 2023), the default of {@link KeySealer}. */
  static final int ITERATIONS = 600_000;

  private static final byte VERSION = 1;
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySealing() {}

  /**
   * Encrypts {@code plain} under the secret with that many iterations ({@link KeySealer} gives the
   * configured count); the context must be given again to open it.
   */
  static byte[] seal(byte[] plain, char[] secret, String context, int iterations) {
    byte[] salt = random(SALT_BYTES);
    byte[] nonce = random(NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, salt, iterations, nonce, context);
      byte[] encrypted = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + 4 + SALT_BYTES + NONCE_BYTES + encrypted.length)
          .put(VERSION)
          .putInt(iterations)
          .put(salt)
          .put(nonce)
          .put(encrypted)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a private key", e);
    }
  }

  /** The plain bytes, or empty when the secret (or the context) is wrong. */
  public static Optional<byte[]> open(byte[] sealed, char[] secret, String context) {
    ByteBuffer in = ByteBuffer.wrap(sealed);
    if (in.get() != VERSION) {
      throw new IllegalStateException("Unknown sealed key format");
    }
    int iterations = in.getInt();
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(salt).get(nonce);
    byte[] encrypted = new byte[in.remaining()];
    in.get(encrypted);
    try {
      return Optional.of(
          cipher(Cipher.DECRYPT_MODE, secret, salt, iterations, nonce, context).doFinal(encrypted));
    } catch (AEADBadTagException wrong) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a private key", e);
    }
  }

  private static Cipher cipher(
      int mode, char[] secret, byte[] salt, int iterations, byte[] nonce, String context)
      throws GeneralSecurityException {
    byte[] derived = Pbkdf2.derive(secret, salt, iterations, 32);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher;
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
