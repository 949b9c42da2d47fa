package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.OutgoingMessage;

/**
 * Where the messages of this module go to be delivered: the port between the messages (templates,
 * listeners) and the delivery (channels, retries, log). The delivery binds it to its outbox; until
 * then {@link PreviewOutbox} keeps the messages in {@code notification_preview}.
 */
public interface Outbox {

  /**
   * Hands a message over for delivery; a message with an idempotency key already handed over for
   * the same channel and recipient is dropped. Runs in the caller's transaction when there is one.
   */
  void put(OutgoingMessage message);
}
