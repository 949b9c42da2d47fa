package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclosureTests {

  @Test
  void countsFromOneToFourAreSuppressed() {
    assertThat(Disclosure.count(0)).isZero();
    assertThat(Disclosure.count(1)).isNull();
    assertThat(Disclosure.count(4)).isNull();
    assertThat(Disclosure.count(5)).isEqualTo(5);
  }

  @Test
  void aShareNeverGivesASuppressedCountAway() {
    // 2 of 6 online: 33 % and the total 6 would tell the 2
    assertThat(Disclosure.percent(2, 6)).isNull();
    assertThat(Disclosure.percent(6, 4)).isNull(); // base too small
    assertThat(Disclosure.percent(0, 6)).isZero();
    assertThat(Disclosure.percent(5, 8)).isEqualTo(63);
  }
}
