package id.go.kecamatan.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EligibilityTests {

  @Test
  void aResidentRecordsFromTheSeventeenthBirthdayOn() {
    LocalDate birth = LocalDate.of(2009, 5, 20);
    assertThat(Eligibility.mayRecordKtp(birth, LocalDate.of(2026, 5, 19), false)).isFalse();
    assertThat(Eligibility.mayRecordKtp(birth, LocalDate.of(2026, 5, 20), false)).isTrue();
  }

  @Test
  void aMarriedResidentRecordsAtAnyAge() {
    assertThat(Eligibility.mayRecordKtp(LocalDate.of(2010, 1, 1), LocalDate.of(2026, 6, 1), true))
        .isTrue();
  }

  @Test
  void aLeapDayBirthdayCountsOnTheFirstOfMarchInOtherYears() {
    LocalDate birth = LocalDate.of(2008, 2, 29);
    assertThat(Eligibility.ageOn(birth, LocalDate.of(2025, 2, 28))).isEqualTo(16);
    assertThat(Eligibility.ageOn(birth, LocalDate.of(2025, 3, 1))).isEqualTo(17);
  }

  @Test
  void theTwoDigitYearOfANikIsReadAsTheLatestPastCentury() {
    LocalDate today = LocalDate.of(2026, 12, 4);
    assertThat(Eligibility.birthDate(LocalDate.of(2009, 5, 20), today))
        .isEqualTo(LocalDate.of(2009, 5, 20));
    // decoded as 2045 by a naive reading: someone born in 1945
    assertThat(Eligibility.birthDate(LocalDate.of(2045, 8, 17), today))
        .isEqualTo(LocalDate.of(1945, 8, 17));
    assertThat(Eligibility.birthDate(LocalDate.of(1926, 1, 2), today))
        .isEqualTo(LocalDate.of(2026, 1, 2));
  }
}
