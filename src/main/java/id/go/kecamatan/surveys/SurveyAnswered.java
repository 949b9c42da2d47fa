package id.go.kecamatan.surveys;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A survey response was stored (through an invitation's link, the walk-in form, the counter tablet
 * or a paper form keyed in), for readers that keep their own sums of the scores (the statistics
 * module's IKM counts, ADR 0023). It carries what the index is computed from and nothing that could
 * lead back to the respondent: no profile, no saran/kritik, no invitation.
 *
 * @param serviceId the service the respondent named, or null
 * @param answeredOn the day the response was given (as the response stores it)
 * @param scores the nine elements' scores, 1 to 4
 */
public record SurveyAnswered(
    UUID responseId,
    UUID officeId,
    UUID serviceId,
    LocalDate answeredOn,
    Map<Element, Integer> scores) {

  public SurveyAnswered {
    scores = Map.copyOf(scores);
  }

  /** The response as a tally of one respondent. */
  public Tally tally() {
    return Tally.of(scores);
  }
}
