package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.OutgoingMessage;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox while no delivery is wired: keeps each message in {@code notification_preview}, once
 * per channel, recipient and idempotency key, so the demo shows what a resident would receive. The
 * delivery (its outbox, channels and message log) replaces it: {@link NotificationsConfiguration}
 * makes this one only when no other {@link Outbox} exists.
 */
public class PreviewOutbox implements Outbox {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PreviewOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void put(OutgoingMessage message) {
    jdbc.sql(
            """
            insert into notification_preview
              (office_id, kind, channel, recipient, subject, text, idempotency_key, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (channel, recipient, idempotency_key) do nothing
            """)
        .params(
            message.officeId(),
            message.kind(),
            message.to().channel().name(),
            message.to().address(),
            message.subject(),
            message.text(),
            message.idempotencyKey(),
            Timestamp.from(clock.instant()))
        .update();
  }
}
