package id.go.kecamatan.surveys;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A respondent's saran/kritik as given, with the day of the response and the administrator's
 * decision on publishing it (nothing else of the response).
 *
 * @param id the response's id, to moderate it by
 */
public record Suggestion(UUID id, LocalDate day, String text, Moderation moderation) {

  /** The decision on publishing a saran/kritik. */
  public enum Moderation {
    /** Not decided yet: not public. */
    NEW,
    PUBLISHED,
    HIDDEN
  }
}
