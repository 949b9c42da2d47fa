package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Indonesian money and date formats. */
class FormatsTests {

  static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  @Example
  void rupiahHasNoSpaceAndDotsBetweenThousands() {
    assertThat(Formats.rupiah(0)).isEqualTo("Rp0");
    assertThat(Formats.rupiah(500)).isEqualTo("Rp500");
    assertThat(Formats.rupiah(15_000)).isEqualTo("Rp15.000");
    assertThat(Formats.rupiah(1_234_567)).isEqualTo("Rp1.234.567");
  }

  @Property
  void rupiahReadsBackAsTheAmount(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long amount) {
    String text = Formats.rupiah(amount);
    assertThat(text).matches("Rp\\d{1,3}(\\.\\d{3})*");
    assertThat(Long.parseLong(text.substring(2).replace(".", ""))).isEqualTo(amount);
  }

  @Example
  void oneStyleForMomentsInBothLanguages() {
    java.time.Instant at = java.time.Instant.parse("2026-12-06T20:47:00Z");
    java.time.ZoneId wib = Zone.WIB.id();
    assertThat(Formats.dateTime(at, wib, INDONESIAN)).isEqualTo("7 Desember 2026 pukul 03.47 WIB");
    assertThat(Formats.dateTime(at, wib, Locale.ENGLISH)).isEqualTo("7 December 2026 at 03:47 WIB");
    assertThat(Formats.time(at, wib, INDONESIAN)).isEqualTo("03.47 WIB");
    assertThat(Formats.isoDateAsLong("1994-09-12", INDONESIAN)).isEqualTo("12 September 1994");
    assertThat(Formats.isoDateAsLong("1994-02-30", INDONESIAN)).isEqualTo("1994-02-30");
    assertThat(Formats.isoDateAsLong(null, INDONESIAN)).isEmpty();
  }

  @Example
  void aMomentInWitaOrWitIsShownInItsZoneWithItsLabel() {
    // 23:30 in Jakarta is already the next day in Makassar and Jayapura
    java.time.Instant at = java.time.Instant.parse("2026-12-06T16:30:00Z");
    assertThat(Formats.dateTime(at, Zone.WITA.id(), INDONESIAN))
        .isEqualTo("7 Desember 2026 pukul 00.30 WITA");
    assertThat(Formats.dateTime(at, Zone.WIT.id(), Locale.ENGLISH))
        .isEqualTo("7 December 2026 at 01:30 WIT");
    assertThat(Formats.time(at, Zone.WIB.id(), INDONESIAN)).isEqualTo("23.30 WIB");
  }

  @Example
  void longDatesUseIndonesianMonthNames() {
    assertThat(Formats.longDate(LocalDate.of(2026, 8, 17), INDONESIAN))
        .isEqualTo("17 Agustus 2026");
    assertThat(Formats.longDate(LocalDate.of(2026, 11, 2), INDONESIAN))
        .isEqualTo("2 November 2026");
    assertThat(Formats.longDate(LocalDate.of(2026, 2, 5), Locale.forLanguageTag("id")))
        .isEqualTo("5 Februari 2026");
  }

  @Example
  void longDatesInEnglishForEnglishVisitors() {
    assertThat(Formats.longDate(LocalDate.of(2026, 8, 17), Locale.ENGLISH))
        .isEqualTo("17 August 2026");
  }

  @Example
  void noDateIsAnEmptyText() {
    assertThat(Formats.longDate(null, INDONESIAN)).isEmpty();
  }
}
