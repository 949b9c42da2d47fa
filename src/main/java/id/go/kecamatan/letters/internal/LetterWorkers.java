package id.go.kecamatan.letters.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The threads that lay out, sign and store letters while the signing threads take their numbers: as
 * many as the machine has cores, one pool per process (as the fonts of {@code shared.pdf.PdfFonts}
 * are), so that parallel signing batches share the cores instead of multiplying threads. Idle
 * threads end after a minute; when the queue is full the submitting thread does the work itself.
 */
public final class LetterWorkers {

  /** One per core; a signing batch keeps one letter more than this on its way. */
  public static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private static final ThreadPoolExecutor POOL = pool();

  private LetterWorkers() {}

  /**
   * Runs the work on a letter worker; inside a transaction (the demo data signs its letters in one)
   * on this thread, at once, as a worker's connection would not see the uncommitted rows.
   */
  public static <T> CompletableFuture<T> supply(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor());
  }

  /**
   * Where work chained to a letter's runs: the workers, or inside a transaction this thread, at
   * once (as {@link #supply}); to be asked on the thread that chains it.
   */
  public static Executor executor() {
    return TransactionSynchronizationManager.isActualTransactionActive() ? Runnable::run : POOL;
  }

  private static ThreadPoolExecutor pool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "letter-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            threads,
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
