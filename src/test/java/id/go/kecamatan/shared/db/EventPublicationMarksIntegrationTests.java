package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The repository the event publication registry uses records a publication PUBLISHED until its
 * listener completes: the "processing" mark, a transaction of its own per publication, is not
 * written.
 */
@IntegrationTest
class EventPublicationMarksIntegrationTests {

  @Autowired EventPublicationRepository repository;
  @Autowired JdbcClient jdbc;

  record UjiEvent(String text) {}

  @Test
  void aPublicationIsPublishedUntilItsListenerCompletes() {
    TargetEventPublication publication =
        TargetEventPublication.of(
            new UjiEvent("uji " + UUID.randomUUID()),
            PublicationTargetIdentifier.of("uji.Listener.on(uji.Event)"),
            Instant.now());
    repository.create(publication);
    UUID id = publication.getIdentifier();
    try {
      assertThat(status(id)).isEqualTo("PUBLISHED");

      repository.markProcessing(id);
      assertThat(status(id)).isEqualTo("PUBLISHED");

      repository.markCompleted(id, Instant.now());
      assertThat(status(id)).isEqualTo("COMPLETED");
    } finally {
      jdbc.sql("delete from event_publication where id = ?").param(id).update();
    }
  }

  private String status(UUID id) {
    return jdbc.sql("select status from event_publication where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
