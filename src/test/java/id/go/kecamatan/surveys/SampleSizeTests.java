package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Krejcie-Morgan minimum sample (95 %, 5 %), against the published table. */
class SampleSizeTests {

  /** Rows of the table of Krejcie and Morgan (1970), "Determining sample size for research". */
  @ParameterizedTest
  @CsvSource({
    "10,10",
    "15,14",
    "20,19",
    "30,28",
    "50,44",
    "75,63",
    "100,80",
    "150,108",
    "200,132",
    "300,169",
    "500,217",
    "750,254",
    "1000,278",
    "1500,306",
    "2000,322",
    "3000,341",
    "5000,357",
    "10000,370",
    "20000,377",
    "50000,381",
    "75000,382",
    "1000000,384"
  })
  void matchesThePublishedTable(long population, long sample) {
    assertThat(SampleSize.minimum(population)).isEqualTo(sample);
  }

  @Test
  void saysWhetherASampleSuffices() {
    assertThat(SampleSize.minimum(0)).isZero();
    assertThat(SampleSize.sufficient(80, 100)).isTrue();
    assertThat(SampleSize.sufficient(79, 100)).isFalse();
  }

  @Property
  void neverAsksMoreThanThePopulation(@ForAll @LongRange(min = 1, max = 5_000_000) long n) {
    assertThat(SampleSize.minimum(n)).isBetween(1L, n);
  }

  @Property
  void growsWithThePopulation(@ForAll @LongRange(min = 1, max = 5_000_000) long n) {
    assertThat(SampleSize.minimum(n + 1)).isGreaterThanOrEqualTo(SampleSize.minimum(n));
  }

  /** The table's tail: past 75,000 users the minimum stays between the last rows, 382 to 384. */
  @Property
  void staysWithinTheTailOfTheTable(@ForAll @LongRange(min = 75_000, max = 1_000_000_000L) long n) {
    assertThat(SampleSize.minimum(n)).isBetween(382L, 384L);
  }
}
