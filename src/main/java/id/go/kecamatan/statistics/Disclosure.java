package id.go.kecamatan.statistics;

/**
 * What the public outputs may show of a count: the rule of {@link
 * id.go.kecamatan.shared.web.Disclosure} (counts from 1 to 4 suppressed, shown as "< 5"; a share or
 * a duration from fewer than 5 items not shown), which every module's public output shares.
 * Rankings list only scopes with at least {@link #MIN_RANKED}.
 */
public final class Disclosure {

  /** The smallest count shown as it is (other than 0). */
  public static final int MIN_SHOWN = id.go.kecamatan.shared.web.Disclosure.MIN_SHOWN;

  /** The fewest finished applications an office needs to appear in a ranking. */
  public static final int MIN_RANKED = 20;

  private Disclosure() {}

  /** Whether a count is shown as it is. */
  public static boolean shown(long n) {
    return id.go.kecamatan.shared.web.Disclosure.shown(n);
  }

  /** The count as a public output shows it, {@code null} when suppressed. */
  public static Long count(long n) {
    return id.go.kecamatan.shared.web.Disclosure.count(n);
  }

  /**
   * A share in whole percent, {@code null} when the base is below {@link #MIN_SHOWN} or the part is
   * itself suppressed (its share and the base shown would give it away).
   */
  public static Integer percent(long part, long base) {
    return id.go.kecamatan.shared.web.Disclosure.percent(part, base);
  }
}
