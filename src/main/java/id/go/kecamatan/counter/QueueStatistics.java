package id.go.kecamatan.counter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The queue's figures over days, for the statistics page, its XLSX export and the statistics
 * module: tickets, served, no-shows, booked vs walk-in, priority served, and in minutes the waiting
 * time (taken to first call), the walk to the desk (first call to being served) and the service
 * time (served to finished), each as median and 90th percentile.
 */
@Service
public class QueueStatistics {

  /** How the figures are grouped. */
  public enum By {
    DAY("to_char(t.day, 'YYYY-MM-DD')"),
    HOUR("lpad(extract(hour from t.issued_at at time zone :zone)::int::text, 2, '0') || ':00'"),
    GROUP("g.prefix || ' ' || g.name"),
    COUNTER("coalesce(d.name, '-')");

    private final String sql;

    By(String sql) {
      this.sql = sql;
    }
  }

  /** One line of figures; minutes are null where nothing was measured. */
  public record Row(
      String key,
      long tickets,
      long served,
      long noShows,
      long booked,
      long walkIns,
      long priorityServed,
      Double waitMedian,
      Double waitP90,
      Double walkMedian,
      Double walkP90,
      Double serviceMedian,
      Double serviceP90) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  QueueStatistics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The office's figures from {@code from} to {@code to} (both included), grouped; hours are those
   * of the deployment's zone.
   */
  public List<Row> of(UUID officeId, LocalDate from, LocalDate to, By by) {
    String key = by.sql;
    return jdbc.sql(
            "select "
                + key
                + """
                 as k,
                  count(*),
                  count(*) filter (where t.status = 'DONE'),
                  count(*) filter (where t.status = 'NO_SHOW'),
                  count(*) filter (where t.source = 'APPOINTMENT'),
                  count(*) filter (where t.source <> 'APPOINTMENT'),
                  count(*) filter (where t.status = 'DONE' and t.priority is not null),
                  percentile_cont(0.5) within group (order by extract(epoch from t.first_called_at - t.issued_at) / 60),
                  percentile_cont(0.9) within group (order by extract(epoch from t.first_called_at - t.issued_at) / 60),
                  percentile_cont(0.5) within group (order by extract(epoch from t.serving_at - t.first_called_at) / 60),
                  percentile_cont(0.9) within group (order by extract(epoch from t.serving_at - t.first_called_at) / 60),
                  percentile_cont(0.5) within group (order by extract(epoch from t.finished_at - t.serving_at) / 60) filter (where t.status = 'DONE'),
                  percentile_cont(0.9) within group (order by extract(epoch from t.finished_at - t.serving_at) / 60) filter (where t.status = 'DONE')
                from ticket t
                join service_group g on g.id = t.group_id
                left join service_desk d on d.id = t.desk_id
                where t.office_id = :office and t.day between :from and :to
                group by 1 order by 1
                """)
        .param("office", officeId)
        .param("from", from)
        .param("to", to)
        .param("zone", clock.getZone().getId())
        .query(
            (rs, i) ->
                new Row(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getObject(8, Double.class),
                    rs.getObject(9, Double.class),
                    rs.getObject(10, Double.class),
                    rs.getObject(11, Double.class),
                    rs.getObject(12, Double.class),
                    rs.getObject(13, Double.class)))
        .list();
  }
}
