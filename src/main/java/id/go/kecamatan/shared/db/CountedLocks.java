package id.go.kecamatan.shared.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Counts the runs of the scheduled jobs as the lock decides them: {@code layanan.jobs.runs} with
 * the job's lock name and {@code outcome} {@code ran} (this node took the lock and runs the job) or
 * {@code skipped} (another node holds it). Summed over the nodes, the {@code ran} count is how
 * often a job really ran in the deployment; Spring's own {@code tasks.scheduled.execution} counts
 * skipped runs as well.
 */
final class CountedLocks implements LockProvider {

  private final LockProvider locks;
  private final MeterRegistry registry;

  CountedLocks(LockProvider locks, MeterRegistry registry) {
    this.locks = locks;
    this.registry = registry;
  }

  @Override
  public Optional<SimpleLock> lock(LockConfiguration configuration) {
    Optional<SimpleLock> lock = locks.lock(configuration);
    Counter.builder("layanan.jobs.runs")
        .description("Runs of the scheduled jobs decided by their lock on this node")
        .tag("job", configuration.getName())
        .tag("outcome", lock.isPresent() ? "ran" : "skipped")
        .register(registry)
        .increment();
    return lock;
  }
}
