package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completed event publications (events as JSON, some with a resident's contact) are deleted once
 * past their retention; recent ones and incomplete ones (still to be resubmitted) stay.
 */
@IntegrationTest
class EventPublicationPurgeIntegrationTests {

  @Autowired EventPublicationPurge purge;
  @Autowired JdbcClient jdbc;

  UUID publication(Instant published, Instant completed) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into event_publication (id, listener_id, event_type, serialized_event,
              publication_date, completion_date, status, completion_attempts)
            values (?, 'uji.Listener.on(uji.Event)', 'uji.Event', ?, ?, ?, ?, 1)
            """)
        .params(
            id,
            "{\"phone\":\"0812" + id.toString().substring(0, 8) + "\"}",
            Timestamp.from(published),
            completed == null ? null : Timestamp.from(completed),
            completed == null ? "FAILED" : "COMPLETED")
        .update();
    return id;
  }

  boolean exists(UUID id) {
    return jdbc.sql("select count(*) from event_publication where id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        == 1;
  }

  @Test
  void completedPublicationsPastTheRetentionAreDeletedTheRestStays() {
    Instant now = Instant.now();
    UUID old = publication(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)));
    UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
    UUID failed = publication(now.minus(Duration.ofDays(30)), null);

    purge.run();

    assertThat(exists(old)).as("completed 30 days ago").isFalse();
    assertThat(exists(recent)).as("completed 2 days ago, within 7").isTrue();
    assertThat(exists(failed)).as("incomplete: still to be resubmitted").isTrue();
    jdbc.sql("delete from event_publication where id in (?, ?)").params(recent, failed).update();
  }
}
