package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.counter.Queue;
import id.go.kecamatan.counter.TicketNearTurn;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
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
  private final MessageTemplates templates;
  private final Links links;
  private final Notifications notifications;
  private final Contacts contacts;

  QueueMessages(
      Queue queue,
      Offices offices,
      MessageTemplates templates,
      Links links,
      Notifications notifications,
      Contacts contacts) {
    this.queue = queue;
    this.offices = offices;
    this.templates = templates;
    this.links = links;
    this.notifications = notifications;
    this.contacts = contacts;
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
              contacts
                  .route(null, c.phone(), c.email())
                  .ifPresent(
                      route ->
                          notifications.enqueue(
                              message(event, route.to(), values, key),
                              route
                                  .fallback()
                                  .map(to -> message(event, to, values, key))
                                  .orElse(null)));
            });
  }

  private OutgoingMessage message(
      TicketNearTurn event, Recipient to, Map<String, String> values, String key) {
    MessageTemplates.Rendered message =
        templates.render(event.officeId(), MessageKind.QUEUE_NEAR_TURN, to.channel(), values);
    return new OutgoingMessage(
        event.officeId(),
        MessageKind.QUEUE_NEAR_TURN.code(),
        to,
        message.subject(),
        message.text(),
        key);
  }
}
