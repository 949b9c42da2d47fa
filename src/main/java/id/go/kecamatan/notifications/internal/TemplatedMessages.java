package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sends one message of a kind to a person's contact: routed as {@link Contacts} says, rendered in
 * the office's template for the route's channel, and, when the route has an e-mail fallback, the
 * same values rendered in the e-mail template as the message sent if the first fails for good. The
 * one way the listeners for applications, complaints, bookings, e-KTP cards and queue tickets send
 * to a resident.
 */
@Component
class TemplatedMessages {

  private final Contacts contacts;
  private final MessageTemplates templates;
  private final Notifications notifications;

  TemplatedMessages(Contacts contacts, MessageTemplates templates, Notifications notifications) {
    this.contacts = contacts;
    this.templates = templates;
    this.notifications = notifications;
  }

  /**
   * Enqueues the message under the idempotency key; nothing when neither contact is a valid phone
   * number or e-mail address.
   */
  void send(
      UUID officeId,
      PreferredChannel preferred,
      String phone,
      String email,
      MessageKind kind,
      Map<String, String> values,
      String key) {
    send(officeId, preferred, phone, email, kind, () -> values, key);
  }

  /** The same, the values looked up only when there is someone to send to. */
  void send(
      UUID officeId,
      PreferredChannel preferred,
      String phone,
      String email,
      MessageKind kind,
      Supplier<Map<String, String>> values,
      String key) {
    contacts
        .route(preferred, phone, email)
        .ifPresent(
            route -> {
              Map<String, String> filled = values.get();
              notifications.enqueue(
                  message(officeId, route.to(), kind, filled, key),
                  route
                      .fallback()
                      .map(to -> message(officeId, to, kind, filled, key))
                      .orElse(null));
            });
  }

  private OutgoingMessage message(
      UUID officeId, Recipient to, MessageKind kind, Map<String, String> values, String key) {
    MessageTemplates.Rendered message = templates.render(officeId, kind, to.channel(), values);
    return new OutgoingMessage(officeId, kind.code(), to, message.subject(), message.text(), key);
  }
}
