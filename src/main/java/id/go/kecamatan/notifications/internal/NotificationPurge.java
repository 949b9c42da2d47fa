package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.shared.db.Batches;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes sent and failed messages past their {@link MessageRetention} with their attempts, every
 * night by default ({@code layanan.notifications.purge-cron}, 01:30 Western Indonesian Time), on
 * one node of a deployment at a time (ShedLock). Every office's messages alike, by age only;
 * pending messages never. It deletes in batches of {@value #BATCH} rows, each its own statement and
 * transaction, so that a large backlog (the first run, or a long pause) never holds many row locks
 * or one long transaction while the delivery job and the message log work on the same table.
 */
class NotificationPurge {

  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(NotificationPurge.class);

  /** How many rows one run deleted. */
  record Purged(long oneTimeCodes, long messages) {}

  private final NotificationStore store;
  private final MessageRetention retention;
  private final Clock clock;
  private final int batch;

  NotificationPurge(NotificationStore store, MessageRetention retention, Clock clock, int batch) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.batch = batch;
  }

  @Scheduled(
      cron = "${layanan.notifications.purge-cron:0 30 1 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "notification-purge", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  void run() {
    Instant now = clock.instant();
    Purged purged = purge(now);
    // counts only: the messages themselves are personal data and stay out of the log
    log.info(
        "Purged {} sign-in code messages written before {} and {} other sent or failed messages"
            + " written before {}",
        purged.oneTimeCodes(),
        retention.oneTimeCodesBefore(now),
        purged.messages(),
        retention.messagesBefore(now));
  }

  /** Deletes what is past its retention at {@code now}, batch after batch until none is left. */
  Purged purge(Instant now) {
    Instant codesBefore = retention.oneTimeCodesBefore(now);
    Instant messagesBefore = retention.messagesBefore(now);
    return new Purged(
        Batches.untilDone(
            batch, limit -> store.deleteFinishedOneTimeCodesBefore(codesBefore, limit)),
        Batches.untilDone(batch, limit -> store.deleteFinishedBefore(messagesBefore, limit)));
  }
}
