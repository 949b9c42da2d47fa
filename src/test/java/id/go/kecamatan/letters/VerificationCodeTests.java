package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTests {

  @Test
  void generatedCodesAreLongRandomAndReadBackAsTyped() {
    Random random = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = VerificationCode.generate(random).value();
      assertThat(code).hasSize(VerificationCode.LENGTH).matches("[2-9A-HJKMNP-Z]+");
      assertThat(seen.add(code)).isTrue();
      String typed =
          code.substring(0, 5).toLowerCase()
              + " "
              + code.substring(5, 13)
              + "-"
              + code.substring(13);
      assertThat(VerificationCode.parse(typed)).contains(new VerificationCode(code));
    }
  }

  @Test
  void anythingElseIsNotACode() {
    String code = VerificationCode.generate(new Random(1)).value();
    assertThat(VerificationCode.parse(code.substring(1))).isEmpty();
    assertThat(VerificationCode.parse(code + "A")).isEmpty();
    for (String hostile :
        new String[] {
          null,
          "",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          code.substring(1) + "\0",
          code.substring(1) + "0", // 0, O, 1, I and L are not in the alphabet
          code.substring(1) + "O",
          code.substring(1) + "é",
          "A".repeat(10_000),
          code.substring(0, 10) + "%00" + code.substring(13)
        }) {
      assertThat(VerificationCode.parse(hostile)).as("%s", hostile).isEmpty();
    }
  }
}
