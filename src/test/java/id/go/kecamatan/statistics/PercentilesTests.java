package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTests {

  @Test
  void nearestRankOfTenApplications() {
    // days taken: 1,1,2,2,2,3,3,5,8,13 -> at index d the number that took d days
    long[] histogram = new long[14];
    for (int d : new int[] {1, 1, 2, 2, 2, 3, 3, 5, 8, 13}) {
      histogram[d]++;
    }
    assertThat(Percentiles.of(histogram, 50)).isEqualTo(2); // rank 5
    assertThat(Percentiles.of(histogram, 90)).isEqualTo(8); // rank 9, not 10
  }

  @Test
  void oneApplication() {
    assertThat(Percentiles.of(new long[] {0, 0, 0, 1}, 50)).isEqualTo(3);
    assertThat(Percentiles.of(new long[] {0, 0, 0, 1}, 90)).isEqualTo(3);
  }

  @Test
  void noneFinished() {
    assertThat(Percentiles.of(new long[0], 50)).isNull();
    assertThat(Percentiles.of(new long[] {0, 0}, 90)).isNull();
  }
}
