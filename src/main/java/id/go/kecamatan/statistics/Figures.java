package id.go.kecamatan.statistics;

import id.go.kecamatan.surveys.Ikm;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Tally;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The figures of one selection (an office or a regency, a period of months, optionally one service,
 * channel and village), as read from the monthly counts.
 *
 * @param months one row per month of the period, oldest first, also the months without counts
 * @param services one row per service with counts in the period (the office's own service ids)
 * @param total the whole period
 * @param asOf when the counts were read; they follow each event within moments
 */
public record Figures(
    YearMonth from, YearMonth to, List<Row> months, List<Row> services, Row total, Instant asOf) {

  /**
   * One row: the counts of each measure, the applications received per channel, and the working
   * days finished applications took.
   *
   * @param key the month ({@code 2026-11}) or the service id
   * @param days per number of working days, how many applications took that long
   * @param ikm the survey responses of the row added up (read through the surveys module's {@link
   *     Reports}): {@link Tally#EMPTY} when none, or when the selection narrows by channel or
   *     village, which responses do not have
   */
  public record Row(
      String key,
      Map<Measure, Long> counts,
      Map<String, Long> receivedByChannel,
      long[] days,
      Tally ikm) {

    /** The IKM with its grade, when every element of the questionnaire has an answer. */
    public Optional<Ikm> index() {
      return Ikm.of(ikm);
    }

    Row withIkm(Tally tally) {
      return new Row(key, counts, receivedByChannel, days, tally == null ? Tally.EMPTY : tally);
    }

    public long get(Measure measure) {
      return counts.getOrDefault(measure, 0L);
    }

    public long received(String channel) {
      return receivedByChannel.getOrDefault(channel, 0L);
    }

    /** The median working days to finish (nearest rank), or null when none finished. */
    public Integer median() {
      return Percentiles.of(days, 50);
    }

    /** The 90th percentile of the working days to finish (nearest rank), or null. */
    public Integer p90() {
      return Percentiles.of(days, 90);
    }

    /** How many finished applications {@link #days} counts. */
    public long finishedWithDays() {
      long n = 0;
      for (long d : days) {
        n += d;
      }
      return n;
    }

    public UUID serviceId() {
      return UUID.fromString(key);
    }

    public YearMonth month() {
      return YearMonth.parse(key);
    }

    static Row empty(String key) {
      return new Row(
          key, new EnumMap<>(Measure.class), new java.util.HashMap<>(), new long[0], Tally.EMPTY);
    }
  }
}
