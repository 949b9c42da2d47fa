package id.go.kecamatan.content;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Visits of an office's public pages per kind of page and day (the regency's), counted without
 * cookies, addresses or anything else about the visitor. A visit adds one to a counter in this
 * node's memory; once a minute (and when the node stops) the counters are added to {@code
 * page_view_day} in one statement per row, so a page view never writes to the database itself. A
 * node that crashes loses at most its last minute of counts: the figures are indicators, like the
 * short codes' scans.
 */
@Service
public class PageViews {

  private final JdbcClient jdbc;
  private final Offices offices;
  private final Clock clock;

  /** The counts not yet in the database, by office address, kind and day. */
  private final ConcurrentHashMap<Key, LongAdder> pending = new ConcurrentHashMap<>();

  PageViews(JdbcClient jdbc, Offices offices, Clock clock) {
    this.jdbc = jdbc;
    this.offices = offices;
    this.clock = clock;
  }

  private record Key(String slug, PageKind kind, LocalDate day) {}

  /** One visit of a page of the office with this address, counted today. */
  public void count(String slug, PageKind kind) {
    pending
        .computeIfAbsent(new Key(slug, kind, LocalDate.now(clock)), k -> new LongAdder())
        .increment();
  }

  /**
   * Adds the counts kept in memory to the database and forgets them; counts of an address that is
   * no office are dropped. Runs at the start of each minute on every node (each adds its own
   * counts; {@code layanan.content.page-views-flush-cron}, {@code -} to leave it to the caller).
   *
   * @return the number of visits written
   */
  @Scheduled(
      cron = "${layanan.content.page-views-flush-cron:0 * * * * *}",
      zone = "${layanan.time-zone}")
  public long flush() {
    Map<String, Optional<UUID>> ids = new LinkedHashMap<>();
    long written = 0;
    for (Key key : new ArrayList<>(pending.keySet())) {
      LongAdder adder = pending.remove(key);
      long views = adder == null ? 0 : adder.sumThenReset();
      if (views == 0) {
        continue;
      }
      Optional<UUID> office =
          ids.computeIfAbsent(key.slug(), s -> offices.bySlug(s).map(Office::id));
      if (office.isEmpty()) {
        continue;
      }
      jdbc.sql(
              """
              insert into page_view_day (office_id, page_kind, day, views) values (?, ?, ?, ?)
              on conflict (office_id, day, page_kind)
              do update set views = page_view_day.views + excluded.views
              """)
          .params(office.get(), key.kind().name(), Date.valueOf(key.day()), views)
          .update();
      written += views;
    }
    return written;
  }

  @PreDestroy
  void flushOnStop() {
    try {
      flush();
    } catch (RuntimeException e) {
      // the database may be gone already when the node stops: the last minute is lost
    }
  }

  /** An office's visits per kind of page over some days. */
  public Map<PageKind, Long> perKind(UUID officeId, LocalDate from, LocalDate to) {
    Map<PageKind, Long> totals = new EnumMap<>(PageKind.class);
    jdbc.sql(
            """
            select page_kind, sum(views) as views from page_view_day
            where office_id = ? and day between ? and ? group by page_kind
            """)
        .params(officeId, Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              totals.put(PageKind.valueOf(rs.getString("page_kind")), rs.getLong("views"));
            });
    return totals;
  }

  /** One day of an office's visits, for the daily list and the transparency page. */
  public record Day(LocalDate day, long views) {}

  /** An office's visits per day, every day from {@code from} to {@code to} (newest first). */
  public List<Day> perDay(UUID officeId, LocalDate from, LocalDate to) {
    Map<LocalDate, Long> views = new LinkedHashMap<>();
    jdbc.sql(
            """
            select day, sum(views) as views from page_view_day
            where office_id = ? and day between ? and ? group by day
            """)
        .params(officeId, Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              views.put(rs.getDate("day").toLocalDate(), rs.getLong("views"));
            });
    List<Day> days = new ArrayList<>();
    for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
      days.add(new Day(d, views.getOrDefault(d, 0L)));
    }
    return days;
  }

  /** Today in the regency's zone (the clock's), the day visits are counted on. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
