package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.notifications.Channel;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the channels from the settings: e-mail over SMTP when {@code spring.mail.host} is set,
 * WhatsApp and SMS through their HTTP gateways when their URL is set, every other channel to the
 * message log. Sends after commit run on two threads of their own with a bounded queue; what does
 * not fit waits for the delivery job. Sent and failed messages are purged after their {@link
 * MessageRetention}.
 */
@Configuration
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration implements DisposableBean {

  private final ThreadPoolExecutor immediate =
      new ThreadPoolExecutor(
          2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), threads());

  @Bean
  Gateways notificationGateways(
      NotificationsProperties properties, ObjectProvider<JavaMailSender> mail) {
    Map<Channel, MessageGateway> configured = new EnumMap<>(Channel.class);
    JavaMailSender sender = mail.getIfAvailable();
    if (sender != null) {
      String from = properties.email().from();
      if (from == null || from.isBlank()) {
        throw new IllegalStateException(
            "layanan.notifications.email.from is required when spring.mail.host is set");
      }
      configured.put(Channel.EMAIL, new SmtpGateway(sender, from.strip()));
    }
    if (properties.whatsapp().configured()) {
      configured.put(Channel.WHATSAPP, new HttpGateway("whatsapp", properties.whatsapp()));
    }
    if (properties.sms().configured()) {
      configured.put(Channel.SMS, new HttpGateway("sms", properties.sms()));
    }
    return new Gateways(configured);
  }

  @Bean
  NotificationStore notificationStore(JdbcClient jdbc) {
    return new NotificationStore(jdbc);
  }

  @Bean
  Delivery notificationDelivery(
      NotificationStore store,
      Gateways gateways,
      PlatformTransactionManager transactions,
      Clock clock,
      NotificationsProperties properties) {
    return new Delivery(
        store,
        gateways,
        new TransactionTemplate(transactions),
        clock,
        Math.max(1, properties.batchSize()));
  }

  @Bean
  Outbox notificationOutbox(NotificationStore store, Delivery delivery, Clock clock) {
    return new Outbox(store, delivery, immediate, clock);
  }

  @Bean
  FailedMessages failedMessages(
      NotificationStore store,
      Outbox outbox,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    return new FailedMessages(store, outbox, audit, new TransactionTemplate(transactions), clock);
  }

  @Bean
  DeliveryJob notificationDeliveryJob(Delivery delivery) {
    return new DeliveryJob(delivery);
  }

  @Bean
  MessageRetention messageRetention(NotificationsProperties properties) {
    return new MessageRetention(properties.retention(), properties.otpRetention());
  }

  @Bean
  NotificationPurge notificationPurge(
      NotificationStore store, MessageRetention retention, Clock clock) {
    return new NotificationPurge(store, retention, clock, NotificationPurge.BATCH);
  }

  @Bean
  MessageLog messageLog(JdbcClient jdbc) {
    return new MessageLog(jdbc);
  }

  @Override
  public void destroy() throws InterruptedException {
    immediate.shutdown();
    immediate.awaitTermination(10, TimeUnit.SECONDS);
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "notify-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
