package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending messages. Each message is sent in its own transaction that holds its row lock
 * ({@code for update skip locked}) while the gateway is called and until the outcome is recorded,
 * so two nodes, or the job and a send right after a commit, never send the same message. Every
 * attempt is recorded; a failed one is retried along the {@link Backoff} budget, a permanent
 * refusal fails at once. A message that fails for good, or still fails after {@link
 * Backoff#FALLBACK_AFTER} attempts, releases its fallback (held back until then), which the next
 * run sends; one that is sent first drops it.
 *
 * <p>At-least-once at one point only: if the process dies after the gateway accepted a message and
 * before the transaction commits, the message is sent again later.
 */
public class Delivery {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  private final NotificationStore store;
  private final Gateways gateways;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batchSize;

  Delivery(
      NotificationStore store,
      Gateways gateways,
      TransactionTemplate transactions,
      Clock clock,
      int batchSize) {
    this.store = store;
    this.gateways = gateways;
    this.transactions = transactions;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Sends up to one batch of due messages; returns how many were attempted. */
  public int sendDue() {
    int attempted = 0;
    while (attempted < batchSize
        && Boolean.TRUE.equals(
            transactions.execute(
                status -> store.lockNextDue(clock.instant()).map(this::attempt).isPresent()))) {
      attempted++;
    }
    return attempted;
  }

  /** Sends this message now if it is still pending, due and not being sent by someone else. */
  public void sendNow(UUID id) {
    transactions.executeWithoutResult(
        status -> store.lockIfDue(id, clock.instant()).ifPresent(this::attempt));
  }

  private boolean attempt(NotificationStore.Pending message) {
    MessageGateway gateway = gateways.of(message.channel());
    int attempts = message.attempts() + 1;
    try {
      gateway.send(
          new Recipient(message.channel(), message.recipient()), message.subject(), message.text());
      store.markSent(message.id(), attempts, clock.instant(), gateway.via());
    } catch (DeliveryException e) {
      failed(message, attempts, Errors.clean(e.getMessage()), e.permanent());
    } catch (RuntimeException e) {
      log.warn("Sending message {} failed unexpectedly", message.id(), e);
      failed(message, attempts, Errors.clean(e.getClass().getSimpleName()), false);
    }
    return true;
  }

  private void failed(
      NotificationStore.Pending message, int attempts, String error, boolean permanent) {
    Instant now = clock.instant();
    Optional<Duration> wait = permanent ? Optional.empty() : Backoff.after(attempts);
    if (wait.isPresent()) {
      store.retryAt(message.id(), attempts, now.plus(wait.get()), now, error);
      if (attempts >= Backoff.FALLBACK_AFTER && store.releaseFallback(message.id(), now) > 0) {
        log.info(
            "Message {} still not sent after {} attempts; its fallback is due now",
            message.id(),
            attempts);
      }
    } else {
      log.warn(
          "Message {} ({}) failed after {} attempts: {}",
          message.id(),
          message.channel(),
          attempts,
          error);
      store.markFailed(message.id(), attempts, now, error);
      if (store.releaseFallback(message.id(), now) > 0) {
        log.info("Message {} failed; its fallback is due now", message.id());
      }
    }
  }
}
