package id.go.kecamatan.application.internal;

import id.go.kecamatan.application.ApplicationSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the applications submitted on this node ({@code layanan_applications_submitted_total}), by
 * channel only (online, counter, village office): never an office, a service or a person. Counted
 * once the submission has committed.
 */
@Component
class SubmissionMetrics {

  private final MeterRegistry registry;

  SubmissionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  void on(ApplicationSubmitted submitted) {
    Counter counter =
        Counter.builder("layanan.applications.submitted")
            .description("Applications submitted, by channel")
            .tag("channel", submitted.channel().name())
            .register(registry);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              counter.increment();
            }
          });
    } else {
      counter.increment();
    }
  }
}
