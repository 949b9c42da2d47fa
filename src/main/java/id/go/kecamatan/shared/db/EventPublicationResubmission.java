package id.go.kecamatan.shared.db;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the event publication registry's incomplete publications to their listeners again: those of
 * a node that died after its transaction committed but before a listener ran (or finished), and
 * those whose listener failed. It runs right after start-up and then every minute ({@code
 * layanan.events.resubmit-every}), on one node at a time (ShedLock), and only takes publications
 * older than {@code layanan.events.resubmit-after} (two minutes by default), so that a listener
 * still running on a live node is not doubled. A publication is resubmitted once per run (the
 * registry marks it RESUBMITTED in one conditional update); one whose resubmission died with its
 * node is marked failed after {@code spring.modulith.events.staleness.resubmitted} and taken by a
 * later run. Listeners must be idempotent: the notifications outbox stores a message once per
 * channel, recipient and idempotency key, so a listener run twice sends one message.
 */
@Component
class EventPublicationResubmission {

  private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

  private final IncompleteEventPublications incomplete;
  private final Duration grace;

  EventPublicationResubmission(
      IncompleteEventPublications incomplete,
      @Value("${layanan.events.resubmit-after:PT2M}") Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalStateException(
          "layanan.events.resubmit-after must not be negative: " + grace);
    }
    this.incomplete = incomplete;
    this.grace = grace;
  }

  @Scheduled(
      fixedDelayString = "${layanan.events.resubmit-every:PT1M}",
      initialDelayString = "${layanan.events.resubmit-first:PT0S}")
  @SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT5M")
  public void run() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(grace);
    } catch (RuntimeException e) {
      // the next run tries again; a database that is down fails the rest of the node anyway
      log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
    }
  }
}
