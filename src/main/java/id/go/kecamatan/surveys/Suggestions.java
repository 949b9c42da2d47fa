package id.go.kecamatan.surveys;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.surveys.internal.ReportQueries;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saran/kritik of an office's responses and their moderation: the office administrator
 * publishes each or not; only published ones appear on public pages. Every query and every decision
 * names the office, so one office can neither read nor moderate another's.
 */
@Service
public class Suggestions {

  /** At most this many on a staff page, and on a public page. */
  public static final int STAFF_LIMIT = 500;

  public static final int PUBLIC_LIMIT = 10;

  private final ReportQueries queries;
  private final AuditTrail audit;

  Suggestions(ReportQueries queries, AuditTrail audit) {
    this.queries = queries;
    this.audit = audit;
  }

  /** The office's saran/kritik of the period, newest first, whatever their decision. */
  public List<Suggestion> ofOffice(UUID officeId, Period period) {
    return queries.suggestions(officeId, null, period.from(), period.to(), false, STAFF_LIMIT);
  }

  /** The published saran/kritik of the period, newest first. */
  public List<Suggestion> published(UUID officeId, Period period) {
    return queries.suggestions(officeId, null, period.from(), period.to(), true, PUBLIC_LIMIT);
  }

  /**
   * Publishes a saran/kritik of the office or withdraws it (audited, without its text); false when
   * the office has no saran/kritik of that id.
   */
  @Transactional
  public boolean decide(UUID officeId, UUID responseId, boolean publish) {
    Suggestion.Moderation moderation =
        publish ? Suggestion.Moderation.PUBLISHED : Suggestion.Moderation.HIDDEN;
    if (!queries.moderate(officeId, responseId, moderation)) {
      return false;
    }
    audit.record(
        officeId,
        publish ? "survey.suggestion.published" : "survey.suggestion.hidden",
        "survey_response",
        responseId,
        Map.of());
    return true;
  }
}
