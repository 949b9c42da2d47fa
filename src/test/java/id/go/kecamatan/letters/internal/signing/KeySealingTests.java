package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.letters.SigningKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sealing of private keys, and the passphrase rules. */
class KeySealingTests {

  static final byte[] KEY = "a private key, PKCS#8".getBytes(StandardCharsets.UTF_8);

  @Test
  void opensOnlyWithTheSameSecretAndContext() {
    byte[] sealed = KeySealing.seal(KEY, "kalimat rahasia".toCharArray(), "signing-key:1", 1_000);
    assertThat(KeySealing.open(sealed, "kalimat rahasia".toCharArray(), "signing-key:1"))
        .hasValueSatisfying(plain -> assertThat(plain).isEqualTo(KEY));
    assertThat(KeySealing.open(sealed, "kalimat rahasiA".toCharArray(), "signing-key:1")).isEmpty();
    assertThat(KeySealing.open(sealed, "kalimat rahasia".toCharArray(), "signing-key:2")).isEmpty();
    sealed[sealed.length - 1] ^= 1;
    assertThat(KeySealing.open(sealed, "kalimat rahasia".toCharArray(), "signing-key:1")).isEmpty();
  }

  @Test
  void eachSealingHasItsOwnSaltAndNonceAndARealIterationCount() {
    byte[] one = KeySealing.seal(KEY, "kalimat rahasia".toCharArray(), "c", 1_000);
    byte[] two = KeySealing.seal(KEY, "kalimat rahasia".toCharArray(), "c", 1_000);
    assertThat(one).isNotEqualTo(two);
    assertThat(LocalSigningIntegrationTests.indexOf(one, KEY)).isEqualTo(-1);
    assertThat(KeySealing.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    byte[] real = KeySealing.seal(KEY, "x".toCharArray(), "c");
    assertThat(ByteBuffer.wrap(real, 1, 4).getInt()).isEqualTo(KeySealing.ITERATIONS);
  }

  @Test
  void passphraseRules() {
    assertThat(SigningKeys.checkPassphrase("".toCharArray()).get("passphrase").key())
        .isEqualTo("error.required");
    assertThat(SigningKeys.checkPassphrase("1234567".toCharArray()).get("passphrase").key())
        .isEqualTo("signing.passphrase.tooShort");
    assertThat(SigningKeys.checkPassphrase("12345678".toCharArray()).any()).isFalse();
    assertThat(SigningKeys.checkPassphrase("a".repeat(200).toCharArray()).any()).isFalse();
    assertThat(SigningKeys.checkPassphrase("a".repeat(201).toCharArray()).get("passphrase").key())
        .isEqualTo("signing.passphrase.tooLong");
    // characters, not UTF-16 units: eight emoji are eight characters
    assertThat(SigningKeys.checkPassphrase("😀".repeat(8).toCharArray()).any()).isFalse();
    assertThat(SigningKeys.checkPassphrase("abcd\u0000efgh".toCharArray()).get("passphrase").key())
        .isEqualTo("error.control");
  }
}
