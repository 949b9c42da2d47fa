package id.go.kecamatan.application.web;

import id.go.kecamatan.application.ResidentGrants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a resident's browser may open without an account: the drafts it started or resumed with
 * their resume code, and the applications it opened with the tracking code and phone digits (or
 * submitted itself). The grants live in the HTTP session (stored in PostgreSQL, so any node sees
 * them), never in a URL: an id or code copied from someone else's screen opens nothing. See {@link
 * ResidentGrants}.
 */
@Component
class ResidentAccess {

  void grantDraft(HttpServletRequest request, UUID draftId) {
    ResidentGrants.grantDraft(request, draftId);
  }

  boolean mayOpenDraft(HttpServletRequest request, UUID draftId) {
    return ResidentGrants.mayOpenDraft(request, draftId);
  }

  /** Grants the application with this (normalised) tracking code. */
  void grantApplication(HttpServletRequest request, String trackingCode) {
    ResidentGrants.grantApplication(request, trackingCode);
  }

  boolean mayOpenApplication(HttpServletRequest request, String trackingCode) {
    return ResidentGrants.mayOpenApplication(request, trackingCode);
  }
}
