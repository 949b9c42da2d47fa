package id.go.kecamatan.shared.startup;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A value worked out on a thread of its own, begun when a bean is made, so that the work (a key
 * derivation, a large dataset read) runs beside the rest of the start instead of holding it up; the
 * first use waits for what is left of it. A failure is thrown again at every use.
 */
public final class Prepared<T> {

  private final CompletableFuture<T> value = new CompletableFuture<>();

  private Prepared() {}

  /** Begins the work on a daemon thread with this name. */
  public static <T> Prepared<T> begin(String threadName, Callable<T> work) {
    Prepared<T> prepared = new Prepared<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                prepared.value.complete(work.call());
              } catch (Throwable e) {
                prepared.value.completeExceptionally(e);
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    return prepared;
  }

  /**
   * The value, waiting for the work if it has not ended; the work's unchecked exception as it was
   * thrown, a checked one wrapped in an {@link IllegalStateException}.
   */
  public T get() {
    try {
      return value.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
