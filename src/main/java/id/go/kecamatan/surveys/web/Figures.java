package id.go.kecamatan.surveys.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers of the IKM pages as people read them: two decimals in the page's language. */
public final class Figures {

  private Figures() {}

  /** 88.31 as 88,31 in Indonesian, 88.31 in English. */
  public static String decimal(Locale locale, BigDecimal value) {
    return id.go.kecamatan.shared.web.Formats.decimal(locale, value);
  }

  /** The length of a bar of an NRR (0-4) on a scale of {@code full} units. */
  public static String bar(BigDecimal nrr, int full) {
    return nrr.multiply(BigDecimal.valueOf(full))
        .divide(BigDecimal.valueOf(4), 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** The length of a bar of an index (0-100) on a scale of {@code full} units. */
  public static String indexBar(BigDecimal index, int full) {
    return index
        .multiply(BigDecimal.valueOf(full))
        .divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** The share of a count in whole percent, e.g. 42. */
  public static long percent(long count, long total) {
    return total == 0 ? 0 : Math.round(count * 100.0 / total);
  }
}
