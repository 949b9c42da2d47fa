package id.go.kecamatan.application.internal;

import id.go.kecamatan.catalog.ServiceDemand;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly count of applications per service ({@code service_demand}): incremented with every
 * new application, read by the public office page.
 */
@Component
public class ServiceDemandCounts implements ServiceDemand {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private final JdbcClient jdbc;
  private final Clock clock;

  ServiceDemandCounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one application of the service in the month it was submitted (Asia/Jakarta). */
  void count(UUID officeId, UUID serviceId, java.time.Instant submittedAt) {
    LocalDate month = submittedAt.atZone(JAKARTA).toLocalDate().withDayOfMonth(1);
    jdbc.sql(
            """
            insert into service_demand (office_id, service_id, month, submitted)
            values (?, ?, ?, 1)
            on conflict (office_id, service_id, month)
            do update set submitted = service_demand.submitted + 1
            """)
        .params(officeId, serviceId, month)
        .update();
  }

  @Override
  public Map<UUID, Integer> lastTwelveMonths(UUID officeId) {
    LocalDate from = ZonedDateTime.now(clock.withZone(JAKARTA)).toLocalDate().withDayOfMonth(1);
    Map<UUID, Integer> counts = new HashMap<>();
    jdbc.sql(
            """
            select service_id, sum(submitted) as total from service_demand
            where office_id = ? and month >= ? group by service_id
            """)
        .params(officeId, from.minusMonths(11))
        .query(
            rs -> {
              counts.put(rs.getObject("service_id", UUID.class), rs.getInt("total"));
            });
    return counts;
  }
}
