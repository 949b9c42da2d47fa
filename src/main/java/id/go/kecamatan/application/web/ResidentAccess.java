package id.go.kecamatan.application.web;

import id.go.kecamatan.application.ResidentGrants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a resident's browser may open without an account: the drafts it started or resumed with
 * their resume code, and the applications it opened with the tracking code and phone digits (or
 * submitted itself). The grants live in the HTTP session (stored in PostgreSQL, so any node sees
 * them), never in a URL: an id or code copied from someone else's screen opens nothing.
 */
@Component
class ResidentAccess {

  private static final String DRAFTS = "resident.drafts";
  private static final String APPLICATIONS = ResidentGrants.APPLICATIONS;
  private static final int MAX_GRANTS = 50;

  void grantDraft(HttpServletRequest request, UUID draftId) {
    grant(request, DRAFTS, draftId.toString());
  }

  boolean mayOpenDraft(HttpServletRequest request, UUID draftId) {
    return has(request, DRAFTS, draftId.toString());
  }

  /** Grants the application with this (normalised) tracking code. */
  void grantApplication(HttpServletRequest request, String trackingCode) {
    grant(request, APPLICATIONS, trackingCode);
  }

  boolean mayOpenApplication(HttpServletRequest request, String trackingCode) {
    return ResidentGrants.mayOpenApplication(request, trackingCode);
  }

  private static void grant(HttpServletRequest request, String attribute, String value) {
    HttpSession session = request.getSession(true);
    @SuppressWarnings("unchecked")
    Set<String> granted = (Set<String>) session.getAttribute(attribute);
    LinkedHashSet<String> next =
        granted == null ? new LinkedHashSet<>() : new LinkedHashSet<>(granted);
    next.add(value);
    while (next.size() > MAX_GRANTS) {
      next.remove(next.iterator().next());
    }
    // set again so that Spring Session writes the changed attribute
    session.setAttribute(attribute, next);
  }

  private static boolean has(HttpServletRequest request, String attribute, String value) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Object granted = session.getAttribute(attribute);
    return granted instanceof Set<?> set && set.contains(value);
  }
}
