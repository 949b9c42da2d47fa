package id.go.kecamatan.application;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/**
 * Which applications a resident's browser session has opened (with the tracking code and the last
 * phone or NIK digits, or by submitting it), for other modules' resident pages such as the letter
 * download: the grants live in the HTTP session only, never in a URL.
 */
public final class ResidentGrants {

  /** The session attribute holding the granted tracking codes. */
  public static final String APPLICATIONS = "resident.applications";

  private ResidentGrants() {}

  /** Whether this browser session opened the application with this (normalised) tracking code. */
  public static boolean mayOpenApplication(HttpServletRequest request, String trackingCode) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Object granted = session.getAttribute(APPLICATIONS);
    return granted instanceof Set<?> set && set.contains(trackingCode);
  }
}
