package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * The registry's repository without the "processing" mark: that mark reaches the database no more,
 * everything else does, with the repository's own answers and failures.
 */
class EventPublicationMarksTests {

  EventPublicationRepository repository = mock(EventPublicationRepository.class);
  EventPublicationMarks marks = new EventPublicationMarks();
  EventPublicationRepository wrapped =
      (EventPublicationRepository) marks.postProcessAfterInitialization(repository, "repository");

  @Test
  void theProcessingMarkIsLeftOutTheOtherMarksAreMade() {
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    when(repository.markResubmitted(id, now)).thenReturn(false);

    wrapped.markProcessing(id);
    wrapped.markCompleted(id, now);
    wrapped.markFailed(id);

    verify(repository, never()).markProcessing(any());
    verify(repository).markCompleted(id, now);
    verify(repository).markFailed(id);
    // a default method of the interface reaches the repository's own answer
    assertThat(wrapped.markResubmitted(id, now)).isFalse();
    verify(repository).markResubmitted(id, now);
  }

  @Test
  void theRepositorysFailuresComeThroughAsTheyAre() {
    when(repository.findIncompletePublications()).thenThrow(new IllegalStateException("mati"));

    assertThatThrownBy(wrapped::findIncompletePublications)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mati");
  }

  @Test
  void aRepositoryIsWrappedOnceAndOtherBeansNot() {
    assertThat(marks.postProcessAfterInitialization(wrapped, "again")).isSameAs(wrapped);
    Object other = new Object();
    assertThat(marks.postProcessAfterInitialization(other, "other")).isSameAs(other);
    assertThat(wrapped).isEqualTo(wrapped).isNotEqualTo(repository);
  }
}
