package id.go.kecamatan.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The opening hours as the public pages write them: one line per run of days with the same hours.
 */
class OpeningHoursLinesTests {

  private static final Locale ID = Locale.forLanguageTag("id");

  private static OpeningHours.Day day(DayOfWeek d, String opens, String closes, String... brk) {
    return new OpeningHours.Day(
        d,
        opens == null ? null : LocalTime.parse(opens),
        closes == null ? null : LocalTime.parse(closes),
        brk.length == 2 ? LocalTime.parse(brk[0]) : null,
        brk.length == 2 ? LocalTime.parse(brk[1]) : null);
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages/messages", "messages/counter");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Test
  void theDefaultWeekReadsAsTheOfficeIsOpen() {
    List<OpeningHours.Day> week =
        OpeningHours.WEEKDAYS.stream().map(OpeningHours::defaultDay).toList();
    assertThat(OpeningHours.lines(week, messages(), ID))
        .containsExactly(
            "Senin–Kamis 08.00–15.00, istirahat 12.00–13.00",
            "Jumat 08.00–15.00, istirahat 11.30–13.00",
            "Sabtu, Minggu dan hari libur tutup");
  }

  @Test
  void daysWithOtherHoursOrClosedHaveTheirOwnLine() {
    List<OpeningHours.Day> week =
        List.of(
            day(DayOfWeek.MONDAY, "07:30", "15:30", "12:00", "13:00"),
            day(DayOfWeek.TUESDAY, "07:30", "15:30", "12:00", "13:00"),
            day(DayOfWeek.WEDNESDAY, null, null),
            day(DayOfWeek.THURSDAY, "07:30", "15:30", "12:00", "13:00"),
            day(DayOfWeek.FRIDAY, "07:30", "11:00"));
    assertThat(OpeningHours.lines(week, messages(), ID))
        .containsExactly(
            "Senin–Selasa 07.30–15.30, istirahat 12.00–13.00",
            "Rabu tutup",
            "Kamis 07.30–15.30, istirahat 12.00–13.00",
            "Jumat 07.30–11.00",
            "Sabtu, Minggu dan hari libur tutup");
    assertThat(OpeningHours.lines(week, messages(), Locale.ENGLISH))
        .containsExactly(
            "Monday–Tuesday 07:30–15:30, break 12:00–13:00",
            "Wednesday closed",
            "Thursday 07:30–15:30, break 12:00–13:00",
            "Friday 07:30–11:00",
            "Saturday, Sunday and public holidays closed");
  }

  @Test
  void aNoteStatingAClockTimeIsNotShownAsHours() {
    assertThat(Office.statesTime("Jumat 07.30–11.00")).isTrue();
    assertThat(Office.statesTime("buka 8:00")).isTrue();
    assertThat(Office.statesTime("Penutupan kantor diumumkan di halaman Pengumuman.")).isFalse();
    assertThat(Office.statesTime("Biaya Rp5.000, 2.500 lembar")).isFalse();
  }
}
