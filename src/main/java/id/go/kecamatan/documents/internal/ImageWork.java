package id.go.kecamatan.documents.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on image work in this process, shared by every request: at most one job per processor
 * core at a time, and together at most a budget of heap for the pixels they hold. A job declares
 * what it will hold before it decodes anything (from the image header) and waits for its share; a
 * job larger than the whole budget runs alone. So four uploads of big photos at once take turns
 * instead of exhausting the heap. Waiting too long is a refusal the user can retry ({@code
 * documents.error.busy}).
 */
final class ImageWork {

  private static final long MEGABYTE = 1024L * 1024;

  private final Semaphore jobs;
  private final Semaphore megabytes;
  private final int budgetMegabytes;
  private final Duration wait;
  private final AtomicInteger heldMegabytes = new AtomicInteger();
  private final AtomicInteger peakMegabytes = new AtomicInteger();

  /**
   * @param jobs how many images may be worked on at once (the processor cores)
   * @param budgetBytes heap all running jobs together may hold for pixels
   * @param wait how long a job waits for its turn before it is refused
   */
  ImageWork(int jobs, long budgetBytes, Duration wait) {
    this.jobs = new Semaphore(Math.max(1, jobs), true);
    this.budgetMegabytes = (int) Math.max(1, budgetBytes / MEGABYTE);
    this.megabytes = new Semaphore(budgetMegabytes, true);
    this.wait = wait;
  }

  /** One job per core and a quarter of the heap: what {@code -Xmx} allows, whatever it is. */
  static ImageWork forThisProcess(int heapPercent) {
    long heap = Runtime.getRuntime().maxMemory();
    return new ImageWork(
        Runtime.getRuntime().availableProcessors(),
        heap / 100 * Math.max(1, Math.min(90, heapPercent)),
        Duration.ofSeconds(30));
  }

  /** A job's turn; closing it gives its share back. */
  final class Permit implements AutoCloseable {
    private final int held;
    private boolean closed;

    private Permit(int held) {
      this.held = held;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        heldMegabytes.addAndGet(-held);
        megabytes.release(held);
        jobs.release();
      }
    }
  }

  /**
   * Waits for a turn for a job holding about {@code bytes} of pixels.
   *
   * @throws Refusal {@code documents.error.busy} when no turn came in time
   */
  Permit enter(long bytes) throws Refusal {
    int wanted = (int) Math.min(budgetMegabytes, Math.max(1, (bytes + MEGABYTE - 1) / MEGABYTE));
    long deadline = System.nanoTime() + wait.toNanos();
    boolean job = false;
    boolean share = false;
    try {
      job = jobs.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
      long left = Math.max(0, deadline - System.nanoTime());
      share = job && megabytes.tryAcquire(wanted, left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (job && !share) {
        jobs.release();
      }
    }
    if (!share) {
      throw new Refusal("documents.error.busy");
    }
    int now = heldMegabytes.addAndGet(wanted);
    peakMegabytes.accumulateAndGet(now, Math::max);
    return new Permit(wanted);
  }

  int budgetMegabytes() {
    return budgetMegabytes;
  }

  /** The most megabytes held at once since start, for tests and for the operator. */
  int peakMegabytes() {
    return peakMegabytes.get();
  }
}
