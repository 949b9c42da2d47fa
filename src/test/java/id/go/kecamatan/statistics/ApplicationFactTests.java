package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.Applicant;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.StatusChange;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.statistics.internal.ApplicationFact;
import id.go.kecamatan.statistics.internal.Contribution;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The figures of one application, checked against days counted by hand on the calendar of December
 * 2026: Friday 25 December is Christmas (a national holiday), Thursday 24 December cuti bersama.
 */
class ApplicationFactTests {

  static final ZoneId WIB = id.go.kecamatan.shared.web.Zone.WIB.id();

  static final WorkingDays DECEMBER_2026 =
      new WorkingDays(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
  static final UUID OFFICE = UUID.randomUUID();
  static final UUID SERVICE = UUID.randomUUID();
  static final UUID VILLAGE = UUID.randomUUID();

  @Test
  void approvedAcrossTheHolidaysCountsOnlyWorkingDays() {
    // submitted Tuesday 22 Dec, approved Monday 28 Dec: 23, 28 are working days (24, 25 closed,
    // 26, 27 the weekend) -> 2 working days; deadline 29 Dec (3 working days) -> on time
    ApplicationFact fact = ApplicationFact.of(holiday(OFFICE), DECEMBER_2026, WIB);

    assertThat(fact.workingDays()).isEqualTo(2);
    assertThat(fact.metDeadline()).isTrue();
    assertThat(fact.outcome()).isEqualTo(ApplicationStatus.APPROVED);
    assertThat(fact.contributions())
        .extracting(Contribution::encode)
        .containsExactlyInAnyOrder(
            "2026-12|RECEIVED",
            "2026-12|FINISHED",
            "2026-12|APPROVED",
            "2026-12|FINISHED_ON_TIME",
            "2026-12|D|2");
  }

  @Test
  void pausedClockIsNotTheOfficesTime() {
    // submitted Mon 7 Dec; completion asked Wed 9 Dec (2 days used); completed Mon 14 Dec
    // (10, 11, 14 paused = 3 days); approved Thu 17 Dec (15, 16, 17 = 3 more) -> 5 working days.
    // The deadline (5 days from 7 Dec = 14 Dec, moved on by the pause to 17 Dec) is met.
    ApplicationFact fact = ApplicationFact.of(paused(OFFICE), DECEMBER_2026, WIB);

    assertThat(fact.workingDays()).isEqualTo(5);
    assertThat(fact.completionRequests()).isEqualTo(1);
    assertThat(fact.metDeadline()).isTrue();
    assertThat(fact.contributions())
        .extracting(Contribution::encode)
        .contains("2026-12|COMPLETION_REQUESTED", "2026-12|D|5", "2026-12|FINISHED_ON_TIME");
  }

  @Test
  void lateRejectionIsFinishedButNotOnTime() {
    // submitted Mon 30 Nov, rejected Tue 8 Dec: 1,2,3,4,7,8 Dec = 6 working days; deadline 3 Dec
    ApplicationFact fact = ApplicationFact.of(lateRejection(OFFICE), DECEMBER_2026, WIB);

    assertThat(fact.workingDays()).isEqualTo(6);
    assertThat(fact.metDeadline()).isFalse();
    assertThat(fact.outcome()).isEqualTo(ApplicationStatus.REJECTED);
    assertThat(fact.contributions())
        .extracting(Contribution::encode)
        .containsExactlyInAnyOrder(
            "2026-11|RECEIVED", "2026-12|FINISHED", "2026-12|REJECTED", "2026-12|D|6");
  }

  @Test
  void monthsFollowWesternIndonesianTime() {
    // 30 Nov 2026 at 18:30 UTC is 1 Dec 01:30 WIB: received in December
    Application a =
        application(
            LocalDateTime.of(2026, 12, 1, 1, 30),
            LocalDate.of(2026, 12, 4),
            step(null, ApplicationStatus.SUBMITTED, LocalDateTime.of(2026, 12, 1, 1, 30), null));

    assertThat(ApplicationFact.of(a, DECEMBER_2026, WIB).contributions())
        .containsExactly(Contribution.count(YearMonth.of(2026, 12), Measure.RECEIVED));
  }

  @Test
  void withdrawalIsNotAFinish() {
    Application a =
        application(
            at(1, 9),
            LocalDate.of(2026, 12, 4),
            step(null, ApplicationStatus.SUBMITTED, at(1, 9), null),
            step(ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN, at(2, 9), "tidak jadi"));

    ApplicationFact fact = ApplicationFact.of(a, DECEMBER_2026, WIB);

    assertThat(fact.finishedAt()).isNull();
    assertThat(fact.contributions())
        .extracting(Contribution::encode)
        .containsExactlyInAnyOrder("2026-12|RECEIVED", "2026-12|WITHDRAWN");
  }

  @Test
  void contributionsReadBackAsWritten() {
    for (Contribution c :
        List.of(
            Contribution.count(YearMonth.of(2026, 1), Measure.LETTERS_VERIFIED),
            Contribution.duration(YearMonth.of(2027, 12), 14))) {
      assertThat(Contribution.decode(c.encode())).isEqualTo(c);
    }
  }

  /** Submitted Tue 22 Dec, approved Mon 28 Dec across Christmas; deadline 29 Dec. */
  static Application holiday(UUID office) {
    return application(
        office,
        at(22, 9),
        LocalDate.of(2026, 12, 29),
        step(null, ApplicationStatus.SUBMITTED, at(22, 9), null),
        step(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, at(23, 8), null),
        step(ApplicationStatus.IN_REVIEW, ApplicationStatus.APPROVED, at(28, 10), null));
  }

  /** Submitted Mon 7 Dec, waiting for completion 9-14 Dec, approved Thu 17 Dec (the deadline). */
  static Application paused(UUID office) {
    return application(
        office,
        at(7, 9),
        LocalDate.of(2026, 12, 17),
        step(null, ApplicationStatus.SUBMITTED, at(7, 9), null),
        step(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, at(8, 9), null),
        step(ApplicationStatus.IN_REVIEW, ApplicationStatus.NEEDS_COMPLETION, at(9, 9), null),
        step(ApplicationStatus.NEEDS_COMPLETION, ApplicationStatus.IN_REVIEW, at(14, 9), null),
        step(ApplicationStatus.IN_REVIEW, ApplicationStatus.APPROVED, at(17, 9), null));
  }

  /** Submitted Mon 30 Nov, rejected Tue 8 Dec; deadline 3 Dec. */
  static Application lateRejection(UUID office) {
    return application(
        office,
        LocalDateTime.of(2026, 11, 30, 10, 0),
        LocalDate.of(2026, 12, 3),
        step(null, ApplicationStatus.SUBMITTED, LocalDateTime.of(2026, 11, 30, 10, 0), null),
        step(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, at(8, 11), "Bukan warga"));
  }

  static LocalDateTime at(int december, int hour) {
    return LocalDateTime.of(2026, 12, december, hour, 0);
  }

  static StatusChange step(
      ApplicationStatus from, ApplicationStatus to, LocalDateTime wib, String reason) {
    return new StatusChange(from, to, wib.atZone(WIB).toInstant(), reason, "x");
  }

  static Application application(
      LocalDateTime submitted, LocalDate deadline, StatusChange... steps) {
    return application(OFFICE, submitted, deadline, steps);
  }

  static Application application(
      UUID office, LocalDateTime submitted, LocalDate deadline, StatusChange... steps) {
    List<StatusChange> timeline = new ArrayList<>(List.of(steps));
    return Application.restore(
        new ApplicationId(UUID.randomUUID()),
        office,
        SERVICE,
        TrackingCode.generate("35.16.16", new SplittableRandom(1)),
        Channel.ONLINE,
        new Applicant(
            "3516160101900001",
            "Budi",
            "Mojokerto",
            LocalDate.of(1990, 1, 1),
            null,
            VILLAGE,
            "Jl. 1",
            "081234567890",
            null,
            null),
        Map.of(),
        Map.of(),
        submitted.atZone(WIB).toInstant(),
        deadline,
        timeline.get(timeline.size() - 1).to(),
        timeline);
  }
}
