package id.go.kecamatan.accounts.internal;

import id.go.kecamatan.shared.Pbkdf2;
import id.go.kecamatan.shared.startup.Prepared;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The authenticator secrets at rest: AES-256-GCM under a key derived once at start from {@code
 * layanan.accounts.second-factor-secret} ({@link Pbkdf2}, 600,000 iterations: about a second of one
 * core, spent on a thread of its own while the rest of the application starts, and awaited by the
 * first seal or open), a random nonce per secret, and the staff id as associated data, so a sealed
 * secret cannot be moved to another account. A copy of the database alone does not give anyone an
 * officer's codes.
 */
@Component
public class SecretSealing {

  static final int MIN_SECRET = 16;
  private static final int ITERATIONS = 600_000;
  private static final byte[] SALT =
      "layanan-kecamatan second factor".getBytes(StandardCharsets.US_ASCII);
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Prepared<SecretKey> key;

  SecretSealing(@Value("${layanan.accounts.second-factor-secret:}") String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET) {
      throw new IllegalStateException(
          "layanan.accounts.second-factor-secret is not set (or shorter than "
              + MIN_SECRET
              + " characters). Set it, for example with the environment variable"
              + " LAYANAN_ACCOUNTS_SECOND_FACTOR_SECRET, to a long random secret kept outside the"
              + " database, the same on every node.");
    }
    char[] chars = secret.toCharArray();
    this.key = Prepared.begin("second-factor-key", () -> derive(chars));
  }

  private static SecretKey derive(char[] secret) {
    byte[] derived = Pbkdf2.derive(secret, SALT, ITERATIONS, 32);
    try {
      return new SecretKeySpec(derived, "AES");
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  public byte[] seal(byte[] plain, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      byte[] encrypted = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + encrypted.length)
          .put(VERSION)
          .put(nonce)
          .put(encrypted)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a second factor secret", e);
    }
  }

  public byte[] open(byte[] sealed, String context) {
    ByteBuffer in = ByteBuffer.wrap(sealed);
    if (in.get() != VERSION) {
      throw new IllegalStateException("Unknown sealed secret format");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(nonce);
    byte[] encrypted = new byte[in.remaining()];
    in.get(encrypted);
    try {
      return cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(encrypted);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "layanan.accounts.second-factor-secret does not open a stored authenticator secret:"
              + " every node needs the secret the accounts were enrolled with",
          e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.get(), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
