package id.go.kecamatan.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The minimum number of respondents for a population of service users, by Krejcie and Morgan (1970)
 * at 95 % confidence and a 5 % margin: s = X²NP(1-P) / (d²(N-1) + X²P(1-P)) with X² = 3.841, P =
 * 0.5 and d = 0.05, rounded half up to a whole respondent. Rounded so, the formula gives every
 * value of the published table (10 -> 10, 100 -> 80, 1,000 -> 278, 10,000 -> 370, 75,000 -> 382,
 * 1,000,000 -> 384), and between its rows the values a reader of the table would interpolate; it
 * never exceeds N, nor 384 (the limit of the formula is 384.16).
 */
public final class SampleSize {

  private static final BigDecimal CHI_SQUARE = new BigDecimal("3.841");
  private static final BigDecimal P_Q = new BigDecimal("0.25");
  private static final BigDecimal D_SQUARE = new BigDecimal("0.0025");

  private SampleSize() {}

  /** The minimum sample for {@code population} service users (0 for none). */
  public static long minimum(long population) {
    if (population < 0) {
      throw new IllegalArgumentException("population " + population);
    }
    if (population == 0) {
      return 0;
    }
    BigDecimal n = BigDecimal.valueOf(population);
    BigDecimal numerator = CHI_SQUARE.multiply(n).multiply(P_Q);
    BigDecimal denominator =
        D_SQUARE.multiply(n.subtract(BigDecimal.ONE)).add(CHI_SQUARE.multiply(P_Q));
    return numerator.divide(denominator, 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Whether {@code respondents} suffice for {@code population} service users. */
  public static boolean sufficient(long respondents, long population) {
    return respondents >= minimum(population);
  }
}
