package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office's decisions on an application, for casework and letters: each a guarded transition of
 * the status machine, stored with an audit record and an {@link ApplicationStatusChanged} event in
 * one transaction. Asking for completion is {@link Completions#requestCompletion}.
 *
 * <p>Two officers deciding on the same application at once: the status is stored only if it is
 * still the one the decision was taken from, so one wins and the other gets an {@link
 * org.springframework.dao.OptimisticLockingFailureException}.
 *
 * <p>Deadlines: an approval or a rejection finishes the application; its moment is stored as {@code
 * finished_at} and whether that day (in the clock's zone) lay on or before the deadline as {@code
 * met_deadline}, in the same transaction.
 */
@Service
public class Decisions {

  /** The longest reason for a rejection. */
  public static final int MAX_REASON = 500;

  private final ApplicationRepository repository;
  private final Applications applications;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Decisions(
      ApplicationRepository repository,
      Applications applications,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.repository = repository;
    this.applications = applications;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * An officer starts checking a submitted application (SUBMITTED -> IN_REVIEW).
   *
   * @param actor the officer's name as the resident will see it
   * @throws NotFoundException when the office has no such application
   * @throws IllegalTransitionException when the status does not allow it
   */
  public Application startReview(UUID officeId, ApplicationId id, String actor) {
    return decide(officeId, id, a -> a.startReview(clock.instant(), actor), Map.of());
  }

  /** The application is approved (IN_REVIEW -> APPROVED); letters take over. */
  public Application approve(UUID officeId, ApplicationId id, String actor) {
    return decide(officeId, id, a -> a.approve(clock.instant(), actor), Map.of());
  }

  /**
   * The application is rejected with a reason the resident reads (SUBMITTED, IN_REVIEW or
   * NEEDS_COMPLETION -> REJECTED).
   *
   * @throws IllegalArgumentException when the reason is blank or longer than {@value MAX_REASON}
   */
  public Application reject(UUID officeId, ApplicationId id, String reason, String actor) {
    if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
      throw new IllegalArgumentException("A reason of 1 to " + MAX_REASON + " characters");
    }
    return decide(officeId, id, a -> a.reject(clock.instant(), reason.strip(), actor), Map.of());
  }

  /**
   * The signer returns an approved application for another review (APPROVED -> IN_REVIEW); it is no
   * longer finished, so its finishing moment is recorded again at the next approval.
   */
  public Application returnForReview(UUID officeId, ApplicationId id, String actor) {
    return decide(officeId, id, a -> a.returnForReview(clock.instant(), actor), Map.of());
  }

  /** The letter or other product was issued (APPROVED -> ISSUED). */
  public Application issue(UUID officeId, ApplicationId id, String actor) {
    return decide(officeId, id, a -> a.issue(clock.instant(), actor), Map.of());
  }

  /** The resident collected the product on paper (ISSUED -> COLLECTED). */
  public Application collect(UUID officeId, ApplicationId id, String actor) {
    return decide(officeId, id, a -> a.collect(clock.instant(), actor), Map.of());
  }

  private Application decide(
      UUID officeId, ApplicationId id, Consumer<Application> transition, Map<String, Object> more) {
    return transactions.execute(
        tx -> {
          Application application =
              repository.find(officeId, id).orElseThrow(NotFoundException::new);
          transition.accept(application);
          List<StatusChange> changes = application.pendingChanges();
          repository.saveChanges(application);
          if (application.status() == ApplicationStatus.APPROVED
              || application.status() == ApplicationStatus.REJECTED) {
            StatusChange last = changes.get(changes.size() - 1);
            LocalDate day = LocalDate.ofInstant(last.at(), clock.getZone());
            repository.markFinished(application, last.at(), !day.isAfter(application.deadline()));
          } else if (changes.stream().anyMatch(c -> c.from() == ApplicationStatus.APPROVED)
              && application.status() == ApplicationStatus.IN_REVIEW) {
            repository.clearFinished(application);
          }
          applications.recordTransitions(application, changes, more);
          return application;
        });
  }
}
