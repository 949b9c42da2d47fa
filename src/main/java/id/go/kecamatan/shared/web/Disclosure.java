package id.go.kecamatan.shared.web;

/**
 * What a public output may show of a count, the one rule for every module's public pages, feeds and
 * exports: counts from 1 to 4 are suppressed (shown as "< 5"), and a share or a duration computed
 * from fewer than 5 items is not shown, so that no resident can be recognised from a small number.
 */
public final class Disclosure {

  /** The smallest count shown as it is (other than 0). */
  public static final int MIN_SHOWN = 5;

  private Disclosure() {}

  /** Whether a count is shown as it is. */
  public static boolean shown(long n) {
    return n == 0 || n >= MIN_SHOWN;
  }

  /** The count as a public output shows it, {@code null} when suppressed. */
  public static Long count(long n) {
    return shown(n) ? n : null;
  }

  /**
   * A share in whole percent, {@code null} when the base is below {@link #MIN_SHOWN} or the part is
   * itself suppressed (its share and the base shown would give it away).
   */
  public static Integer percent(long part, long base) {
    return base < MIN_SHOWN || !shown(part) ? null : (int) Math.round(100.0 * part / base);
  }
}
