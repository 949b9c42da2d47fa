package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wrong signing passphrases in a row, per signer, in the database so every node agrees: the {@value
 * #MAX_WRONG}th locks signing for {@link #LOCK_DURATION}. Every try is {@linkplain #reserve
 * reserved} by one atomic statement before the passphrase is tested, so tries made in parallel
 * cannot all pass a check made before any of them failed: the {@value #MAX_WRONG}th reservation
 * locks at once, and only a right passphrase lifts the lock early. Written in transactions of their
 * own, so a signing transaction that rolls back does not undo the count.
 */
@Component
public class SigningLockout {

  public static final int MAX_WRONG = 5;

  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  /**
   * A reserved try, counted until it proves right ({@link #succeeded}) or was no try of the
   * passphrase after all ({@link #release}).
   *
   * @param number the tries in a row with this one
   * @param locks the lock this try set as the last one allowed, or {@code null}
   * @param own counted in a transaction of its own; not when the signer's account is not committed
   *     yet (made in the caller's transaction, as by the demo data): then the count lives and dies
   *     with the account
   */
  public record Attempt(UUID officeId, UUID staffId, int number, Instant locks, boolean own) {}

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

  /** Until when the signer is locked, if now. */
  public Optional<Instant> lockedUntil(UUID staffId) {
    return jdbc.sql(
            "select locked_until from signing_lockout where staff_id = ? and locked_until > ?")
        .params(staffId, Timestamp.from(clock.instant()))
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /**
   * @throws SigningLockedException while the signer is locked
   */
  public void check(UUID staffId) {
    lockedUntil(staffId)
        .ifPresent(
            until -> {
              throw new SigningLockedException(until);
            });
  }

  /**
   * Counts a try before the passphrase is tested; the {@value #MAX_WRONG}th in a row locks signing
   * at once (lifted if it proves right).
   *
   * @throws SigningLockedException while the signer is locked
   */
  public Attempt reserve(UUID officeId, UUID staffId) {
    Instant now = clock.instant();
    Timestamp lock = Timestamp.from(now.plus(LOCK_DURATION));
    Attempt attempt;
    try {
      attempt = ownTransaction.execute(status -> reserve(officeId, staffId, now, lock, true));
    } catch (DataIntegrityViolationException e) {
      attempt = reserve(officeId, staffId, now, lock, false);
    }
    if (attempt == null) {
      throw new SigningLockedException(lockedUntil(staffId).orElse(lock.toInstant()));
    }
    return attempt;
  }

  private Attempt reserve(UUID officeId, UUID staffId, Instant now, Timestamp lock, boolean own) {
    return jdbc.sql(
            """
            insert into signing_lockout as l
              (staff_id, office_id, wrong_attempts, locked_until)
            values (:staff, :office, 1, null)
            on conflict (staff_id) do update
              set wrong_attempts =
                    case when l.locked_until is null then l.wrong_attempts + 1 else 1 end,
                  locked_until =
                    case when (case when l.locked_until is null
                                    then l.wrong_attempts + 1 else 1 end) >= :max
                         then cast(:lock as timestamptz) end
              where l.locked_until is null
                 or l.locked_until <= cast(:now as timestamptz)
            returning wrong_attempts, locked_until
            """)
        .param("staff", staffId)
        .param("office", officeId)
        .param("max", MAX_WRONG)
        .param("lock", lock)
        .param("now", Timestamp.from(now))
        .query(
            (rs, i) ->
                new Attempt(
                    officeId,
                    staffId,
                    rs.getInt(1),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                    own))
        .optional()
        .orElse(null);
  }

  /**
   * A reserved try was wrong (it stays counted).
   *
   * @return the exception to throw: {@link WrongPassphraseException}, or {@link
   *     SigningLockedException} when this one locked signing
   */
  public RuntimeException wrongPassphrase(Attempt attempt) {
    if (attempt.locks() == null) {
      return new WrongPassphraseException("Wrong signing passphrase");
    }
    write(
        attempt,
        () ->
            audit.record(
                attempt.officeId(),
                "signing.locked",
                "staff",
                attempt.staffId(),
                Map.of("minutes", LOCK_DURATION.toMinutes())));
    return new SigningLockedException(attempt.locks());
  }

  /** A reserved try was no try of the passphrase (e.g. the service failed): it does not count. */
  public void release(Attempt attempt) {
    write(
        attempt,
        () ->
            jdbc.sql(
                    """
                    update signing_lockout
                    set wrong_attempts = wrong_attempts - 1, locked_until = null
                    where staff_id = ? and wrong_attempts > 0
                      and (locked_until is null or locked_until = cast(? as timestamptz))
                    """)
                .params(
                    attempt.staffId(),
                    attempt.locks() == null ? null : Timestamp.from(attempt.locks()))
                .update());
  }

  /** A right passphrase: the count starts again and a lock set by a try in flight is lifted. */
  public void succeeded(Attempt attempt) {
    write(
        attempt,
        () ->
            jdbc.sql(
                    """
                    update signing_lockout set wrong_attempts = 0, locked_until = null
                    where staff_id = ? and (wrong_attempts > 0 or locked_until is not null)
                    """)
                .param(attempt.staffId())
                .update());
  }

  private void write(Attempt attempt, Runnable work) {
    if (attempt.own()) {
      ownTransaction.executeWithoutResult(status -> work.run());
    } else {
      work.run();
    }
  }
}
