package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.OutgoingMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The tests' outbox: records every message handed over, in order, and sends nothing. A component of
 * the test classpath, so the shared test context uses it in place of the preview store (or the
 * delivery's outbox, once that is merged).
 */
@Component
@Primary
public class RecordingOutbox implements Outbox {

  private final List<OutgoingMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public void put(OutgoingMessage message) {
    messages.add(message);
  }

  /** The messages recorded so far that match. */
  public List<OutgoingMessage> matching(Predicate<OutgoingMessage> filter) {
    return messages.stream().filter(filter).toList();
  }
}
