package id.go.kecamatan.shared.web;

/**
 * A request from an office's self-service kiosk (anjungan mandiri), set as a request attribute by
 * the content module's kiosk filter: pages then show the kiosk's reduced header and footer, the
 * idle timer that starts over after {@code idleSeconds} without input, and no link away from the
 * site.
 *
 * @param slug the office's address on the public site
 */
public record KioskMode(String slug, String officeName, int idleSeconds) {

  /** The request attribute that holds it. */
  public static final String ATTRIBUTE = KioskMode.class.getName();

  /** Where the kiosk starts over: the session and every entered value cleared. */
  public static final String FINISH = "/kios/selesai";
}
