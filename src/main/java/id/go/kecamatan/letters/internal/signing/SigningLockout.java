package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wrong signing passphrases in a row, per signer, in the database so every node agrees: the {@value
 * #MAX_WRONG}th locks signing for {@link #LOCK_DURATION}. Written in a transaction of its own, so a
 * signing transaction that rolls back does not undo the count.
 */
@Component
public class SigningLockout {

  public static final int MAX_WRONG = 5;

  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final AuditTrail audit;

  SigningLockout(
      JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * @throws SigningLockedException while the signer is locked
   */
  public void check(UUID staffId) {
    Instant now = clock.instant();
    jdbc.sql("select locked_until from signing_lockout where staff_id = ? and locked_until > ?")
        .params(staffId, Timestamp.from(now))
        .query(Timestamp.class)
        .optional()
        .ifPresent(
            until -> {
              throw new SigningLockedException(until.toInstant());
            });
  }

  /**
   * Counts a wrong passphrase.
   *
   * @return the exception to throw: {@link WrongPassphraseException}, or {@link
   *     SigningLockedException} when this one locked signing
   */
  public RuntimeException wrongPassphrase(UUID officeId, UUID staffId) {
    Instant until =
        ownTransaction.execute(
            status -> {
              int attempts =
                  jdbc.sql(
                          """
                          insert into signing_lockout (staff_id, office_id, wrong_attempts)
                          values (?, ?, 1)
                          on conflict (staff_id) do update
                            set wrong_attempts = signing_lockout.wrong_attempts + 1
                          returning wrong_attempts
                          """)
                      .params(staffId, officeId)
                      .query(Integer.class)
                      .single();
              if (attempts < MAX_WRONG) {
                return null;
              }
              Instant lockedUntil = clock.instant().plus(LOCK_DURATION);
              jdbc.sql(
                      "update signing_lockout set wrong_attempts = 0, locked_until = ? where staff_id = ?")
                  .params(Timestamp.from(lockedUntil), staffId)
                  .update();
              audit.record(
                  officeId,
                  "signing.locked",
                  "staff",
                  staffId,
                  Map.of("minutes", LOCK_DURATION.toMinutes()));
              return lockedUntil;
            });
    return until == null
        ? new WrongPassphraseException("Wrong signing passphrase")
        : new SigningLockedException(until);
  }

  /** A right passphrase: the count starts again. */
  public void succeeded(UUID staffId) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.sql(
                    """
                    update signing_lockout set wrong_attempts = 0, locked_until = null
                    where staff_id = ? and (wrong_attempts > 0 or locked_until is not null)
                    """)
                .param(staffId)
                .update());
  }
}
