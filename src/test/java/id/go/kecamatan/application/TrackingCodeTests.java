package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TrackingCodeTests {

  @Provide
  Arbitrary<TrackingCode> codes() {
    Arbitrary<String> officeCodes =
        Arbitraries.strings()
            .numeric()
            .ofLength(6)
            .map(d -> d.replaceAll("(..)(..)(..)", "$1.$2.$3"));
    return officeCodes.flatMap(
        office -> Arbitraries.longs().map(seed -> TrackingCode.generate(office, new Random(seed))));
  }

  @Property
  void generatedCodesAreValidAndCarryTheOfficePrefix(@ForAll("codes") TrackingCode code) {
    assertThat(code.value()).matches("\\d{6}-[" + TrackingCode.ALPHABET + "]{8}");
    assertThat(TrackingCode.parse(code.value())).contains(code);
    assertThat(TrackingCode.parse(code.value().toLowerCase())).contains(code);
    assertThat(TrackingCode.parse(" " + code.value().replace("-", "") + " ")).contains(code);
  }

  @Property
  void everySingleCharacterChangeIsDetected(@ForAll("codes") TrackingCode code) {
    String value = code.value();
    String everything = "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '-') {
        continue;
      }
      for (char c : everything.toCharArray()) {
        if (c == value.charAt(i)) {
          continue;
        }
        String changed = value.substring(0, i) + c + value.substring(i + 1);
        assertThat(TrackingCode.parse(changed)).as(changed).isEmpty();
      }
    }
  }

  @Property
  void everyAdjacentSwapIsDetected(@ForAll("codes") TrackingCode code) {
    String value = code.value().replace("-", "");
    for (int i = 0; i + 1 < value.length(); i++) {
      if (value.charAt(i) == value.charAt(i + 1)) {
        continue;
      }
      char[] chars = value.toCharArray();
      chars[i] = value.charAt(i + 1);
      chars[i + 1] = value.charAt(i);
      String swapped = new String(chars);
      assertThat(TrackingCode.parse(swapped)).as(swapped).isEmpty();
      assertThat(TrackingCode.parse(swapped.substring(0, 6) + "-" + swapped.substring(6)))
          .as(swapped)
          .isEmpty();
    }
  }

  @Example
  void theAlphabetLeavesOutAmbiguousCharacters() {
    assertThat(TrackingCode.ALPHABET).hasSize(31).doesNotContain("0", "1", "O", "I", "L");
  }

  @Example
  void garbageIsNotACode() {
    assertThat(TrackingCode.parse(null)).isEmpty();
    assertThat(TrackingCode.parse("")).isEmpty();
    assertThat(TrackingCode.parse("351616-")).isEmpty();
    assertThat(TrackingCode.parse("<script>")).isEmpty();
    assertThat(TrackingCode.parse("351616-AAAAAAAAA")).isEmpty();
    assertThatThrownBy(() -> new TrackingCode("351616-AAAAAAAA"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void theOfficePrefixIsTheRegionCode() {
    TrackingCode code = TrackingCode.generate("35.16.16", new Random(1));
    assertThat(code.officePrefix()).isEqualTo("351616");
  }
}
