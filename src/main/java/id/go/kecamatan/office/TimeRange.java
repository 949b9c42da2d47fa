package id.go.kecamatan.office;

import java.time.Duration;
import java.time.LocalTime;

/**
 * An interval of a day, start inclusive and end exclusive.
 *
 * @throws IllegalArgumentException unless {@code start} is before {@code end}
 */
public record TimeRange(LocalTime start, LocalTime end) {

  public TimeRange {
    if (start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException("A time range starts before it ends: " + start + end);
    }
  }

  /** {@code start <= time < end}. */
  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  public long minutes() {
    return Duration.between(start, end).toMinutes();
  }

  @Override
  public String toString() {
    return start + "–" + end;
  }
}
