package id.go.kecamatan.shared.db;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the event publication registry's completed publications ({@code event_publication}) once
 * they are older than {@code layanan.events.retention} (7 days by default), every night ({@code
 * layanan.events.purge-cron}, 01:15 Western Indonesian Time), on one node at a time. A completed
 * publication only proves its listener ran; it holds the event as JSON, and some events carry
 * personal data (a draft's phone number and e-mail address, for instance), which should not outlive
 * its use. Incomplete publications (a listener failed or the node died) are never deleted: they are
 * resubmitted.
 */
@Component
class EventPublicationPurge {

  private static final Logger log = LoggerFactory.getLogger(EventPublicationPurge.class);

  private final CompletedEventPublications completed;
  private final Duration retention;

  EventPublicationPurge(
      CompletedEventPublications completed,
      @Value("${layanan.events.retention:P7D}") Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalStateException("layanan.events.retention must be positive: " + retention);
    }
    this.completed = completed;
    this.retention = retention;
  }

  @Scheduled(cron = "${layanan.events.purge-cron:0 15 1 * * *}", zone = "${layanan.time-zone}")
  @SchedulerLock(name = "event-publication-purge", lockAtMostFor = "PT1H")
  void run() {
    completed.deletePublicationsOlderThan(retention);
    log.info("Deleted the event publications completed more than {} ago", retention);
  }
}
