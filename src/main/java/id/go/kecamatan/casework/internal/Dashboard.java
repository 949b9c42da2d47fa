package id.go.kecamatan.casework.internal;

import id.go.kecamatan.application.ApplicationStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The office dashboard (dasbor kantor), first version: applications by status, the overdue ones,
 * what came in and what was finished this week (Monday to today, Western Indonesian Time), and the
 * share finished within the deadline, per service. Every query filters by the office, and for a
 * village operator by their village as well.
 *
 * <p>An application is finished when it was approved or rejected (the first such step of its
 * timeline, {@code application_status_change}); it was finished within the deadline when that day
 * is on or before its deadline. Overdue: submitted or in review with a deadline before today; an
 * application waiting for the resident (NEEDS_COMPLETION) has its clock paused and is not overdue.
 */
@Component
public class Dashboard {

  private static final int OVERDUE_SHOWN = 50;

  private final JdbcClient jdbc;
  private final Clock clock;

  Dashboard(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One service's figures. */
  public record ServiceFigures(
      String serviceName, long received, long open, long finished, long onTime, long overdue) {

    /** Finished within the deadline, in whole percent of the finished; null when none finished. */
    public Integer onTimePercent() {
      return finished == 0 ? null : (int) Math.round(100.0 * onTime / finished);
    }
  }

  /** An overdue application. */
  public record Overdue(
      UUID id,
      String trackingCode,
      String serviceName,
      ApplicationStatus status,
      LocalDate deadline,
      long daysLate) {}

  /** What the dashboard shows. */
  public record Figures(
      LocalDate today,
      LocalDate weekStart,
      Map<ApplicationStatus, Long> byStatus,
      long receivedThisWeek,
      long finishedThisWeek,
      List<ServiceFigures> services,
      List<Overdue> overdue,
      long overdueCount) {

    public long total() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long finished() {
      return services.stream().mapToLong(ServiceFigures::finished).sum();
    }

    public long onTime() {
      return services.stream().mapToLong(ServiceFigures::onTime).sum();
    }

    /** Finished within the deadline, in whole percent; null when none finished. */
    public Integer onTimePercent() {
      long finished = finished();
      return finished == 0 ? null : (int) Math.round(100.0 * onTime() / finished);
    }
  }

  /**
   * The figures of an office.
   *
   * @param villageId only the applications of residents of this village (a village operator), or
   *     null for the whole office
   */
  public Figures of(UUID officeId, UUID villageId) {
    LocalDate today = LocalDate.now(clock);
    LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    java.sql.Timestamp weekStartAt =
        java.sql.Timestamp.from(weekStart.atStartOfDay(clock.getZone()).toInstant());

    Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
    for (ApplicationStatus status : ApplicationStatus.values()) {
      byStatus.put(status, 0L);
    }
    jdbc.sql(
            """
            select a.status, count(*) from application a
            where a.office_id = :office and (cast(:village as uuid) is null or a.village_id = :village)
            group by a.status
            """)
        .param("office", officeId)
        .param("village", villageId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> byStatus.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2)));

    long received =
        jdbc.sql(
                """
                select count(*) from application a
                where a.office_id = :office
                  and (cast(:village as uuid) is null or a.village_id = :village)
                  and a.submitted_at >= :since
                """)
            .param("office", officeId)
            .param("village", villageId)
            .param("since", weekStartAt)
            .query(Long.class)
            .single();

    long finishedThisWeek =
        jdbc.sql(
                """
                select count(*) from application a
                join (select c.application_id, min(c.changed_at) as finished_at
                      from application_status_change c
                      where c.office_id = :office and c.to_status in ('APPROVED', 'REJECTED')
                      group by c.application_id) f on f.application_id = a.id
                where a.office_id = :office
                  and (cast(:village as uuid) is null or a.village_id = :village)
                  and f.finished_at >= :since
                """)
            .param("office", officeId)
            .param("village", villageId)
            .param("since", weekStartAt)
            .query(Long.class)
            .single();

    List<ServiceFigures> services =
        jdbc.sql(
                """
                with finished as (
                  select c.application_id, min(c.changed_at) as finished_at
                  from application_status_change c
                  where c.office_id = :office and c.to_status in ('APPROVED', 'REJECTED')
                  group by c.application_id)
                select s.name,
                       count(a.id) as received,
                       count(*) filter (where a.status in ('SUBMITTED', 'IN_REVIEW',
                                                           'NEEDS_COMPLETION')) as open,
                       count(f.application_id) as finished,
                       count(f.application_id) filter (
                         where (f.finished_at at time zone :zone)::date <= a.deadline)
                         as on_time,
                       count(*) filter (where a.status in ('SUBMITTED', 'IN_REVIEW')
                                          and a.deadline < :today) as overdue
                from application a
                join service_type s on s.id = a.service_id and s.office_id = a.office_id
                left join finished f on f.application_id = a.id
                where a.office_id = :office
                  and (cast(:village as uuid) is null or a.village_id = :village)
                group by s.name
                order by s.name
                """)
            .param("office", officeId)
            .param("village", villageId)
            .param("today", today)
            .param("zone", clock.getZone().getId())
            .query(
                (rs, i) ->
                    new ServiceFigures(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
            .list();

    List<Overdue> overdue =
        jdbc.sql(
                """
                select a.id, a.tracking_code, s.name, a.status, a.deadline
                from application a
                join service_type s on s.id = a.service_id and s.office_id = a.office_id
                where a.office_id = :office
                  and (cast(:village as uuid) is null or a.village_id = :village)
                  and a.status in ('SUBMITTED', 'IN_REVIEW') and a.deadline < :today
                order by a.deadline, a.submitted_at
                limit :limit
                """)
            .param("office", officeId)
            .param("village", villageId)
            .param("today", today)
            .param("limit", OVERDUE_SHOWN)
            .query(
                (rs, i) -> {
                  LocalDate deadline = rs.getObject(5, LocalDate.class);
                  return new Overdue(
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getString(3),
                      ApplicationStatus.valueOf(rs.getString(4)),
                      deadline,
                      java.time.temporal.ChronoUnit.DAYS.between(deadline, today));
                })
            .list();
    long overdueCount = services.stream().mapToLong(ServiceFigures::overdue).sum();
    return new Figures(
        today, weekStart, byStatus, received, finishedThisWeek, services, overdue, overdueCount);
  }
}
