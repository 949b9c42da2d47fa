package id.go.kecamatan.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

  static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B (SHA-1), the last six of its eight digits. */
  @ParameterizedTest
  @CsvSource({
    "59, 287082",
    "1111111109, 081804",
    "1111111111, 050471",
    "1234567890, 005924",
    "2000000000, 279037",
    "20000000000, 353130"
  })
  void theCodesOfRfc6238(long seconds, String code) {
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
  }

  @Test
  void aCodeOfTheStepBeforeOrAfterIsAcceptedAndNoOther() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).isEqualTo(step);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now))
        .isEqualTo(step - 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now))
        .isEqualTo(step + 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEqualTo(-1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEqualTo(-1);
  }

  @Test
  void theKeyIsBase32AsAppsTakeIt() {
    // RFC 4648 section 10, without padding
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.uri("Layanan Kecamatan", "camat.jetis", RFC_SECRET))
        .isEqualTo(
            "otpauth://totp/Layanan%20Kecamatan:camat.jetis?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Layanan%20Kecamatan&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void typedCodesAreReadAsPeopleTypeThem() {
    assertThat(SecondFactors.digits(" 123 456 ")).isEqualTo("123456");
    assertThat(SecondFactors.digits("123-456")).isEqualTo("123456");
    assertThat(SecondFactors.digits("12345")).isNull();
    assertThat(SecondFactors.digits("1234567")).isNull();
    assertThat(SecondFactors.digits("12345a")).isNull();
    assertThat(SecondFactors.digits("１２３４５６")).isNull();
    assertThat(SecondFactors.digits("1".repeat(1_000_000))).isNull();
    assertThat(SecondFactors.recoveryCode("ABCDE-23456")).isEqualTo("abcde23456");
    assertThat(SecondFactors.recoveryCode("abcde 23456")).isEqualTo("abcde23456");
    assertThat(SecondFactors.recoveryCode("abcde-2345")).isNull();
    assertThat(SecondFactors.recoveryCode("<script>")).isNull();
  }
}
