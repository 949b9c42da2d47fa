package id.go.kecamatan.application;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges expired drafts with their files, every hour by default ({@code
 * layanan.drafts.purge-cron}); one node of a deployment at a time (ShedLock).
 */
@Component
class DraftPurge {

  private static final Logger log = LoggerFactory.getLogger(DraftPurge.class);

  private final Drafts drafts;
  private final Clock clock;

  DraftPurge(Drafts drafts, Clock clock) {
    this.drafts = drafts;
    this.clock = clock;
  }

  @Scheduled(cron = "${layanan.drafts.purge-cron:0 17 * * * *}")
  @SchedulerLock(name = "draft-purge", lockAtMostFor = "PT30M")
  void run() {
    int purged = drafts.purgeExpired(clock.instant());
    if (purged > 0) {
      log.info("Purged {} expired drafts", purged);
    }
  }
}
