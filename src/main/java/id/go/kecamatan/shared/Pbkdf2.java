package id.go.kecamatan.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018), the key derivation of the secrets kept sealed at rest: a signer's
 * private key under their passphrase, the authenticator secrets under the deployment's secret. The
 * same bytes as the JDK's {@code PBKDF2WithHmacSHA256} (the password as UTF-8, as the JDK encodes
 * it), in about two thirds of its processor time: the JDK's HMAC hashes its key's inner and outer
 * pad again for every one of the 600,000 iterations (four SHA-256 blocks an iteration), this one
 * hashes each pad once and continues from a copy of the digest's state (two blocks an iteration).
 * An attacker's cost per guess is unchanged: their tools do the same.
 */
public final class Pbkdf2 {

  private static final int BLOCK = 64;
  private static final int LENGTH = 32;

  private Pbkdf2() {}

  /**
   * The key of {@code bytes} bytes derived from the password and salt.
   *
   * @throws IllegalArgumentException for no iterations or a key length outside 1..32 (one block of
   *     SHA-256 is all the system needs)
   */
  public static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    if (iterations < 1 || bytes < 1 || bytes > LENGTH) {
      throw new IllegalArgumentException("iterations >= 1 and 1..32 bytes");
    }
    byte[] key = utf8(password);
    byte[] inner = new byte[BLOCK];
    byte[] outer = new byte[BLOCK];
    try {
      if (key.length > BLOCK) {
        byte[] hashed = Sha256.of(key);
        Arrays.fill(key, (byte) 0);
        key = hashed;
      }
      for (int i = 0; i < BLOCK; i++) {
        byte k = i < key.length ? key[i] : 0;
        inner[i] = (byte) (k ^ 0x36);
        outer[i] = (byte) (k ^ 0x5c);
      }
      MessageDigest innerPad = Sha256.digest();
      innerPad.update(inner);
      MessageDigest outerPad = Sha256.digest();
      outerPad.update(outer);
      byte[] u = new byte[LENGTH];
      // U1 = HMAC(password, salt || INT(1)); the first and only block of a 32-byte key
      MessageDigest digest = copy(innerPad);
      digest.update(salt);
      digest.update(new byte[] {0, 0, 0, 1});
      hmac(digest, outerPad, u);
      byte[] result = u.clone();
      for (int n = 1; n < iterations; n++) {
        digest = copy(innerPad);
        digest.update(u);
        hmac(digest, outerPad, u);
        for (int j = 0; j < LENGTH; j++) {
          result[j] ^= u[j];
        }
      }
      Arrays.fill(u, (byte) 0);
      byte[] derived = Arrays.copyOf(result, bytes);
      Arrays.fill(result, (byte) 0);
      return derived;
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(inner, (byte) 0);
      Arrays.fill(outer, (byte) 0);
    }
  }

  /** Finishes the inner hash in {@code digest}, then the outer one into {@code out}. */
  private static void hmac(MessageDigest digest, MessageDigest outerPad, byte[] out) {
    try {
      digest.digest(out, 0, LENGTH);
      MessageDigest second = copy(outerPad);
      second.update(out);
      second.digest(out, 0, LENGTH);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 of this JDK cannot be copied", e);
    }
  }

  /** The password's UTF-8 bytes, as the JDK's PBKDF2 takes them. */
  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }
}
