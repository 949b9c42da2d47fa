package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's morning messages (the digest, the signers' notice): each active office's messages of
 * the day in Western Indonesian Time, queued once each (their keys carry the day), one office's
 * trouble logged without keeping the others' messages back.
 */
final class DailyMessages {

  private static final Logger log = LoggerFactory.getLogger(DailyMessages.class);

  private DailyMessages() {}

  /** Queues every active office's messages of today; {@code what} names them in the log. */
  static void forEachOffice(
      Offices offices,
      Clock clock,
      Notifications notifications,
      BiFunction<Office, LocalDate, List<OutgoingMessage>> messages,
      String what) {
    LocalDate today = LocalDate.now(clock);
    for (Office office : offices.activeOffices()) {
      try {
        queue(notifications, messages.apply(office, today));
      } catch (RuntimeException e) {
        log.error("{} of office {} failed", what, office.id(), e);
      }
    }
  }

  /** Queues the messages; returns how many were new (not queued before under their keys). */
  static int queue(Notifications notifications, List<OutgoingMessage> messages) {
    int queued = 0;
    for (OutgoingMessage message : messages) {
      if (notifications.enqueue(message) == Notifications.Enqueued.QUEUED) {
        queued++;
      }
    }
    return queued;
  }
}
