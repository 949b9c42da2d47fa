package id.go.kecamatan.shared.db;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one node of a deployment at a time: ShedLock keeps the lock in the {@code
 * shedlock} table, timed by the database clock so that nodes with skewed clocks agree.
 *
 * <p>Every node's timer fires a cron job at the same moment. A lock released at the end of a short
 * run would let a node whose timer fired a little later run the job a second time, so a lock is
 * held at least {@code layanan.jobs.lock-at-least-for} (default 20 seconds, far more than the
 * nodes' timers differ and less than any job's period; a job that runs more often names its own):
 * each scheduled run happens once in the deployment. The test profile sets it to zero so that tests
 * may run a job twice in a row.
 */
@Configuration
@EnableSchedulerLock(
    defaultLockAtMostFor = "PT10M",
    defaultLockAtLeastFor = "${layanan.jobs.lock-at-least-for:PT20S}")
class SchedulingConfiguration {

  @Bean
  LockProvider lockProvider(DataSource dataSource, MeterRegistry registry) {
    return new CountedLocks(
        new JdbcTemplateLockProvider(
            JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()),
        registry);
  }
}
