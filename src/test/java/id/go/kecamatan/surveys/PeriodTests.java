package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void coversItsMonthsAndKnowsTheOneBefore() {
    Period quarter = Period.of(Period.Kind.QUARTER, TODAY);
    assertThat(quarter).isEqualTo(new Period(Period.Kind.QUARTER, 2026, 4));
    assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(quarter.previous()).isEqualTo(new Period(Period.Kind.QUARTER, 2026, 3));
    assertThat(new Period(Period.Kind.SEMESTER, 2026, 1).previous())
        .isEqualTo(new Period(Period.Kind.SEMESTER, 2025, 2));
    assertThat(new Period(Period.Kind.MONTH, 2024, 2).to()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(quarter.withPrevious(5))
        .hasSize(5)
        .startsWith(new Period(Period.Kind.QUARTER, 2025, 4));
  }

  @Test
  void theTrendOfTheFirstYearsStopsAtTheFirstPeriod() {
    assertThat(new Period(Period.Kind.YEAR, 2002, 1).withPrevious(5))
        .containsExactly(
            new Period(Period.Kind.YEAR, 2000, 1),
            new Period(Period.Kind.YEAR, 2001, 1),
            new Period(Period.Kind.YEAR, 2002, 1));
    assertThat(new Period(Period.Kind.QUARTER, 2000, 1).withPrevious(5))
        .containsExactly(new Period(Period.Kind.QUARTER, 2000, 1));
  }

  @Test
  void anAddressInTheFirstYearFallsBackToTheCurrentYear() {
    assertThat(Period.parse("triwulan", "2000", "1", TODAY))
        .isEqualTo(new Period(Period.Kind.YEAR, TODAY.getYear(), 1));
    assertThat(Period.parse("triwulan", "2001", "1", TODAY).previous())
        .isEqualTo(new Period(Period.Kind.QUARTER, 2000, 4));
  }

  @Test
  void readsAnAddressAndFallsBackToTheCurrentYear() {
    assertThat(Period.parse("triwulan", "2026", "3", TODAY))
        .isEqualTo(new Period(Period.Kind.QUARTER, 2026, 3));
    assertThat(Period.parse("tahun", "2025", null, TODAY))
        .isEqualTo(new Period(Period.Kind.YEAR, 2025, 1));
    Period year = new Period(Period.Kind.YEAR, 2026, 1);
    assertThat(Period.parse(null, null, null, TODAY)).isEqualTo(year);
    assertThat(Period.parse("bulan", "2026", "13", TODAY)).isEqualTo(year);
    assertThat(Period.parse("bulan", "2027", "1", TODAY)).isEqualTo(year);
    assertThat(Period.parse("semester", "20x6", "1", TODAY)).isEqualTo(year);
    assertThat(Period.parse("minggu", "2026", "1", TODAY)).isEqualTo(year);
    assertThat(new Period(Period.Kind.MONTH, 2026, 11).query())
        .isEqualTo("periode=bulan&tahun=2026&ke=11");
  }

  @Test
  void aYearAndItsFirstSemesterQuarterAndMonthHaveTheirOwnFileNames() {
    assertThat(new Period(Period.Kind.YEAR, 2026, 1).fileName()).isEqualTo("2026");
    assertThat(new Period(Period.Kind.SEMESTER, 2026, 1).fileName()).isEqualTo("2026-semester-1");
    assertThat(new Period(Period.Kind.QUARTER, 2026, 1).fileName()).isEqualTo("2026-triwulan-1");
    assertThat(new Period(Period.Kind.MONTH, 2026, 1).fileName()).isEqualTo("2026-01");
    assertThat(new Period(Period.Kind.MONTH, 2026, 12).fileName()).isEqualTo("2026-12");
  }
}
