package id.go.kecamatan.complaints;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The complaints a browser session opened (with the tracking code and the secret or the phone
 * digits, by filing it, or by signing in to the resident portal with the contact given on it): kept
 * in the HTTP session only, never in a URL, so a code copied from someone else's screen opens
 * nothing.
 */
public final class ComplaintGrants {

  private static final String ATTRIBUTE = "reporter.complaints";

  /** A session remembers this many, the oldest granted forgotten first: all the portal lists. */
  static final int MAX = ResidentComplaints.MAX_LISTED;

  private ComplaintGrants() {}

  /**
   * Lets this browser session open these complaints (the portal's list after its sign-in). Call it
   * only once the resident proved they may.
   */
  public static void grantAll(HttpServletRequest request, List<String> trackingCodes) {
    if (trackingCodes.isEmpty()) {
      return;
    }
    HttpSession session = request.getSession(true);
    @SuppressWarnings("unchecked")
    List<String> granted = (List<String>) session.getAttribute(ATTRIBUTE);
    List<String> next = granted == null ? new ArrayList<>() : new ArrayList<>(granted);
    next.removeAll(trackingCodes);
    next.addAll(trackingCodes);
    while (next.size() > MAX) {
      next.remove(0);
    }
    session.setAttribute(ATTRIBUTE, next);
  }

  /** Lets this browser session open the complaint, once the reporter proved they may. */
  public static void grant(HttpServletRequest request, String trackingCode) {
    HttpSession session = request.getSession(true);
    @SuppressWarnings("unchecked")
    List<String> granted = (List<String>) session.getAttribute(ATTRIBUTE);
    List<String> next = granted == null ? new ArrayList<>() : new ArrayList<>(granted);
    next.remove(trackingCode);
    next.add(trackingCode);
    while (next.size() > MAX) {
      next.remove(0);
    }
    session.setAttribute(ATTRIBUTE, next);
  }

  /** Whether this browser session opened the complaint with this (normalised) tracking code. */
  public static boolean may(HttpServletRequest request, String trackingCode) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Object granted = session.getAttribute(ATTRIBUTE);
    return granted instanceof List<?> list && list.contains(trackingCode);
  }
}
