package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.application.Channel;
import id.go.kecamatan.statistics.Measure;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office's counts of all its services and villages of one month in one row of {@code
 * stat_office_total} (V108): the regency's table of all its offices sums 12 rows per office in the
 * database instead of reading hundreds. A row has one column per measure (its name in lower case,
 * all channels), one per channel for the applications received through it ({@code received_online},
 * ...) and the finished applications per working days taken ({@code days}: the element {@code d +
 * 1} took {@code d} working days): the same numbers as the office's rows of {@code stat_count} and
 * {@code stat_duration} at those grains, changed in the same transaction. A measure added to {@link
 * Measure} or a channel added to {@link Channel} needs its column (the tests check that every one
 * has it).
 *
 * <p>One instance collects the changes of one call of {@link FactStore}, which writes them after
 * its rows of {@code stat_count}, in the order of their months: every transaction takes the lock of
 * a {@code stat_office_total} row last, so two listeners never wait for each other in a circle.
 */
public final class OfficeTotals {

  /** The columns of the counts, in the order of {@link #MEASURES} and then {@link #CHANNELS}. */
  static final List<String> COLUMNS;

  private static final List<Measure> MEASURES = List.of(Measure.values());
  private static final List<String> CHANNELS =
      Arrays.stream(Channel.values()).map(Channel::name).toList();
  private static final Map<String, Integer> CHANNEL_COLUMN = new HashMap<>();

  static {
    List<String> columns = new ArrayList<>();
    for (Measure m : MEASURES) {
      columns.add(m.name().toLowerCase(Locale.ROOT));
    }
    for (String channel : CHANNELS) {
      CHANNEL_COLUMN.put(channel, columns.size());
      columns.add("received_" + channel.toLowerCase(Locale.ROOT));
    }
    COLUMNS = List.copyOf(columns);
  }

  private static final String UPSERT =
      "insert into stat_office_total (scope_id, month, "
          + String.join(", ", COLUMNS)
          + ", days) values (?, ?, "
          + "?, ".repeat(COLUMNS.size())
          + "cast(? as bigint[])) on conflict (scope_id, month) do update set "
          + COLUMNS.stream()
              .map(c -> c + " = stat_office_total." + c + " + excluded." + c)
              .collect(Collectors.joining(", "))
          + ", days = stat_days_add(stat_office_total.days, excluded.days)";

  private static final String WHERE =
      " from stat_office_total where scope_id = any(:scopes) and month between :from and :to";

  private final UUID officeId;
  private final Map<LocalDate, Change> changes = new TreeMap<>();

  /** One month's changes: of each column, and of each number of working days. */
  private record Change(long[] counts, Map<Integer, Long> days) {}

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
    if (c.isDuration()) {
      if (allChannels) {
        change(c.firstDay()).days().merge(c.days(), n, Long::sum);
      }
    } else if (allChannels) {
      change(c.firstDay()).counts()[MEASURES.indexOf(c.measure())] += n;
    } else if (c.measure() == Measure.RECEIVED) {
      Integer column = CHANNEL_COLUMN.get(key.channel());
      if (column == null) {
        throw new IllegalArgumentException("No column for the channel " + key.channel());
      }
      change(c.firstDay()).counts()[column] += n;
    }
  }

  private Change change(LocalDate month) {
    return changes.computeIfAbsent(
        month, m -> new Change(new long[COLUMNS.size()], new TreeMap<>()));
  }

  /** Writes the changes noted, month by month. */
  void write(JdbcClient jdbc) {
    changes.forEach(
        (month, change) -> {
          List<Object> params = new ArrayList<>();
          params.add(officeId);
          params.add(month);
          for (long n : change.counts()) {
            params.add(n);
          }
          long[] days = new long[change.days().isEmpty() ? 0 : 1 + maxKey(change.days())];
          change.days().forEach((d, n) -> days[d] += n);
          params.add(
              Arrays.stream(days)
                  .mapToObj(Long::toString)
                  .collect(Collectors.joining(",", "{", "}")));
          jdbc.sql(UPSERT).params(params).update();
        });
    changes.clear();
  }

  private static int maxKey(Map<Integer, Long> days) {
    return days.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * An office's counts summed over months.
   *
   * @param days per number of working days, how many finished applications took that long
   */
  public record Sum(Map<Measure, Long> counts, Map<String, Long> receivedByChannel, long[] days) {}

  /**
   * The offices' counts summed over the months {@code from} to {@code to} (first days) by the
   * database: one row per office that has counts in those months.
   */
  public static Map<UUID, Sum> sum(
      JdbcClient jdbc, List<UUID> offices, LocalDate from, LocalDate to) {
    Map<UUID, Sum> sums = new LinkedHashMap<>();
    if (offices.isEmpty()) {
      return sums;
    }
    UUID[] scopes = offices.toArray(UUID[]::new);
    // the longest histogram of those rows: summed element by element below
    int width =
        jdbc.sql("select coalesce(max(cardinality(days)), 0)" + WHERE)
            .param("scopes", scopes)
            .param("from", from)
            .param("to", to)
            .query(Integer.class)
            .single();
    StringBuilder days = new StringBuilder("array[");
    for (int i = 1; i <= width; i++) {
      days.append(i > 1 ? ", " : "").append("sum(days[").append(i).append("])");
    }
    days.append("]::bigint[]");
    String columns = COLUMNS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
    jdbc.sql(
            "select scope_id, max(cardinality(days)), "
                + (width == 0 ? "'{}'::bigint[]" : days)
                + ", "
                + columns
                + WHERE
                + " group by scope_id")
        .param("scopes", scopes)
        .param("from", from)
        .param("to", to)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Map<Measure, Long> counts = new EnumMap<>(Measure.class);
                  for (int i = 0; i < MEASURES.size(); i++) {
                    counts.put(MEASURES.get(i), rs.getLong(4 + i));
                  }
                  Map<String, Long> received = new HashMap<>();
                  for (String channel : CHANNELS) {
                    received.put(channel, rs.getLong(4 + CHANNEL_COLUMN.get(channel)));
                  }
                  Array array = rs.getArray(3);
                  Object[] summed = (Object[]) array.getArray();
                  // as long as the longest of this office's months (the same histogram as its
                  // rows of stat_duration): the other offices' longer ones add only zeros
                  long[] histogram = new long[rs.getInt(2)];
                  for (int d = 0; d < histogram.length; d++) {
                    histogram[d] = summed[d] == null ? 0 : ((Number) summed[d]).longValue();
                  }
                  sums.put(rs.getObject(1, UUID.class), new Sum(counts, received, histogram));
                });
    return sums;
  }
}
