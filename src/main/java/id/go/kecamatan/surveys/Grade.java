package id.go.kecamatan.surveys;

import java.math.BigDecimal;

/**
 * The service quality (mutu pelayanan) an IKM stands for, by Permenpan RB 14/2017: A Sangat Baik
 * 88.31-100, B Baik 76.61-88.30, C Kurang Baik 65.00-76.60, D Tidak Baik 25.00-64.99. The
 * boundaries apply to the index rounded to two decimals ({@link Ikm}), so the four ranges meet
 * without a gap.
 */
public enum Grade {
  A("88.31"),
  B("76.61"),
  C("65.00"),
  D("25.00");

  private final BigDecimal lowest;

  Grade(String lowest) {
    this.lowest = new BigDecimal(lowest);
  }

  /** The lowest index of this grade. */
  public BigDecimal lowest() {
    return lowest;
  }

  /** The message key of its name (Sangat Baik, Baik, Kurang Baik, Tidak Baik). */
  public String labelKey() {
    return "surveys.grade." + name();
  }

  /**
   * The grade of an index rounded to two decimals.
   *
   * @throws IllegalArgumentException outside 25.00-100.00
   */
  public static Grade of(BigDecimal index) {
    if (index.compareTo(D.lowest) < 0 || index.compareTo(Ikm.HUNDRED) > 0) {
      throw new IllegalArgumentException("IKM outside 25-100: " + index);
    }
    for (Grade grade : values()) {
      if (index.compareTo(grade.lowest) >= 0) {
        return grade;
      }
    }
    throw new AssertionError();
  }
}
