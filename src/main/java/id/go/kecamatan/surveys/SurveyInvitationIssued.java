package id.go.kecamatan.surveys;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to the survey was made for a finished application, for {@code notifications} to
 * send to the resident. The token is the secret part of the link ({@code /survei/<token>}); it is
 * stored nowhere else in clear.
 */
public record SurveyInvitationIssued(
    UUID invitationId,
    UUID officeId,
    ApplicationId applicationId,
    String token,
    Instant expiresAt) {

  /** The path of the invitation's form on the public site. */
  public String path() {
    return "/survei/" + token;
  }
}
