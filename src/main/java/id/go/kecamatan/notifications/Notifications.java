package id.go.kecamatan.notifications;

import id.go.kecamatan.notifications.internal.Outbox;
import org.springframework.stereotype.Service;

/**
 * Sends messages to residents and staff, each once. Call {@link #enqueue} inside the transaction
 * that causes the message (an event listener's, for instance): the message is stored with it and
 * sent after it commits; if it rolls back, nothing is sent.
 */
@Service
public class Notifications {

  private final Outbox outbox;

  Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /** What became of a message handed to {@link #enqueue}. */
  public enum Enqueued {
    /** Stored; sent after the transaction commits. */
    QUEUED,
    /** A message with the same channel, recipient and idempotency key was stored before. */
    DUPLICATE,
    /** The address is not an e-mail address or an Indonesian phone number: nothing stored. */
    INVALID_RECIPIENT
  }

  /**
   * Stores the message in the caller's transaction, with the phone number normalised to {@code
   * 62...}. A message whose key was stored before for the same channel and recipient is ignored.
   *
   * @throws IllegalArgumentException when the message itself is malformed: no kind, text or key, a
   *     NUL character, a text over 10,000 characters, an e-mail without a one-line subject
   */
  public Enqueued enqueue(OutgoingMessage message) {
    return outbox.enqueue(message);
  }

  /**
   * Stores the message as {@link #enqueue(OutgoingMessage)} does, with a fallback held back: the
   * same message to another recipient (the resident's e-mail address for a WhatsApp or SMS
   * message), sent only if the message fails for good, and dropped once it was sent. A fallback
   * whose address is not valid is left out.
   *
   * @throws IllegalArgumentException as for {@link #enqueue(OutgoingMessage)}, for either message
   * @throws IllegalStateException outside a transaction (both are stored in the caller's, so the
   *     message cannot fail before its fallback is stored)
   */
  public Enqueued enqueue(OutgoingMessage message, OutgoingMessage fallback) {
    return outbox.enqueue(message, fallback);
  }
}
