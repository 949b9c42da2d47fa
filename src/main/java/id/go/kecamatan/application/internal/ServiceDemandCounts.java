package id.go.kecamatan.application.internal;

import id.go.kecamatan.catalog.ServiceDemand;
import id.go.kecamatan.shared.db.Memo;
import id.go.kecamatan.shared.db.TableChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly count of applications per service ({@code service_demand}): incremented with every
 * new application, read by the public office page. Each office's figures are kept in this node's
 * memory: dropped when this node counts an application of the office (after its commit), and read
 * again after at most {@link #FRESH} for what other nodes counted (the table is written by every
 * submission, too often for change notices: ADR 0032).
 */
@Component
public class ServiceDemandCounts implements ServiceDemand {

  /** How long an office's figures are kept at most: how late another node's count shows here. */
  static final Duration FRESH = Duration.ofSeconds(1);

  /** Offices whose figures are kept before the memo starts over. */
  static final int LIMIT = 5_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Memo<UUID, Map<UUID, Integer>> figures;

  ServiceDemandCounts(JdbcClient jdbc, Clock clock, TableChanges changes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.figures = changes.memo("application.demand", Set.of(), LIMIT, FRESH);
  }

  /**
   * Counts one application of the service in the month it was submitted (in the deployment's zone).
   */
  void count(UUID officeId, UUID serviceId, java.time.Instant submittedAt) {
    LocalDate month = submittedAt.atZone(clock.getZone()).toLocalDate().withDayOfMonth(1);
    jdbc.sql(
            """
            insert into service_demand (office_id, service_id, month, submitted)
            values (?, ?, ?, 1)
            on conflict (office_id, service_id, month)
            do update set submitted = service_demand.submitted + 1
            """)
        .params(officeId, serviceId, month)
        .update();
    figures.forget(officeId);
  }

  @Override
  public Map<UUID, Integer> lastTwelveMonths(UUID officeId) {
    return figures.get(officeId, this::read);
  }

  private Map<UUID, Integer> read(UUID officeId) {
    LocalDate from = ZonedDateTime.now(clock).toLocalDate().withDayOfMonth(1);
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
    return Map.copyOf(counts);
  }
}
