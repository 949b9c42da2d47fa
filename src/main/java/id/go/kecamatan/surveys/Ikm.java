package id.go.kecamatan.surveys;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Indeks Kepuasan Masyarakat of a group of responses, by the rule of Permenpan RB 14/2017:
 *
 * <ul>
 *   <li>NRR (nilai rata-rata) of an element = the sum of its scores / the number of its answers;
 *   <li>IKM = (the nine NRR, each weighted exactly 1/9) x 25, between 25 and 100.
 * </ul>
 *
 * <p>The rounding, stated: the index is computed exactly (as a fraction of integers, nothing
 * rounded on the way) and rounded once, half up, to two decimals; the grade is read from that
 * rounded index. The common weight 0.111 is not used: it caps the index at 99.90 (4 x 0.999 x 25)
 * where every respondent answered 4. The NRR shown are rounded half up to two decimals, for display
 * only.
 */
public record Ikm(long respondents, Map<Element, BigDecimal> nrr, BigDecimal index, Grade grade) {

  static final BigDecimal HUNDRED = new BigDecimal("100.00");

  private static final BigInteger NINE = BigInteger.valueOf(9);
  private static final BigInteger TWENTY_FIVE = BigInteger.valueOf(25);

  public Ikm {
    nrr = Map.copyOf(nrr);
  }

  /** The index of the tally, when every element has an answer. */
  public static Optional<Ikm> of(Tally tally) {
    if (!tally.complete()) {
      return Optional.empty();
    }
    // sum of sum_e / count_e over the elements, as one fraction: numerator / denominator
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ONE;
    Map<Element, BigDecimal> nrr = new EnumMap<>(Element.class);
    for (Element element : Element.values()) {
      BigInteger sum = BigInteger.valueOf(tally.sum(element));
      BigInteger count = BigInteger.valueOf(tally.count(element));
      numerator = numerator.multiply(count).add(sum.multiply(denominator));
      denominator = denominator.multiply(count);
      nrr.put(element, new BigDecimal(sum).divide(new BigDecimal(count), 2, RoundingMode.HALF_UP));
    }
    BigDecimal index =
        new BigDecimal(numerator.multiply(TWENTY_FIVE))
            .divide(new BigDecimal(denominator.multiply(NINE)), 2, RoundingMode.HALF_UP);
    return Optional.of(new Ikm(tally.respondents(), nrr, index, Grade.of(index)));
  }

  /** The elements from the lowest NRR up (ties in the instrument's order): the weakest first. */
  public List<Element> weakestFirst() {
    return nrr.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<Element, BigDecimal>::getValue)
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
  }
}
