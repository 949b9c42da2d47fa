package id.go.kecamatan.surveys;

import java.util.EnumMap;
import java.util.Map;

/**
 * The answers of a group of responses added up: per element the sum of the scores and the number of
 * answers, and the number of responses. Tallies add up ({@link #plus}), so a quarter is the sum of
 * its months and a regency the sum of its offices: the regency's index is thereby the offices'
 * indexes weighted by their respondents.
 */
public record Tally(long respondents, Map<Element, Long> sums, Map<Element, Long> counts) {

  public static final Tally EMPTY = new Tally(0, Map.of(), Map.of());

  public Tally {
    if (respondents < 0) {
      throw new IllegalArgumentException("respondents " + respondents);
    }
    sums = Map.copyOf(sums);
    counts = Map.copyOf(counts);
    for (Map.Entry<Element, Long> count : counts.entrySet()) {
      long sum = sums.getOrDefault(count.getKey(), 0L);
      if (count.getValue() < 0
          || sum < count.getValue() * Element.MIN_SCORE
          || sum > count.getValue() * Element.MAX_SCORE) {
        throw new IllegalArgumentException("impossible tally of " + count.getKey());
      }
    }
  }

  /** The tally of one response answering every element. */
  public static Tally of(Map<Element, Integer> answers) {
    Map<Element, Long> sums = new EnumMap<>(Element.class);
    Map<Element, Long> counts = new EnumMap<>(Element.class);
    answers.forEach(
        (element, score) -> {
          sums.put(element, (long) score);
          counts.put(element, 1L);
        });
    return new Tally(1, sums, counts);
  }

  public Tally plus(Tally other) {
    Map<Element, Long> sums = new EnumMap<>(Element.class);
    Map<Element, Long> counts = new EnumMap<>(Element.class);
    for (Element element : Element.values()) {
      long count = count(element) + other.count(element);
      if (count > 0) {
        sums.put(element, sum(element) + other.sum(element));
        counts.put(element, count);
      }
    }
    return new Tally(respondents + other.respondents, sums, counts);
  }

  public long sum(Element element) {
    return sums.getOrDefault(element, 0L);
  }

  public long count(Element element) {
    return counts.getOrDefault(element, 0L);
  }

  /** Every element has at least one answer, so the index can be computed. */
  public boolean complete() {
    for (Element element : Element.values()) {
      if (count(element) == 0) {
        return false;
      }
    }
    return true;
  }
}
