package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  }

  @Test
  void aNodeSealsWithTheDefaultCountUnlessToldOtherwiseAndAKeyOpensWithTheCountItCarries() {
    KeySealer node = new KeySealer(KeySealing.ITERATIONS);
    byte[] real = node.seal(KEY, "x".toCharArray(), "c");
    assertThat(ByteBuffer.wrap(real, 1, 4).getInt()).isEqualTo(KeySealing.ITERATIONS);
    // a key sealed under another setting (the tests' fewer iterations) still opens
    byte[] fewer = new KeySealer(KeySealer.MIN_ITERATIONS).seal(KEY, "x".toCharArray(), "c");
    assertThat(ByteBuffer.wrap(fewer, 1, 4).getInt()).isEqualTo(KeySealer.MIN_ITERATIONS);
    assertThat(KeySealing.open(fewer, "x".toCharArray(), "c"))
        .hasValueSatisfying(plain -> assertThat(plain).isEqualTo(KEY));
  }

  @Test
  void aCountOutsideTheBoundsStopsTheStartWithTheSettingsName() {
    assertThatThrownBy(() -> new KeySealer(999))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.letters.key-iterations must be between 1000 and");
    assertThatThrownBy(() -> new KeySealer(100 * KeySealing.ITERATIONS + 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.letters.key-iterations");
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
