package id.go.kecamatan.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMaskTests {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Budi Santoso|Bu** Sa*****",
        "Sri Mulyani|S** Mu*****",
        "Siti Nur Aisyah|Si** N** Ai****",
        "Al Amin|A* Am**",
        "M Yusuf|M Yu***",
        "M. Yusuf Harahap|M. Yu*** Ha*****",
        "Ma'ruf Amin|Ma'*** Am**",
        "Rina Siregar, S.E.|Ri** Si*****, S.*.",
        "Ni Luh Putu Ayu|N* L** Pu** A**",
        "  Joko   Prasetyo  |Jo** Pr******",
        "ÉLODIE Đặng|ÉL**** Đặ**",
        "Ñandú|Ña***",
        "张伟明|张**",
        "Jo-Ann|Jo-***"
      })
  void masksEveryWordButItsFirstLetters(String name, String masked) {
    assertThat(NameMask.mask(name)).isEqualTo(masked);
  }

  @Test
  void decomposedAccentsCountAsOneLetter() {
    // "Đặng" typed with combining marks: after NFC it masks like the composed form
    assertThat(NameMask.mask("Ðă\u0323ng")).isEqualTo(NameMask.mask("Ðặng"));
    assertThat(NameMask.mask("Rene\u0301e")).isEqualTo("Re***");
  }

  @Test
  void emptyNamesGiveNothing() {
    assertThat(NameMask.mask(null)).isEmpty();
    assertThat(NameMask.mask("   ")).isEmpty();
  }

  @Test
  void theMaskedNameNeverShowsMoreThanTwoLettersOfAWord() {
    String masked = NameMask.mask("Muhammad Yusuf Harahap");
    assertThat(masked)
        .doesNotContain("Muh", "Yus", "Har")
        .hasSize("Muhammad Yusuf Harahap".length());
  }
}
