package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome.Status;
import org.springframework.util.ReflectionUtils;

/**
 * Every job locked with ShedLock runs through the lock: the method is called on the lock's proxy
 * (as the scheduler calls it), a run while another node holds the lock does nothing and fails
 * nothing, and a run with the lock free takes it; each is counted as skipped or ran. ShedLock
 * refuses methods returning a primitive value at every call, which kept the rate limit purge from
 * ever running.
 */
@IntegrationTest
class ScheduledJobsIntegrationTests {

  static final String OTHER_NODE = "the-other-node";

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired List<ScheduledTaskHolder> schedulers;
  @Autowired Clock clock;
  @Autowired MeterRegistry registry;

  final List<String> held = new ArrayList<>();

  @AfterEach
  void releaseLocks() {
    held.forEach(this::release);
  }

  @Test
  void everyLockedJobRunsThroughTheLockAndIsSkippedWhileAnotherNodeHoldsIt() throws Exception {
    List<String> jobs = new ArrayList<>();
    for (String beanName : context.getBeanNamesForType(Object.class, false, false)) {
      Object bean = context.getBean(beanName);
      Class<?> type = AopUtils.getTargetClass(bean);
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
        SchedulerLock lock =
            AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
        if (lock == null) {
          continue;
        }
        String job = type.getSimpleName() + "." + method.getName();
        jobs.add(job);
        assertThat(method.getReturnType()).as("%s returns nothing", job).isEqualTo(void.class);
        assertThat(AopUtils.isAopProxy(bean)).as("%s is called through a proxy", job).isTrue();

        holdAsAnotherNode(lock.name());
        double skipped = runs(lock.name(), "skipped");
        Method onProxy = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(onProxy);
        onProxy.invoke(bean);
        assertThat(lockedBy(lock.name()))
            .as("%s left the other node's lock", job)
            .isEqualTo(OTHER_NODE);
        assertThat(runs(lock.name(), "skipped"))
            .as("%s counted as skipped", job)
            .isEqualTo(skipped + 1);
      }
    }
    assertThat(jobs).contains("RateLimits.purgeOnOneNode", "EventPublicationPurge.run");
  }

  @Test
  void theScheduledRateLimitPurgeDeletesFullBucketsOnTheNodeHoldingTheLock() {
    // the scheduler's own task (its runnable wraps the method's and records the outcome)
    Task purge =
        schedulers.stream()
            .flatMap(holder -> holder.getScheduledTasks().stream())
            .map(ScheduledTask::getTask)
            .filter(task -> task.getRunnable().toString().endsWith("RateLimits.purgeOnOneNode"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the rate limit purge is not scheduled"));
    byte[] client = UUID.randomUUID().toString().getBytes();
    jdbc.sql("insert into rate_limit (name, client, tat) values ('uji-purge', ?, ?)")
        .params(client, Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
        .update();

    holdAsAnotherNode("rate-limit-purge");
    purge.getRunnable().run();
    assertThat(purge.getLastExecutionOutcome().status()).isEqualTo(Status.SUCCESS);
    assertThat(fullBuckets(client)).as("skipped while the other node holds the lock").isOne();

    double ran = runs("rate-limit-purge", "ran");
    release("rate-limit-purge");
    purge.getRunnable().run();
    assertThat(purge.getLastExecutionOutcome().status()).isEqualTo(Status.SUCCESS);
    assertThat(fullBuckets(client)).isZero();
    assertThat(lockedBy("rate-limit-purge")).isNotEqualTo(OTHER_NODE);
    assertThat(runs("rate-limit-purge", "ran")).isEqualTo(ran + 1);
  }

  /** The count of {@code layanan.jobs.runs} that the metrics endpoint shows. */
  private double runs(String job, String outcome) {
    Counter counter =
        registry.find("layanan.jobs.runs").tags("job", job, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private int fullBuckets(byte[] client) {
    return jdbc.sql("select count(*) from rate_limit where client = ?")
        .param(client)
        .query(Integer.class)
        .single();
  }

  private void holdAsAnotherNode(String name) {
    held.add(name);
    jdbc.sql(
            """
            insert into shedlock (name, lock_until, locked_at, locked_by)
            values (?, timezone('utc', now()) + interval '1 hour', timezone('utc', now()), ?)
            on conflict (name) do update
              set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
                  locked_by = excluded.locked_by
            """)
        .params(name, OTHER_NODE)
        .update();
  }

  /**
   * Releases the lock as ShedLock does (its row stays: ShedLock remembers which rows it made and
   * only updates those). Its columns hold UTC without a zone (ShedLock's database time is {@code
   * timezone('utc', now())}), whatever the session's zone (the regency's, ADR 0045).
   */
  private void release(String name) {
    jdbc.sql(
            "update shedlock set lock_until = timezone('utc', now()) - interval '1 second'"
                + " where name = ?")
        .param(name)
        .update();
  }

  private String lockedBy(String name) {
    return jdbc.sql("select locked_by from shedlock where name = ?")
        .param(name)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
