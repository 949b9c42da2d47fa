package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.counter.Queue;
import id.go.kecamatan.counter.TicketNearTurn;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Offices;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The message to a queue ticket's holder when their turn is near (ADR 0025), on the phone or e-mail
 * they left at the kiosk or the front office; once per ticket and place (the idempotency key),
 * through the event publication registry like the other resident messages.
 */
@Component
class QueueMessages {

  private final Queue queue;
  private final Offices offices;
  private final Links links;
  private final TemplatedMessages messages;

  QueueMessages(Queue queue, Offices offices, Links links, TemplatedMessages messages) {
    this.queue = queue;
    this.offices = offices;
    this.links = links;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(TicketNearTurn event) {
    queue
        .contact(event.officeId(), event.ticketId())
        .ifPresent(
            c -> {
              Map<String, String> values = new LinkedHashMap<>();
              values.put(Placeholder.OFFICE, offices.get(event.officeId()).displayName());
              values.put(Placeholder.QUEUE_NUMBER, c.label());
              values.put(Placeholder.QUEUE_POSITION, String.valueOf(event.position()));
              values.put(Placeholder.QUEUE_LINK, links.site(c.statusPath()));
              String key =
                  MessageKind.QUEUE_NEAR_TURN.code()
                      + ":"
                      + event.ticketId()
                      + ":"
                      + event.position();
              messages.send(
                  event.officeId(),
                  null,
                  c.phone(),
                  c.email(),
                  MessageKind.QUEUE_NEAR_TURN,
                  values,
                  key);
            });
  }
}
