package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Notifications.Enqueued;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores messages in the caller's transaction and, once it has committed, has each sent at once on
 * another thread so that residents do not wait for the next delivery job; the job is the safety net
 * for everything a crash, a full queue or a failed attempt leaves pending.
 */
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  static final int MAX_TEXT = 10_000;
  static final int MAX_SUBJECT = 200;
  private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

  private final NotificationStore store;
  private final Delivery delivery;
  private final Executor immediate;
  private final Clock clock;

  Outbox(NotificationStore store, Delivery delivery, Executor immediate, Clock clock) {
    this.store = store;
    this.delivery = delivery;
    this.immediate = immediate;
    this.clock = clock;
  }

  /** See {@link id.go.kecamatan.notifications.Notifications#enqueue(OutgoingMessage)}. */
  public Enqueued enqueue(OutgoingMessage message) {
    return enqueue(message, null);
  }

  /**
   * See {@link id.go.kecamatan.notifications.Notifications#enqueue(OutgoingMessage,
   * OutgoingMessage)}; {@code fallback} may be null.
   */
  public Enqueued enqueue(OutgoingMessage message, OutgoingMessage fallback) {
    check(message);
    if (fallback != null) {
      check(fallback);
      // both rows in one transaction: a message the job could fail before its fallback is stored
      // would leave the fallback held for ever
      if (!TransactionSynchronizationManager.isActualTransactionActive()) {
        throw new IllegalStateException("A message with a fallback is enqueued in a transaction");
      }
    }
    Optional<OutgoingMessage> normalised = normalised(message);
    if (normalised.isEmpty()) {
      return Enqueued.INVALID_RECIPIENT;
    }
    Instant now = clock.instant();
    Optional<UUID> stored = store.insert(normalised.get(), now, null);
    if (stored.isEmpty()) {
      return Enqueued.DUPLICATE;
    }
    UUID id = stored.get();
    if (fallback != null) {
      normalised(fallback).ifPresent(held -> store.insert(held, now, id));
    }
    sendAfterCommit(id);
    return Enqueued.QUEUED;
  }

  /**
   * Has the stored message sent at once on another thread after the caller's transaction commits
   * (at once without a transaction); nothing when it rolls back.
   */
  void sendAfterCommit(UUID id) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              sendSoon(id);
            }
          });
    } else {
      sendSoon(id);
    }
  }

  /** The message with its address in stored form; empty when the address is not valid. */
  private static Optional<OutgoingMessage> normalised(OutgoingMessage message) {
    Optional<Recipient> to = Recipients.of(message.to().channel(), message.to().address());
    if (to.isEmpty()) {
      log.warn(
          "Message {} not queued: the {} address is not valid",
          message.kind(),
          message.to().channel());
    }
    return to.map(
        recipient ->
            new OutgoingMessage(
                message.officeId(),
                message.kind(),
                recipient,
                message.subject(),
                message.text(),
                message.idempotencyKey()));
  }

  private void sendSoon(UUID id) {
    try {
      immediate.execute(
          () -> {
            try {
              delivery.sendNow(id);
            } catch (RuntimeException e) {
              log.warn("Sending message {} right after its commit failed; the job retries", id, e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("Message {} left to the delivery job: the send queue is full", id);
    }
  }

  /** A message that breaks these rules is a programming error of the caller. */
  private static void check(OutgoingMessage m) {
    require(m.to() != null && m.to().channel() != null && m.to().address() != null, "recipient");
    require(m.kind() != null && KIND.matcher(m.kind()).matches(), "kind");
    require(
        m.idempotencyKey() != null
            && !m.idempotencyKey().isBlank()
            && m.idempotencyKey().length() <= 200
            && m.idempotencyKey().indexOf('\0') < 0,
        "idempotency key");
    require(
        m.text() != null
            && !m.text().isBlank()
            && m.text().length() <= MAX_TEXT
            && m.text().indexOf('\0') < 0,
        "text");
    if (m.to().channel() == id.go.kecamatan.notifications.Channel.EMAIL) {
      require(
          m.subject() != null
              && !m.subject().isBlank()
              && m.subject().length() <= MAX_SUBJECT
              && m.subject().chars().noneMatch(Character::isISOControl),
          "subject");
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("Not a valid message: " + what);
    }
  }
}
