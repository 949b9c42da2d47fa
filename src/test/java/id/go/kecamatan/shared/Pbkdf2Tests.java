package id.go.kecamatan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The derivation gives the bytes of the published test vector and of the JDK's own PBKDF2 for every
 * kind of password: keys sealed before (with the JDK's) still open.
 */
class Pbkdf2Tests {

  @Test
  void givesThePublishedTestVector() {
    // RFC 7914, section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1), the first 32 bytes
    assertThat(
            HexFormat.of().formatHex(Pbkdf2.derive("passwd".toCharArray(), bytes("salt"), 1, 32)))
        .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
  }

  @Test
  void givesTheJdksBytesForEveryKindOfPassword() throws Exception {
    Random random = new Random(21);
    String[] passwords = {
      "",
      "a",
      "kata sandi penandatangan 2026",
      "Kécamatan Batunadua – ŋ ß 漢字 😀",
      // longer than SHA-256's block of 64 bytes: the HMAC hashes the key first
      "x".repeat(64),
      "y".repeat(65),
      "panjang sekali ".repeat(20),
      // an unpaired surrogate: both encode it as '?'
      "a\uD800b"
    };
    for (String password : passwords) {
      for (int iterations : new int[] {1, 2, 3, 1000}) {
        byte[] salt = new byte[1 + random.nextInt(40)];
        random.nextBytes(salt);
        for (int length : new int[] {16, 32}) {
          assertThat(Pbkdf2.derive(password.toCharArray(), salt, iterations, length))
              .as("%s, %d iterations, %d bytes", password, iterations, length)
              .isEqualTo(jdk(password.toCharArray(), salt, iterations, length));
        }
      }
    }
  }

  @Test
  void aSealedKeysIterationCountGivesTheJdksBytes() throws Exception {
    byte[] salt = bytes("layanan-kecamatan second factor");
    char[] secret = "rahasia-faktor-kedua-yang-panjang".toCharArray();
    assertThat(Pbkdf2.derive(secret, salt, 600_000, 32)).isEqualTo(jdk(secret, salt, 600_000, 32));
  }

  @Test
  void refusesWhatItCannotDerive() {
    char[] password = "kata sandi".toCharArray();
    byte[] salt = bytes("garam");
    assertThatThrownBy(() -> Pbkdf2.derive(password, salt, 0, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pbkdf2.derive(password, salt, 1, 33))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pbkdf2.derive(password, salt, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] jdk(char[] password, byte[] salt, int iterations, int length)
      throws Exception {
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password, salt, iterations, length * 8))
        .getEncoded();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
