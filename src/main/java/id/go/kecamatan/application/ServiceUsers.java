package id.go.kecamatan.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The office's service users (pengguna layanan) as the system counts them: the applications
 * finished in a period, i.e. first approved or rejected then, the same definition as the
 * statistics' finished applications (a rejected resident was served too). The IKM survey checks its
 * sample against this number.
 */
@Component
public class ServiceUsers {

  private final JdbcClient jdbc;

  ServiceUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applications of the office finished from {@code from} (inclusive) to {@code to} (exclusive),
   * per service.
   */
  public Map<UUID, Long> finishedPerService(UUID officeId, Instant from, Instant to) {
    return jdbc
        .sql(
            """
            select a.service_id, count(*) finished
            from (select c.application_id, min(c.changed_at) decided_at
                  from application_status_change c
                  where c.office_id = ? and c.to_status in ('APPROVED', 'REJECTED')
                  group by c.application_id) d
            join application a on a.id = d.application_id
            where d.decided_at >= ? and d.decided_at < ?
            group by a.service_id
            """)
        .params(officeId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> Map.entry(rs.getObject("service_id", UUID.class), rs.getLong("finished")))
        .list()
        .stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
