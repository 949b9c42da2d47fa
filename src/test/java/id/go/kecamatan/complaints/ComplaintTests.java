package id.go.kecamatan.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.complaints.Complaint.EntryKind;
import id.go.kecamatan.office.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The complaint's status machine and its two clocks on a fixed calendar: Christmas (Friday 25
 * December 2026) and New Year (Friday 1 January 2027) closed, weekends closed.
 */
class ComplaintTests {

  static final WorkingDays DAYS =
      new WorkingDays(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
  static final Instant AT = Instant.parse("2026-12-23T03:00:00Z");
  static final String OFFICER = "Budi (verifikator)";

  static Complaint receivedWednesdayBeforeChristmas() {
    return Complaint.receive(
        UUID.randomUUID(), AT, LocalDate.of(2026, 12, 23), Complaint.REPORTER, DAYS);
  }

  @Test
  void verificationIsDueThreeWorkingDaysLaterAcrossTheHolidayAndTheWeekend() {
    Complaint c = receivedWednesdayBeforeChristmas();
    // Thu 24 (1), Fri 25 Christmas, weekend, Mon 28 (2), Tue 29 (3)
    assertThat(c.verifyDue()).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(c.due()).isEqualTo(c.verifyDue());
    assertThat(c.overdue(LocalDate.of(2026, 12, 29))).isFalse();
    assertThat(c.overdue(LocalDate.of(2026, 12, 30))).isTrue();
    assertThat(c.pendingChanges())
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo(ComplaintStatus.RECEIVED));
  }

  @Test
  void aComplaintReceivedOnSaturdayIsCountedFromMonday() {
    Complaint c =
        Complaint.receive(
            UUID.randomUUID(), AT, LocalDate.of(2026, 12, 5), Complaint.REPORTER, DAYS);
    // Mon 7 (1), Tue 8 (2), Wed 9 (3)
    assertThat(c.verifyDue()).isEqualTo(LocalDate.of(2026, 12, 9));
  }

  @Test
  void theAnswerClockRunsFromVerificationWithTheCategorysTier() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
    // Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 New Year, weekend, Mon 4 (4), Tue 5 (5)
    assertThat(c.answerDue()).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(c.due()).isEqualTo(LocalDate.of(2027, 1, 5));
  }

  @Test
  void waitingForTheReporterPausesTheClockAndTheReplyResumesItWithTheDaysLeft() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
    c.askReporter(AT, OFFICER, "Di RT berapa?", LocalDate.of(2026, 12, 30), DAYS);
    assertThat(c.status()).isEqualTo(ComplaintStatus.AWAITING_REPORTER);
    assertThat(c.clockPaused()).isTrue();
    assertThat(c.due()).isNull();
    assertThat(c.overdue(LocalDate.of(2027, 2, 1))).isFalse();
    // Thu 31, Mon 4, Tue 5 were left
    assertThat(c.daysLeft()).isEqualTo(3);
    // the reporter's five working days: Thu 31, Mon 4, Tue 5, Wed 6, Thu 7
    assertThat(c.replyDue()).isEqualTo(LocalDate.of(2027, 1, 7));

    c.reporterReplied(AT, "RT 03 RW 01", LocalDate.of(2027, 1, 6), DAYS);
    assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    // three days from Wed 6: Thu 7, Fri 8, Mon 11
    assertThat(c.answerDue()).isEqualTo(LocalDate.of(2027, 1, 11));
    assertThat(c.daysLeft()).isNull();
    assertThat(c.pendingEntries())
        .extracting(Complaint.Entry::kind)
        .containsExactly(EntryKind.QUESTION, EntryKind.REPLY);
  }

  @Test
  void withoutAReplyTheClockRunsOnAfterFiveWorkingDays() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
    c.askReporter(AT, OFFICER, "Di RT berapa?", LocalDate.of(2026, 12, 30), DAYS);
    assertThat(c.replyWindowPassed(AT, LocalDate.of(2027, 1, 7), DAYS)).isFalse();
    assertThat(c.replyWindowPassed(AT, LocalDate.of(2027, 1, 8), DAYS)).isTrue();
    assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    // three days left from Fri 8: Mon 11, Tue 12, Wed 13
    assertThat(c.answerDue()).isEqualTo(LocalDate.of(2027, 1, 13));
  }

  @Test
  void anAnsweredComplaintClosesAfterTenWorkingDaysWithoutReaction() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
    c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 30), DAYS);
    // Thu 31, Mon 4 .. Fri 8 (6), Mon 11 .. Wed 13 (9), Thu 14 (10)
    assertThat(c.replyDue()).isEqualTo(LocalDate.of(2027, 1, 14));
    assertThat(c.due()).isNull();
    assertThat(c.closeAfterSilence(AT, LocalDate.of(2027, 1, 14))).isFalse();
    assertThat(c.closeAfterSilence(AT, LocalDate.of(2027, 1, 15))).isTrue();
    assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
    Complaint.StatusChange closed = c.pendingChanges().get(c.pendingChanges().size() - 1);
    assertThat(closed.automaticReason()).contains(Complaint.AutomaticReason.NO_REACTION);
    // an officer's own words are never taken for the system's, whatever they say
    assertThat(
            new Complaint.StatusChange(
                    ComplaintStatus.ANSWERED,
                    ComplaintStatus.CLOSED,
                    AT,
                    OFFICER,
                    Complaint.AutomaticReason.NO_REACTION.stored())
                .automaticReason())
        .isEmpty();
  }

  @Test
  void theReportersVerdictIsReadBackFromItsEntryWhateverTheReasonsSay() {
    for (boolean satisfied : new boolean[] {true, false}) {
      for (String reasons : List.of("", "Puas: bukan", "Tidak puas", "  jalan masih rusak  ")) {
        if (!satisfied && reasons.isBlank()) {
          continue;
        }
        Complaint c = receivedWednesdayBeforeChristmas();
        c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
        c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 30), DAYS);
        c.feedback(AT, satisfied, reasons, LocalDate.of(2027, 1, 4));
        Complaint.Entry entry = c.pendingEntries().get(c.pendingEntries().size() - 1);
        assertThat(Complaint.Feedback.of(entry.kind(), entry.text()))
            .as(satisfied + " " + reasons)
            .contains(new Complaint.Feedback(satisfied, reasons.strip()));
      }
    }
    assertThat(Complaint.Feedback.of(EntryKind.REPLY, "Puas: ya")).isEmpty();
  }

  @Test
  void aCorrectionIsANewAnswerAndLeavesTheWindowAlone() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS);
    c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 30), DAYS);
    c.answer(AT, OFFICER, "Ralat: diperbaiki Kamis.", LocalDate.of(2027, 1, 4), DAYS);
    assertThat(c.replyDue()).isEqualTo(LocalDate.of(2027, 1, 14));
    assertThat(c.pendingEntries()).extracting(Complaint.Entry::kind).containsOnly(EntryKind.ANSWER);
    assertThat(c.pendingChanges())
        .extracting(Complaint.StatusChange::to)
        .containsOnlyOnce(ComplaintStatus.ANSWERED);
  }

  @Test
  void notSatisfiedAsksToReopenAndTheAcceptedReopeningStartsANewClock() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 2, DAYS);
    c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 29), DAYS);
    assertThatThrownBy(() -> c.feedback(AT, false, " ", LocalDate.of(2026, 12, 30)))
        .isInstanceOf(IllegalArgumentException.class);
    c.feedback(AT, false, "Jalan masih berlubang", LocalDate.of(2026, 12, 30));
    assertThat(c.status()).isEqualTo(ComplaintStatus.REOPEN_REQUESTED);
    c.acceptReopen(AT, OFFICER, LocalDate.of(2026, 12, 31), 2, DAYS);
    assertThat(c.status()).isEqualTo(ComplaintStatus.REOPENED);
    // Mon 4, Tue 5
    assertThat(c.due()).isEqualTo(LocalDate.of(2027, 1, 5));
    c.process(AT, OFFICER);
    c.answer(AT, OFFICER, "Sudah ditambal lagi.", LocalDate.of(2027, 1, 4), DAYS);
    c.feedback(AT, true, null, LocalDate.of(2027, 1, 5));
    assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
  }

  @Test
  void feedbackAfterTheWindowIsRefused() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 2, DAYS);
    c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 29), DAYS);
    assertThatThrownBy(() -> c.feedback(AT, true, null, c.replyDue().plusDays(1)))
        .isInstanceOf(IllegalComplaintTransitionException.class);
  }

  @Test
  void aDeclinedReopeningClosesWithTheReason() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 2, DAYS);
    c.answer(AT, OFFICER, "Sudah diperbaiki.", LocalDate.of(2026, 12, 29), DAYS);
    c.feedback(AT, false, "Belum", LocalDate.of(2026, 12, 30));
    c.declineReopen(AT, OFFICER, "Sudah diperiksa di lapangan.");
    assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(c.pendingEntries().get(c.pendingEntries().size() - 1).text())
        .isEqualTo("Sudah diperiksa di lapangan.");
  }

  @Test
  void illegalTransitionsFail() {
    Complaint c = receivedWednesdayBeforeChristmas();
    assertThatThrownBy(() -> c.answer(AT, OFFICER, "x", LocalDate.of(2026, 12, 28), DAYS))
        .isInstanceOf(IllegalComplaintTransitionException.class);
    assertThatThrownBy(() -> c.process(AT, OFFICER))
        .isInstanceOf(IllegalComplaintTransitionException.class);
    assertThatThrownBy(() -> c.reporterReplied(AT, "x", LocalDate.of(2026, 12, 28), DAYS))
        .isInstanceOf(IllegalComplaintTransitionException.class);
    c.reject(AT, OFFICER, "Bukan pengaduan.");
    assertThat(c.status().isFinal()).isTrue();
    assertThatThrownBy(() -> c.verify(AT, OFFICER, LocalDate.of(2026, 12, 28), 5, DAYS))
        .isInstanceOf(IllegalComplaintTransitionException.class);
    assertThatThrownBy(() -> c.forward(AT, OFFICER, "ke kantor lain"))
        .isInstanceOf(IllegalComplaintTransitionException.class);
  }

  @Test
  void aForwardKeepsTheStatusAndTheClock() {
    Complaint c = receivedWednesdayBeforeChristmas();
    c.forward(AT, OFFICER, "Diteruskan ke Kecamatan Sooko");
    assertThat(c.status()).isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(c.verifyDue()).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(c.pendingEntries())
        .singleElement()
        .satisfies(e -> assertThat(e.visibleToReporter()).isTrue());
  }

  @Test
  void internalNotesAreNeverShownToTheReporter() {
    assertThatThrownBy(() -> new Complaint.Entry(EntryKind.NOTE, true, AT, OFFICER, "rahasia"))
        .isInstanceOf(IllegalArgumentException.class);
    Complaint c = receivedWednesdayBeforeChristmas();
    c.note(AT, OFFICER, "Cek ke desa dulu");
    assertThat(c.pendingEntries().get(0).visibleToReporter()).isFalse();
  }
}
