package id.go.kecamatan.surveys.internal;

import id.go.kecamatan.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Invitation tokens: 256 random bits in base64url, stored only as their SHA-256 hash. */
final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String next() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of a token (anything else is not looked up). */
  static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  static byte[] hash(String token) {
    // a token is base64url: its ASCII bytes are its UTF-8 bytes
    return Sha256.of(token);
  }
}
