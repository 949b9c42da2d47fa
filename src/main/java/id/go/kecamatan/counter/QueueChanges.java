package id.go.kecamatan.counter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The version of an office's queue: bumped in the transaction of every change (which also takes the
 * office's row lock), polled by the display boards of every node.
 */
final class QueueChanges {

  private QueueChanges() {}

  static long bump(JdbcClient jdbc, UUID officeId, Instant now) {
    return jdbc.sql(
            """
            insert into queue_change (office_id, version, changed_at) values (?, 1, ?)
            on conflict (office_id) do update set version = queue_change.version + 1,
              changed_at = excluded.changed_at
            returning version
            """)
        .params(officeId, Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  static long version(JdbcClient jdbc, UUID officeId) {
    return jdbc.sql("select version from queue_change where office_id = ?")
        .param(officeId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }
}
