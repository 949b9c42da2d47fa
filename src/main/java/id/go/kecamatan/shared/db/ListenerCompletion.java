package id.go.kecamatan.shared.db;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Writes an event publication's completion in its listener's transaction, just before it commits
 * (ADR 0041). Spring Modulith runs a module's listener ({@code @ApplicationModuleListener}, a
 * transaction of its own) between two calls of the registry on the listener's thread: "processing"
 * just before the listener's transaction begins, "completed" (or "failed") after it ended, each in
 * a transaction of its own. Here the first names the publication ({@link #starting}); the next
 * transaction to begin on the thread, the listener's, writes the completion before it commits, so
 * the listener's work and its completion are committed together or not at all; after the commit the
 * registry's "completed" finds it written ({@link #alreadyCompleted}) and writes nothing. Only a
 * transaction named after a method annotated {@code @ApplicationModuleListener} is taken (Spring
 * names a method's transaction {@code package.Class.method}): a transaction begun before the
 * listener's by anything else on the thread is left alone, and so is a read-only one (which could
 * not write the completion).
 *
 * <p>A listener that fails rolls its completion back with its work; the registry then marks the
 * publication failed as before, and the resubmission runs it again. A publication named and not
 * followed by a transaction is completed by the registry as before.
 */
@Component
class ListenerCompletion implements TransactionExecutionListener {

  /** The publication whose listener's transaction begins next on this thread. */
  private static final ThreadLocal<UUID> STARTING = new ThreadLocal<>();

  /** The publication whose listener's transaction committed its completion on this thread. */
  private static final ThreadLocal<UUID> COMPLETED = new ThreadLocal<>();

  /** Whether a transaction's name is a module listener's, by name: as many as there are methods. */
  private static final Map<String, Boolean> LISTENERS = new ConcurrentHashMap<>();

  private final ObjectProvider<EventPublicationRepository> repository;
  private final Clock clock;

  ListenerCompletion(
      ObjectProvider<EventPublicationRepository> repository, ObjectProvider<Clock> clock) {
    this.repository = repository;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  static void starting(UUID publication) {
    STARTING.set(publication);
    COMPLETED.remove();
  }

  /** True (once) when this publication's completion was committed with its listener's work. */
  static boolean alreadyCompleted(UUID publication) {
    STARTING.remove();
    UUID completed = COMPLETED.get();
    COMPLETED.remove();
    return completed != null && completed.equals(publication);
  }

  static void clear() {
    STARTING.remove();
    COMPLETED.remove();
  }

  /** Whether the transaction is a module listener's, by its name ({@code package.Class.method}). */
  static boolean isModuleListener(String transactionName) {
    return transactionName != null
        && LISTENERS.computeIfAbsent(transactionName, ListenerCompletion::namesModuleListener);
  }

  private static boolean namesModuleListener(String transactionName) {
    int dot = transactionName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String name = transactionName.substring(dot + 1);
    try {
      Class<?> type =
          ClassUtils.forName(
              transactionName.substring(0, dot), ListenerCompletion.class.getClassLoader());
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method method : c.getDeclaredMethods()) {
          if (method.getName().equals(name)
              && AnnotatedElementUtils.hasAnnotation(method, ApplicationModuleListener.class)) {
            return true;
          }
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    return false;
  }

  @Override
  public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
    UUID publication = STARTING.get();
    if (publication == null
        || beginFailure != null
        || !transaction.isNewTransaction()
        || transaction.isReadOnly()
        || !TransactionSynchronizationManager.isSynchronizationActive()
        || !isModuleListener(transaction.getTransactionName())) {
      return;
    }
    STARTING.remove();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            repository.getObject().markCompleted(publication, clock.instant());
          }

          @Override
          public void afterCommit() {
            COMPLETED.set(publication);
          }
        });
  }
}
