package id.go.kecamatan.accounts.internal;

import java.util.ArrayList;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends the open sessions of a staff member, so that a deactivated account, a reset password or
 * changed roles take effect at once instead of when the session expires.
 */
@Component
public class StaffSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** Ends every session of the user, except the one with {@code keepSessionId} (may be null). */
  public void endAll(String username, String keepSessionId) {
    for (String id : new ArrayList<>(sessions.findByPrincipalName(username).keySet())) {
      if (!id.equals(keepSessionId)) {
        sessions.deleteById(id);
      }
    }
  }
}
