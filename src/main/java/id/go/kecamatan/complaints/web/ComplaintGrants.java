package id.go.kecamatan.complaints.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The complaints a browser session opened (with the tracking code and the secret or the phone
 * digits, or by filing it): kept in the HTTP session only, never in a URL, so a code copied from
 * someone else's screen opens nothing.
 */
final class ComplaintGrants {

  private static final String ATTRIBUTE = "reporter.complaints";
  private static final int MAX = 20;

  private ComplaintGrants() {}

  static void grant(HttpServletRequest request, String trackingCode) {
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

  static boolean may(HttpServletRequest request, String trackingCode) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Object granted = session.getAttribute(ATTRIBUTE);
    return granted instanceof List<?> list && list.contains(trackingCode);
  }
}
