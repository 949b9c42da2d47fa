package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it, read from the database (so every node shows the same): the
 * messages pending and failed per channel ({@code layanan_notifications{channel,status}}) and the
 * age of the oldest pending one ({@code layanan_notifications_oldest_pending_seconds}; 0 when none
 * is pending). A growing age means messages are not going out. Read at most every ten seconds, in
 * one query, whatever the number of scrapes; never a recipient or text.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private static final Duration FRESH = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Snapshot snapshot;

  private record Snapshot(
      Instant at, Map<Channel, Long> pending, Map<Channel, Long> failed, double oldestSeconds) {}

  OutboxMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      Gauge.builder("layanan.notifications", this, m -> m.read().pending().get(channel))
          .description("Messages in the outbox, by channel and status")
          .tag("channel", channel.name())
          .tag("status", "PENDING")
          .register(registry);
      Gauge.builder("layanan.notifications", this, m -> m.read().failed().get(channel))
          .description("Messages in the outbox, by channel and status")
          .tag("channel", channel.name())
          .tag("status", "FAILED")
          .register(registry);
    }
    Gauge.builder("layanan.notifications.oldest.pending", this, m -> m.read().oldestSeconds())
        .description("Age of the oldest pending message")
        .baseUnit("seconds")
        .register(registry);
  }

  private Snapshot read() {
    Snapshot last = snapshot;
    Instant now = clock.instant();
    if (last != null && last.at().plus(FRESH).isAfter(now)) {
      return last;
    }
    Map<Channel, Long> pending = new EnumMap<>(Channel.class);
    Map<Channel, Long> failed = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      pending.put(channel, 0L);
      failed.put(channel, 0L);
    }
    Instant[] oldest = {null};
    jdbc.sql(
            """
            select channel, status, count(*), min(created_at) from notification
            where status in ('PENDING', 'FAILED') group by channel, status
            """)
        .query(
            rs -> {
              Channel channel = Channel.valueOf(rs.getString(1));
              boolean isPending = "PENDING".equals(rs.getString(2));
              (isPending ? pending : failed).put(channel, rs.getLong(3));
              Timestamp first = rs.getTimestamp(4);
              if (isPending && first != null) {
                Instant at = first.toInstant();
                if (oldest[0] == null || at.isBefore(oldest[0])) {
                  oldest[0] = at;
                }
              }
            });
    double age =
        oldest[0] == null ? 0 : Math.max(0, Duration.between(oldest[0], now).toMillis() / 1000.0);
    Snapshot fresh = new Snapshot(now, pending, failed, age);
    snapshot = fresh;
    return fresh;
  }
}
