package id.go.kecamatan.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in officer from the security context. */
public final class CurrentOfficer {

  private CurrentOfficer() {}

  public static Optional<Officer> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof OfficerPrincipal principal) {
      return Optional.of(principal.officer());
    }
    return Optional.empty();
  }

  /**
   * The signed-in officer of an office. A regency administrator (who has no office) gets a 404 on
   * office screens, like any page that is not theirs.
   */
  public static Officer inOffice() {
    Officer officer = require();
    if (officer.officeId() == null) {
      throw new id.go.kecamatan.shared.web.NotFoundException();
    }
    return officer;
  }

  /** The officer, or an exception if nobody is signed in (a programming error behind security). */
  public static Officer require() {
    return get().orElseThrow(() -> new IllegalStateException("No officer signed in"));
  }
}
