package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repository the event publication registry uses records a publication PUBLISHED until its
 * listener completes: the "processing" mark, a transaction of its own per publication, is not
 * written; the completion is written in the listener's transaction, with its work (ADR 0041). The
 * tests call the repository as Spring Modulith's registry does around a listener: "processing"
 * before the listener's transaction, "completed" or "failed" after it.
 */
@IntegrationTest
class EventPublicationMarksIntegrationTests {

  @Autowired EventPublicationRepository repository;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  record UjiEvent(String text) {}

  /** The name Spring gives a module listener's transaction (ResidentMessages.on(...)). */
  static final String LISTENER = "id.go.kecamatan.notifications.internal.ResidentMessages.on";

  @Test
  void aPublicationIsPublishedUntilItsListenerCompletes() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          assertThat(status(id)).isEqualTo("PUBLISHED");

          repository.markProcessing(id);
          assertThat(status(id)).isEqualTo("PUBLISHED");

          repository.markCompleted(id, Instant.now());
          assertThat(status(id)).isEqualTo("COMPLETED");
        });
  }

  @Test
  void theCompletionIsCommittedWithTheListenersWork() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          repository.markProcessing(id);
          long listenersTransaction = listener(() -> assertThat(status(id)).isEqualTo("PUBLISHED"));

          assertThat(status(id)).isEqualTo("COMPLETED");
          assertThat(writtenBy(id)).isEqualTo(listenersTransaction);

          // what the registry asks for after the commit is already written: nothing more is written
          repository.markCompleted(publication, Instant.now());
          assertThat(writtenBy(id)).isEqualTo(listenersTransaction);
        });
  }

  @Test
  void aListenerThatFailsLeavesItsPublicationIncompleteAndMarkedFailed() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          repository.markProcessing(id);
          assertThatThrownBy(
                  () ->
                      listener(
                          () -> {
                            throw new IllegalStateException("the listener fails");
                          }))
              .hasMessage("the listener fails");
          assertThat(status(id)).isEqualTo("PUBLISHED");
          assertThat(completed(id)).isFalse();

          repository.markFailed(id);
          assertThat(status(id)).isEqualTo("FAILED");
          assertThat(completed(id)).isFalse();

          // the next transaction on the thread is not taken for the failed publication's listener
          listener(() -> {});
          assertThat(status(id)).isEqualTo("FAILED");
        });
  }

  @Test
  void aTransactionThatIsNotAModuleListenersIsNotTakenForIt() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          repository.markProcessing(id);
          TransactionTemplate other = new TransactionTemplate(transactions);
          other.setName("id.go.kecamatan.shared.db.EventPublicationPurge.run");
          other.executeWithoutResult(status -> jdbc.sql("select 1").query().singleValue());
          assertThat(status(id)).isEqualTo("PUBLISHED");

          long listenersTransaction = listener(() -> {});
          assertThat(writtenBy(id)).isEqualTo(listenersTransaction);
          assertThat(status(id)).isEqualTo("COMPLETED");
          assertThat(ListenerCompletion.isModuleListener(null)).isFalse();
          assertThat(ListenerCompletion.isModuleListener("no.such.Type.method")).isFalse();
        });
  }

  @Test
  void aReadOnlyListenerLeavesTheCompletionToTheRegistry() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          repository.markProcessing(id);
          TransactionTemplate readOnly = new TransactionTemplate(transactions);
          readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
          readOnly.setName(LISTENER);
          readOnly.setReadOnly(true);
          readOnly.executeWithoutResult(status -> jdbc.sql("select 1").query().singleValue());
          assertThat(status(id)).isEqualTo("PUBLISHED");

          repository.markCompleted(publication, Instant.now());
          assertThat(status(id)).isEqualTo("COMPLETED");
        });
  }

  @Test
  void aTransactionInsideTheListenersIsNotTakenForTheListeners() {
    withPublication(
        publication -> {
          UUID id = publication.getIdentifier();
          repository.markProcessing(id);
          TransactionTemplate inner = new TransactionTemplate(transactions);
          inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
          long listenersTransaction =
              listener(
                  () -> {
                    inner.executeWithoutResult(
                        status -> jdbc.sql("select 1").query().singleValue());
                    assertThat(status(id)).isEqualTo("PUBLISHED");
                  });
          assertThat(writtenBy(id)).isEqualTo(listenersTransaction);
          repository.markCompleted(id, Instant.now());
        });
  }

  /** Runs the test with a new publication, deleted afterwards. */
  private void withPublication(Consumer<TargetEventPublication> test) {
    TargetEventPublication publication =
        TargetEventPublication.of(
            new UjiEvent("uji " + UUID.randomUUID()),
            PublicationTargetIdentifier.of("uji.Listener.on(uji.Event)"),
            Instant.now());
    repository.create(publication);
    try {
      test.accept(publication);
    } finally {
      jdbc.sql("delete from event_publication where id = ?")
          .param(publication.getIdentifier())
          .update();
    }
  }

  /**
   * Runs the work in a transaction of its own, as Spring Modulith runs a module's listener; returns
   * the transaction's id.
   */
  private long listener(Runnable work) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    template.setName(LISTENER);
    return template.execute(
        status -> {
          work.run();
          return jdbc.sql("select txid_current() % 4294967296").query(Long.class).single();
        });
  }

  /** The id of the transaction that last wrote the publication's row. */
  private long writtenBy(UUID id) {
    return jdbc.sql("select xmin::text::bigint from event_publication where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private boolean completed(UUID id) {
    return jdbc.sql("select completion_date is not null from event_publication where id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  private String status(UUID id) {
    return jdbc.sql("select status from event_publication where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
