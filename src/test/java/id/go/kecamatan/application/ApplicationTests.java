package id.go.kecamatan.application;

import static id.go.kecamatan.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.office.Sex;
import id.go.kecamatan.office.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationTests {

  static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final WorkingDays WEEKDAYS = new WorkingDays(List.of());
  static final UUID KK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID KTP = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  static Application submitted() {
    return Application.submit(
        UUID.randomUUID(),
        UUID.randomUUID(),
        TrackingCode.generate("35.16.16", new Random(7)),
        Channel.ONLINE,
        new Applicant(
            "3516164101900001",
            "Siti",
            "Mojokerto",
            LocalDate.of(1990, 1, 1),
            Sex.FEMALE,
            UUID.randomUUID(),
            "Jl. Mawar 1",
            "081234567890",
            null,
            null),
        Map.of("keperluan", List.of("sekolah")),
        Map.of(),
        T0,
        LocalDate.of(2026, 11, 26));
  }

  /** An application brought into the given status by legal steps. */
  static Application in(ApplicationStatus status) {
    Application a = submitted();
    switch (status) {
      case SUBMITTED -> {}
      case IN_REVIEW -> a.startReview(T0, "budi");
      case NEEDS_COMPLETION -> {
        a.startReview(T0, "budi");
        a.requestCompletion(T0, Map.of(KK, "KK tidak terbaca"), "budi", MONDAY, WEEKDAYS);
      }
      case APPROVED -> {
        a.startReview(T0, "budi");
        a.approve(T0, "camat");
      }
      case ISSUED -> {
        a.startReview(T0, "budi");
        a.approve(T0, "camat");
        a.issue(T0, "sistem");
      }
      case COLLECTED -> {
        a.startReview(T0, "budi");
        a.approve(T0, "camat");
        a.issue(T0, "sistem");
        a.collect(T0, "budi");
      }
      case REJECTED -> a.reject(T0, "bukan warga", "budi");
      case WITHDRAWN -> a.withdraw(T0, null);
    }
    assertThat(a.status()).isEqualTo(status);
    return a;
  }

  /** Performs the transition into the target status. */
  static void moveTo(Application a, ApplicationStatus target) {
    Consumer<Application> step =
        switch (target) {
          case SUBMITTED ->
              x -> {
                throw new IllegalTransitionException(x.status(), SUBMITTED);
              };
          case IN_REVIEW ->
              x -> {
                if (x.status() == NEEDS_COMPLETION) {
                  x.completed(
                      T1, "pemohon", Map.of(KK, List.of(UUID.randomUUID())), MONDAY, WEEKDAYS);
                } else if (x.status() == APPROVED) {
                  x.returnForReview(T1, "camat");
                } else {
                  x.startReview(T1, "budi");
                }
              };
          case NEEDS_COMPLETION ->
              x -> x.requestCompletion(T1, Map.of(KK, "lengkapi KK"), "budi", MONDAY, WEEKDAYS);
          case APPROVED -> x -> x.approve(T1, "camat");
          case ISSUED -> x -> x.issue(T1, "sistem");
          case COLLECTED -> x -> x.collect(T1, "budi");
          case REJECTED -> x -> x.reject(T1, "tidak memenuhi syarat", "budi");
          case WITHDRAWN -> x -> x.withdraw(T1, "tidak jadi");
        };
    step.accept(a);
  }

  static final Map<ApplicationStatus, Set<ApplicationStatus>> LEGAL =
      Map.of(
          SUBMITTED, EnumSet.of(IN_REVIEW, REJECTED, WITHDRAWN),
          IN_REVIEW, EnumSet.of(NEEDS_COMPLETION, APPROVED, REJECTED, WITHDRAWN),
          NEEDS_COMPLETION, EnumSet.of(IN_REVIEW, REJECTED, WITHDRAWN),
          APPROVED, EnumSet.of(ISSUED, IN_REVIEW),
          ISSUED, EnumSet.of(COLLECTED),
          COLLECTED, EnumSet.noneOf(ApplicationStatus.class),
          REJECTED, EnumSet.noneOf(ApplicationStatus.class),
          WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class));

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void everyLegalTransitionSucceedsAndIsRecorded(ApplicationStatus from) {
    for (ApplicationStatus to : LEGAL.get(from)) {
      Application a = in(from);
      int before = a.timeline().size();
      moveTo(a, to);
      assertThat(a.status()).isEqualTo(to);
      assertThat(a.timeline()).hasSize(before + 1);
      StatusChange last = a.timeline().get(before);
      assertThat(last.from()).isEqualTo(from);
      assertThat(last.to()).isEqualTo(to);
      assertThat(last.at()).isEqualTo(T1);
      assertThat(a.pendingChanges()).endsWith(last);
    }
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void everyIllegalTransitionFailsAndChangesNothing(ApplicationStatus from) {
    for (ApplicationStatus to : ApplicationStatus.values()) {
      if (LEGAL.get(from).contains(to)) {
        continue;
      }
      Application a = in(from);
      List<StatusChange> before = a.timeline();
      assertThatThrownBy(() -> moveTo(a, to))
          .as(from + " -> " + to)
          .isInstanceOf(IllegalTransitionException.class);
      assertThat(a.status()).isEqualTo(from);
      assertThat(a.timeline()).isEqualTo(before);
    }
  }

  @Test
  void theStatusMachineMatchesTheTable() {
    for (ApplicationStatus s : ApplicationStatus.values()) {
      assertThat(s.next()).as(s.name()).isEqualTo(LEGAL.get(s));
    }
  }

  @Test
  void submissionIsTheFirstStepOfTheTimeline() {
    Application a = submitted();
    assertThat(a.status()).isEqualTo(SUBMITTED);
    assertThat(a.timeline())
        .containsExactly(new StatusChange(null, SUBMITTED, T0, null, Application.RESIDENT));
    assertThat(a.pendingChanges()).hasSize(1);
    a.changesStored();
    assertThat(a.pendingChanges()).isEmpty();
  }

  @Test
  void theClockPausesOnlyWhileWaitingForTheResident() {
    assertThat(in(NEEDS_COMPLETION).clockPaused()).isTrue();
    assertThat(in(IN_REVIEW).clockPaused()).isFalse();
  }

  @Test
  void residentsMayWithdrawOnlyBeforeApproval() {
    assertThat(in(SUBMITTED).canWithdraw()).isTrue();
    assertThat(in(IN_REVIEW).canWithdraw()).isTrue();
    assertThat(in(NEEDS_COMPLETION).canWithdraw()).isTrue();
    assertThat(in(APPROVED).canWithdraw()).isFalse();
    assertThat(in(ISSUED).canWithdraw()).isFalse();
  }

  @Test
  void completionRequestsAndRejectionsNeedAReason() {
    assertThatThrownBy(
            () -> in(IN_REVIEW).requestCompletion(T1, Map.of(KK, " "), "budi", MONDAY, WEEKDAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> in(IN_REVIEW).requestCompletion(T1, Map.of(), "budi", MONDAY, WEEKDAYS))
        .as("no requirement named")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> in(SUBMITTED).reject(T1, null, "budi"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApplicantsPhoneEndsInFourDigits() {
    assertThat(submitted().applicant().phoneLast4()).isEqualTo("7890");
  }

  @Test
  void aCompletionRequestKeepsTheReasonsPerRequirementAndTheWorkingDaysLeft() {
    Application a = in(IN_REVIEW); // deadline Thursday 26 November 2026
    Map<UUID, String> reasons = new java.util.LinkedHashMap<>();
    reasons.put(KTP, "Foto KTP buram");
    reasons.put(KK, "Halaman belakang KK tidak ada");
    a.requestCompletion(T1, reasons, "Budi (verifikator)", MONDAY, WEEKDAYS);

    CompletionRequest request = a.completionRequest().orElseThrow();
    assertThat(request.reasons())
        .containsExactly(
            Map.entry(KTP, "Foto KTP buram"), Map.entry(KK, "Halaman belakang KK tidak ada"));
    assertThat(request.workingDaysLeft()).as("Tuesday, Wednesday, Thursday").isEqualTo(3);
    assertThat(request.actor()).isEqualTo("Budi (verifikator)");
    assertThat(a.clockPaused()).isTrue();
    assertThat(a.timeline().get(a.timeline().size() - 1).to()).isEqualTo(NEEDS_COMPLETION);
  }

  @Test
  void completingGivesBackTheWorkingDaysLeftFromTheDayOfCompletion() {
    Application a = in(IN_REVIEW); // deadline Thursday 26 November 2026
    a.requestCompletion(T1, Map.of(KK, "KK buram"), "budi", MONDAY, WEEKDAYS);
    UUID newKk = UUID.randomUUID();
    // the resident completes on Friday 4 December; Monday 7 December is a local closure
    WorkingDays withClosure = new WorkingDays(List.of(LocalDate.of(2026, 12, 7)));
    a.completed(T1, "pemohon", Map.of(KK, List.of(newKk)), LocalDate.of(2026, 12, 4), withClosure);

    assertThat(a.status()).isEqualTo(IN_REVIEW);
    assertThat(a.deadline()).as("Tue 8, Wed 9, Thu 10").isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(a.attachments().get(KK)).containsExactly(newKk);
    assertThat(a.completionRequest()).isEmpty();
    assertThat(a.clockPaused()).isFalse();
  }

  @Test
  void anOfficeAskingOnOrAfterItsDeadlineGetsNoDaysBack() {
    Application a = in(IN_REVIEW); // deadline Thursday 26 November 2026
    LocalDate friday = LocalDate.of(2026, 11, 27);
    a.requestCompletion(T1, Map.of(KK, "KK buram"), "budi", friday, WEEKDAYS);
    assertThat(a.completionRequest().orElseThrow().workingDaysLeft()).isZero();

    LocalDate saturday = LocalDate.of(2026, 11, 28);
    a.completed(T1, "pemohon", Map.of(KK, List.of(UUID.randomUUID())), saturday, WEEKDAYS);
    assertThat(a.deadline()).as("the next working day").isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void onlyTheRejectedRequirementsAreReplacedEachWithAFile() {
    Application a = in(IN_REVIEW);
    a.requestCompletion(T1, Map.of(KK, "KK buram"), "budi", MONDAY, WEEKDAYS);
    UUID file = UUID.randomUUID();
    assertThatThrownBy(
            () -> a.completed(T1, "pemohon", Map.of(KTP, List.of(file)), MONDAY, WEEKDAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                a.completed(
                    T1, "pemohon", Map.of(KK, List.of(file), KTP, List.of(file)), MONDAY, WEEKDAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.completed(T1, "pemohon", Map.of(KK, List.of()), MONDAY, WEEKDAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(a.status()).isEqualTo(NEEDS_COMPLETION);
    assertThat(a.completionRequest()).isPresent();
  }

  @Test
  void withdrawingOrRejectingClosesTheCompletionRequest() {
    Application a = in(NEEDS_COMPLETION);
    a.withdraw(T1, null);
    assertThat(a.completionRequest()).isEmpty();
    Application b = in(NEEDS_COMPLETION);
    b.reject(T1, "tidak dilengkapi", "budi");
    assertThat(b.completionRequest()).isEmpty();
  }
}
