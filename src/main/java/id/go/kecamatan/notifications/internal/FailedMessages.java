package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.audit.AuditTrail;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office administrator sends a failed message again, typically once the gateway works again or
 * its settings were corrected: the message goes back in the queue and is sent at once after the
 * commit, one more attempt on top of those it had (a failure fails it again, with the new reason).
 * Each resend is audited. A portal sign-in code is never sent again: it expired after ten minutes,
 * and the resident asks for a new one.
 */
public class FailedMessages {

  /** What became of a request to send a message again. */
  public enum Resent {
    /** back in the queue, sent right after the commit */
    RESENT,
    /** no message of the office has this id */
    NOT_FOUND,
    /** the message has not failed (it was sent, is pending, or was put back already) */
    NOT_FAILED,
    /** a sign-in code, useless after its ten minutes */
    SIGN_IN_CODE
  }

  private final NotificationStore store;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  FailedMessages(
      NotificationStore store,
      Outbox outbox,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Sends the office's failed message again. */
  public Resent resend(UUID officeId, UUID id) {
    return transactions.execute(
        tx -> {
          Optional<NotificationStore.Stored> message = store.ofOffice(officeId, id);
          if (message.isEmpty()) {
            return Resent.NOT_FOUND;
          }
          if (message.get().kind().equals(OneTimeCodeMessages.KIND)) {
            return Resent.SIGN_IN_CODE;
          }
          if (!store.requeueFailed(officeId, id, clock.instant())) {
            return Resent.NOT_FAILED;
          }
          audit.record(
              officeId,
              "notification.resent",
              "notification",
              id,
              Map.of("kind", message.get().kind(), "channel", message.get().channel().name()));
          outbox.sendAfterCommit(id);
          return Resent.RESENT;
        });
  }
}
