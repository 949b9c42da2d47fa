package id.go.kecamatan.application;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which applications and drafts a resident's browser session has opened (with the tracking code and
 * the last phone or NIK digits, by submitting it, or by signing in to the resident portal), for
 * other modules' resident pages such as the letter download: the grants live in the HTTP session
 * only, never in a URL.
 */
public final class ResidentGrants {

  /** The session attribute holding the granted tracking codes. */
  public static final String APPLICATIONS = "resident.applications";

  private static final String DRAFTS = "resident.drafts";

  /**
   * A session remembers this many of each, the oldest granted forgotten first: as many as the
   * portal lists, so that every application it lists opens.
   */
  static final int MAX_GRANTS = ResidentApplications.MAX_LISTED;

  private ResidentGrants() {}

  /** Whether this browser session opened the application with this (normalised) tracking code. */
  public static boolean mayOpenApplication(HttpServletRequest request, String trackingCode) {
    return has(request, APPLICATIONS, trackingCode);
  }

  /**
   * Lets this browser session open the application with this (normalised) tracking code. Call it
   * only once the resident has proved they may (the code and phone digits, or a portal sign-in).
   */
  public static void grantApplication(HttpServletRequest request, String trackingCode) {
    grant(request, APPLICATIONS, trackingCode);
  }

  /**
   * Lets this browser session open all these applications at once (the portal's list after its
   * sign-in), granted in the order given: the last ones are forgotten last.
   */
  public static void grantApplications(
      HttpServletRequest request, Collection<String> trackingCodes) {
    grant(request, APPLICATIONS, trackingCodes);
  }

  /** Whether this browser session started or resumed the draft. */
  public static boolean mayOpenDraft(HttpServletRequest request, UUID draftId) {
    return has(request, DRAFTS, draftId.toString());
  }

  /** Lets this browser session open the draft (after its resume code or a portal sign-in). */
  public static void grantDraft(HttpServletRequest request, UUID draftId) {
    grant(request, DRAFTS, draftId.toString());
  }

  /** Lets this browser session open all these drafts at once, like {@link #grantApplications}. */
  public static void grantDrafts(HttpServletRequest request, Collection<UUID> draftIds) {
    grant(request, DRAFTS, draftIds.stream().map(UUID::toString).toList());
  }

  private static void grant(HttpServletRequest request, String attribute, String value) {
    grant(request, attribute, List.of(value));
  }

  private static void grant(
      HttpServletRequest request, String attribute, Collection<String> values) {
    HttpSession session = request.getSession(true);
    @SuppressWarnings("unchecked")
    Set<String> granted = (Set<String>) session.getAttribute(attribute);
    LinkedHashSet<String> next =
        granted == null ? new LinkedHashSet<>() : new LinkedHashSet<>(granted);
    for (String value : values) {
      // granted again: now the most recent
      next.remove(value);
      next.add(value);
    }
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
