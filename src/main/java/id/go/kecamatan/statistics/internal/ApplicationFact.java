package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.StatusChange;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.statistics.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the statistics keep of one application, computed from its timeline alone (so computing it
 * again after any of its events gives the same row, whatever order the events arrive in).
 *
 * <p>Definitions (the bundle's {@code statistics.measure.*} say the same to readers):
 *
 * <ul>
 *   <li>received: in the month of its submission (Western Indonesian Time);
 *   <li>finished: at its first approval or rejection (as the casework dashboard counts it); a
 *       withdrawal is not a finish;
 *   <li>working days to finish: the office's working days after the day of submission up to and
 *       including the day it was finished ({@link WorkingDays#between}), less the working days the
 *       clock stood still while the office waited for the resident's completion (from the day of
 *       the request to the day of the completion, or of the finish if it came first);
 *   <li>finished within the service standard: the finishing day is on or before the deadline, which
 *       already moves by the days the clock was paused.
 * </ul>
 */
public record ApplicationFact(
    UUID applicationId,
    UUID officeId,
    UUID serviceId,
    String channel,
    UUID villageId,
    String trackingCode,
    Instant submittedAt,
    LocalDate deadline,
    ApplicationStatus status,
    int completionRequests,
    Instant finishedAt,
    ApplicationStatus outcome,
    Integer workingDays,
    Boolean metDeadline,
    int steps,
    List<Contribution> contributions) {

  /**
   * The fact of an application as its timeline stands, on the office's working days, its days and
   * months those of the deployment's zone.
   */
  public static ApplicationFact of(Application application, WorkingDays workingDays, ZoneId zone) {
    List<StatusChange> timeline = application.timeline();
    List<Contribution> contributions = new ArrayList<>();
    Instant submittedAt = application.submittedAt();
    contributions.add(Contribution.count(month(submittedAt, zone), Measure.RECEIVED));

    int completionRequests = 0;
    int paused = 0;
    LocalDate pausedSince = null;
    Instant finishedAt = null;
    ApplicationStatus outcome = null;
    for (StatusChange change : timeline) {
      if (change.from() == null) {
        continue;
      }
      LocalDate day = day(change.at(), zone);
      if (pausedSince != null && finishedAt == null) {
        paused += Math.max(0, workingDays.between(pausedSince, day));
        pausedSince = null;
      }
      switch (change.to()) {
        case NEEDS_COMPLETION -> {
          completionRequests++;
          pausedSince = day;
          contributions.add(
              Contribution.count(month(change.at(), zone), Measure.COMPLETION_REQUESTED));
        }
        case APPROVED, REJECTED -> {
          if (finishedAt == null) {
            finishedAt = change.at();
            outcome = change.to();
          }
        }
        case WITHDRAWN ->
            contributions.add(Contribution.count(month(change.at(), zone), Measure.WITHDRAWN));
        default -> {}
      }
    }

    Integer days = null;
    Boolean met = null;
    if (finishedAt != null) {
      LocalDate finishedOn = day(finishedAt, zone);
      days = Math.max(0, workingDays.between(day(submittedAt, zone), finishedOn) - paused);
      met = !finishedOn.isAfter(application.deadline());
      YearMonth month = month(finishedAt, zone);
      contributions.add(Contribution.count(month, Measure.FINISHED));
      contributions.add(
          Contribution.count(
              month, outcome == ApplicationStatus.APPROVED ? Measure.APPROVED : Measure.REJECTED));
      if (met) {
        contributions.add(Contribution.count(month, Measure.FINISHED_ON_TIME));
      }
      contributions.add(Contribution.duration(month, days));
    }
    return new ApplicationFact(
        application.id().value(),
        application.officeId(),
        application.serviceId(),
        application.channel().name(),
        application.applicant().villageId(),
        application.trackingCode().value(),
        submittedAt,
        application.deadline(),
        application.status(),
        completionRequests,
        finishedAt,
        outcome,
        days,
        met,
        timeline.size(),
        List.copyOf(contributions));
  }

  static LocalDate day(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }

  static YearMonth month(Instant at, ZoneId zone) {
    return YearMonth.from(at.atZone(zone));
  }
}
