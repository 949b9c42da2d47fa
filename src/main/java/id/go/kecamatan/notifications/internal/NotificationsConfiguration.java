package id.go.kecamatan.notifications.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the {@link Outbox}: the delivery's, when it defines one as a component; otherwise the
 * {@link PreviewOutbox} that keeps messages in {@code notification_preview} (the demo and the
 * template preview work without any gateway). Temporary: when the delivery is merged its outbox
 * takes this place and the preview store can go.
 */
@Configuration
class NotificationsConfiguration {

  @Bean
  @ConditionalOnMissingBean(Outbox.class)
  Outbox previewOutbox(JdbcClient jdbc, Clock clock) {
    return new PreviewOutbox(jdbc, clock);
  }
}
