package id.go.kecamatan.notifications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The safety net of delivery: every 15 seconds by default ({@code
 * layanan.notifications.delivery-cron}) sends the due pending messages, those whose send after
 * commit did not happen (a crash, a full queue) and those waiting for a retry; one node of a
 * deployment at a time (ShedLock), and row locks keep it apart from the sends after commit.
 */
class DeliveryJob {

  private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

  private final Delivery delivery;

  DeliveryJob(Delivery delivery) {
    this.delivery = delivery;
  }

  @Scheduled(cron = "${layanan.notifications.delivery-cron:*/15 * * * * *}")
  // every 15 seconds: held at least 5 (not the default 20), so the next run is not skipped
  @SchedulerLock(name = "notification-delivery", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
  void run() {
    int attempted = delivery.sendDue();
    if (attempted > 0) {
      log.debug("Delivery job attempted {} messages", attempted);
    }
  }
}
