package id.go.kecamatan.statistics;

import id.go.kecamatan.statistics.internal.Grains;
import id.go.kecamatan.statistics.internal.OfficeTotals;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the figures of an office or a regency from the monthly counts ({@code stat_count}, {@code
 * stat_duration}, and for a regency's table of offices {@code stat_office_total}): a few hundred
 * rows per page, whatever the number of applications or survey responses. The caller checks who may
 * see which office.
 */
@Service
public class Statistics {

  /** The longest period one page or file covers. */
  public static final int MAX_MONTHS = 36;

  private final JdbcClient jdbc;
  private final Clock clock;

  Statistics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What to count: one office or regency (the scope), months, and optional narrowing. */
  public record Selection(
      UUID scopeId, YearMonth from, YearMonth to, UUID serviceId, String channel, UUID villageId) {

    public Selection {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("The period ends before it starts");
      }
      if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
        throw new IllegalArgumentException("The period is longer than " + MAX_MONTHS + " months");
      }
    }

    public static Selection of(UUID scopeId, YearMonth from, YearMonth to) {
      return new Selection(scopeId, from, to, null, null, null);
    }
  }

  /** The current month in Western Indonesian Time. */
  public YearMonth currentMonth() {
    return YearMonth.from(LocalDate.now(clock));
  }

  public Figures figures(Selection s) {
    UUID service = s.serviceId() == null ? Grains.ALL : s.serviceId();
    String channel = s.channel() == null ? Grains.ALL_CHANNELS : s.channel();
    UUID village = s.villageId() == null ? Grains.ALL : s.villageId();
    Map<String, Figures.Row> months = new LinkedHashMap<>();
    for (YearMonth m = s.from(); !m.isAfter(s.to()); m = m.plusMonths(1)) {
      months.put(m.toString(), Figures.Row.empty(m.toString()));
    }
    Map<String, Figures.Row> services = new LinkedHashMap<>();
    Figures.Row total = Figures.Row.empty("total");
    Map<String, Map<Integer, Long>> monthDays = new HashMap<>();
    Map<String, Map<Integer, Long>> serviceDays = new HashMap<>();
    Map<Integer, Long> totalDays = new HashMap<>();

    jdbc.sql(
            """
            select month, measure, service_id, channel, n from stat_count
            where scope_id = :scope and month between :from and :to and village_id = :village
              and (service_id = :service or :service = :all)
              and (channel = :channel or measure = 'RECEIVED')
            """)
        .param("scope", s.scopeId())
        .param("from", s.from().atDay(1))
        .param("to", s.to().atDay(1))
        .param("village", village)
        .param("service", service)
        .param("all", Grains.ALL)
        .param("channel", channel)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String month = YearMonth.from(rs.getObject(1, LocalDate.class)).toString();
                  java.util.Optional<Measure> known = measure(rs.getString(2));
                  if (known.isEmpty()) {
                    return;
                  }
                  Measure measure = known.get();
                  UUID rowService = rs.getObject(3, UUID.class);
                  String rowChannel = rs.getString(4);
                  long n = rs.getLong(5);
                  boolean selectedService = rowService.equals(service);
                  boolean selectedChannel = rowChannel.equals(channel);
                  // a row of one channel's receipts: the split by channel of the selection
                  boolean byChannel =
                      measure == Measure.RECEIVED
                          && !rowChannel.equals(Grains.ALL_CHANNELS)
                          && (channel.equals(Grains.ALL_CHANNELS) || selectedChannel);
                  if (selectedService && selectedChannel) {
                    months.get(month).counts().merge(measure, n, Long::sum);
                    total.counts().merge(measure, n, Long::sum);
                  }
                  if (selectedService && byChannel) {
                    months.get(month).receivedByChannel().merge(rowChannel, n, Long::sum);
                    total.receivedByChannel().merge(rowChannel, n, Long::sum);
                  }
                  if (service.equals(Grains.ALL)
                      && !rowService.equals(Grains.ALL)
                      && (selectedChannel || byChannel)) {
                    // each service's row, its receipts split by channel as the total's are
                    Figures.Row row =
                        services.computeIfAbsent(rowService.toString(), Figures.Row::empty);
                    if (selectedChannel) {
                      row.counts().merge(measure, n, Long::sum);
                    }
                    if (byChannel) {
                      row.receivedByChannel().merge(rowChannel, n, Long::sum);
                    }
                  }
                });

    jdbc.sql(
            """
            select month, service_id, days, n from stat_duration
            where scope_id = :scope and month between :from and :to and village_id = :village
              and channel = :channel and (service_id = :service or :service = :all)
            """)
        .param("scope", s.scopeId())
        .param("from", s.from().atDay(1))
        .param("to", s.to().atDay(1))
        .param("village", village)
        .param("service", service)
        .param("all", Grains.ALL)
        .param("channel", channel)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String month = YearMonth.from(rs.getObject(1, LocalDate.class)).toString();
                  UUID rowService = rs.getObject(2, UUID.class);
                  int days = rs.getInt(3);
                  long n = rs.getLong(4);
                  if (rowService.equals(service)) {
                    monthDays
                        .computeIfAbsent(month, k -> new HashMap<>())
                        .merge(days, n, Long::sum);
                    totalDays.merge(days, n, Long::sum);
                  } else {
                    serviceDays
                        .computeIfAbsent(rowService.toString(), k -> new HashMap<>())
                        .merge(days, n, Long::sum);
                  }
                });

    List<Figures.Row> monthRows = new ArrayList<>();
    for (Figures.Row row : months.values()) {
      monthRows.add(complete(row, monthDays.get(row.key())));
    }
    List<Figures.Row> serviceRows = new ArrayList<>();
    for (Figures.Row row : services.values()) {
      serviceRows.add(complete(row, serviceDays.get(row.key())));
    }
    return new Figures(
        s.from(), s.to(), monthRows, serviceRows, complete(total, totalDays), clock.instant());
  }

  /**
   * The figures of several offices (a regency's) over a period, one row each keyed by the office's
   * id, with no narrowing: summed by the database from the offices' rows of {@code
   * stat_office_total} (one per office and month, the same numbers as their "all" rows of {@code
   * stat_count} and {@code stat_duration}), so a regency of 500 offices gets 500 rows for a year.
   */
  public Map<UUID, Figures.Row> perScope(List<UUID> scopes, YearMonth from, YearMonth to) {
    Map<UUID, OfficeTotals.Sum> sums = OfficeTotals.sum(jdbc, scopes, from.atDay(1), to.atDay(1));
    Map<UUID, Figures.Row> rows = new LinkedHashMap<>();
    for (UUID scope : scopes) {
      OfficeTotals.Sum sum = sums.get(scope);
      Figures.Row row = Figures.Row.empty(scope.toString());
      if (sum != null) {
        row =
            new Figures.Row(
                row.key(), sum.counts(), sum.receivedByChannel(), sum.days(), row.ikm());
      }
      rows.put(scope, complete(row, null));
    }
    return rows;
  }

  private static java.util.Optional<Measure> measure(String name) {
    try {
      return java.util.Optional.of(Measure.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return java.util.Optional.empty(); // a measure of a newer version: not shown by this one
    }
  }

  /** The row with its working days' histogram and its IKM (from the counts of its IKM measures). */
  private static Figures.Row complete(Figures.Row row, Map<Integer, Long> days) {
    return withDays(row, days).withIkm(Measure.tally(row.counts()));
  }

  private static Figures.Row withDays(Figures.Row row, Map<Integer, Long> days) {
    if (days == null || days.isEmpty()) {
      return row;
    }
    int max = days.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    long[] histogram = new long[max + 1];
    days.forEach((d, n) -> histogram[d] += n);
    return new Figures.Row(row.key(), row.counts(), row.receivedByChannel(), histogram, row.ikm());
  }

  /**
   * Complaints of one category and kind: received in the period (by the day received), answered in
   * it (by the day of the first answer) and of those on time.
   *
   * @param category the category's name when it was last heard of, empty when it has none
   */
  public record ComplaintGroup(
      String category, String kind, long received, long answered, long answeredOnTime) {}

  /**
   * The complaints of an office or a regency per category and kind, most received first: read from
   * the statistics module's own row per complaint (an office has hundreds a year, not millions).
   */
  public List<ComplaintGroup> complaintGroups(UUID scopeId, YearMonth from, YearMonth to) {
    return jdbc.sql(
            """
            select coalesce(category_name, ''), kind,
              count(*) filter (where month between :from and :to),
              count(*) filter (where answered_month between :from and :to),
              count(*) filter (where answered_month between :from and :to and on_time)
            from stat_complaint
            where (office_id = :scope or regency_id = :scope)
              and (month between :from and :to or answered_month between :from and :to)
            group by 1, 2 order by 3 desc, 1, 2 limit 200
            """)
        .param("scope", scopeId)
        .param("from", from.atDay(1))
        .param("to", to.atDay(1))
        .query(
            (rs, i) ->
                new ComplaintGroup(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  /** The reasons the office gave, most frequent first, for the selection's office and months. */
  public record Reason(String kind, String subject, String reason, long count) {}

  /**
   * Completion requests counted per requirement and rejections per reason, of one office.
   *
   * @param withText whether to group by the officers' own words (staff only: they may name a
   *     person); otherwise completion requests per requirement only
   */
  public List<Reason> reasons(UUID officeId, YearMonth from, YearMonth to, boolean withText) {
    return jdbc.sql(
            """
            select kind, subject, case when :text then reason else '' end as reason, count(*) as n
            from stat_reason
            where office_id = :office and month between :from and :to
              and (:text or kind = 'COMPLETION')
            group by 1, 2, 3
            order by n desc, 1, 2, 3
            limit 50
            """)
        .param("text", withText)
        .param("office", officeId)
        .param("from", from.atDay(1))
        .param("to", to.atDay(1))
        .query(
            (rs, i) -> new Reason(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }
}
