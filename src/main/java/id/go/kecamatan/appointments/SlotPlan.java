package id.go.kecamatan.appointments;

import id.go.kecamatan.office.TimeRange;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots of a day: each open interval of the office (opening hours minus the break) cut into
 * slots of the type's length from its start; a slot that would run past the interval's end is left
 * out, so no appointment runs into the break or past closing time.
 */
public final class SlotPlan {

  private SlotPlan() {}

  /** The slots' start times, in order. */
  public static List<LocalTime> starts(List<TimeRange> open, int slotMinutes) {
    if (slotMinutes < 1) {
      throw new IllegalArgumentException("slot length " + slotMinutes);
    }
    List<LocalTime> starts = new ArrayList<>();
    for (TimeRange range : open) {
      LocalTime start = range.start();
      while (true) {
        LocalTime end = start.plusMinutes(slotMinutes);
        if (end.isAfter(range.end()) || end.isBefore(start)) {
          break;
        }
        starts.add(start);
        if (end.equals(range.end())) {
          break;
        }
        start = end;
      }
    }
    return starts;
  }
}
