package id.go.kecamatan.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.office.TimeRange;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPlanTests {

  static TimeRange range(String start, String end) {
    return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
  }

  @Test
  void slotsFillTheMorningAndTheAfternoonButNeverTheBreak() {
    List<LocalTime> starts =
        SlotPlan.starts(List.of(range("08:00", "12:00"), range("13:00", "15:00")), 30);
    assertThat(starts).hasSize(12);
    assertThat(starts.get(0)).isEqualTo(LocalTime.of(8, 0));
    assertThat(starts).contains(LocalTime.of(11, 30), LocalTime.of(13, 0), LocalTime.of(14, 30));
    assertThat(starts).doesNotContain(LocalTime.of(12, 0), LocalTime.of(12, 30));
  }

  @Test
  void aSlotThatWouldRunPastClosingTimeIsLeftOut() {
    // a Friday morning until 11:30 with 20-minute slots: the last starts at 11:00
    List<LocalTime> starts = SlotPlan.starts(List.of(range("08:00", "11:30")), 20);
    assertThat(starts).hasSize(10).last().isEqualTo(LocalTime.of(11, 0));
  }

  @Test
  void aClosedDayHasNoSlots() {
    assertThat(SlotPlan.starts(List.of(), 10)).isEmpty();
  }
}
