package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.statistics.Measure;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office's counts of all its services and villages of one month in one row of {@code stat_total}
 * (V105): the regency's table of all its offices reads 12 rows per office instead of hundreds. A
 * row's {@code counts} are keyed by the measure's name (all channels), {@code RECEIVED:<channel>}
 * (received per channel) and {@code D:<days>} (finished applications per working days taken): the
 * same numbers as the office's rows of {@code stat_count} and {@code stat_duration} at those
 * grains, changed in the same transaction.
 *
 * <p>One instance collects the changes of one call of {@link FactStore}, which writes them after
 * its rows of {@code stat_count}, in the order of their months: every transaction takes the lock of
 * a {@code stat_total} row last, so two listeners never wait for each other in a circle.
 */
public final class OfficeTotals {

  /** The prefix of the received-per-channel keys. */
  public static final String RECEIVED_BY = Measure.RECEIVED.name() + ":";

  /** The prefix of the working-days keys. */
  public static final String DAYS = "D:";

  private static final Pattern KEY = Pattern.compile("[A-Z0-9_:]{1,60}");

  private final UUID officeId;
  private final Map<LocalDate, Map<String, Long>> deltas = new TreeMap<>();

  OfficeTotals(UUID officeId) {
    this.officeId = officeId;
  }

  /** Notes a contribution counted at a grain, if the grain is the office's "all" row. */
  void add(Grains.Key key, Contribution c, long n) {
    if (officeId == null
        || !key.scopeId().equals(officeId)
        || !key.serviceId().equals(Grains.ALL)
        || !key.villageId().equals(Grains.ALL)) {
      return;
    }
    boolean allChannels = key.channel().equals(Grains.ALL_CHANNELS);
    String name;
    if (c.isDuration()) {
      name = allChannels ? DAYS + c.days() : null;
    } else if (allChannels) {
      name = c.measure().name();
    } else {
      name = c.measure() == Measure.RECEIVED ? RECEIVED_BY + key.channel() : null;
    }
    if (name != null && KEY.matcher(name).matches()) {
      deltas.computeIfAbsent(c.firstDay(), k -> new TreeMap<>()).merge(name, n, Long::sum);
    }
  }

  /** Writes the changes noted, month by month. */
  void write(JdbcClient jdbc) {
    deltas.forEach(
        (month, counts) -> {
          StringBuilder json = new StringBuilder("{");
          counts.forEach(
              (name, n) -> {
                if (json.length() > 1) {
                  json.append(',');
                }
                json.append('"').append(name).append("\":").append(n);
              });
          json.append('}');
          jdbc.sql(
                  """
                  insert into stat_total (scope_id, month, counts)
                  values (?, ?, cast(? as jsonb))
                  on conflict (scope_id, month)
                  do update set counts = stat_total_add(stat_total.counts, excluded.counts)
                  """)
              .params(officeId, month, json.toString())
              .update();
        });
    deltas.clear();
  }
}
