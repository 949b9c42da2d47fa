package id.go.kecamatan.shared.db;

import id.go.kecamatan.application.ApplicationSubmitted;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * For {@link CrashRecoveryIntegrationTests} only: a node started with {@code layanan.test.crash-at}
 * dies like under {@code kill -9} (the JVM halts, no shutdown hook runs) at that point of a
 * submission: {@code before-commit} (its files written, nothing committed) or {@code after-commit}
 * (committed, before any listener of the event ran). Absent in every other context: the property is
 * set nowhere else.
 */
@Component
@ConditionalOnProperty(name = "layanan.test.crash-at")
class CrashPoint {

  static final int EXIT = 137;

  private final String at;

  CrashPoint(org.springframework.core.env.Environment environment) {
    this.at = environment.getRequiredProperty("layanan.test.crash-at");
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void beforeCommit(ApplicationSubmitted event) {
    if (at.equals("before-commit")) {
      Runtime.getRuntime().halt(EXIT);
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void afterCommit(ApplicationSubmitted event) {
    if (at.equals("after-commit")) {
      Runtime.getRuntime().halt(EXIT);
    }
  }
}
