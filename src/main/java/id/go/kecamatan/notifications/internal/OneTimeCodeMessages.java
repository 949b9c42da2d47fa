package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.portal.OneTimeCodeRequested;
import id.go.kecamatan.portal.OneTimeCodeRequested.ContactChannel;
import id.go.kecamatan.shared.web.Formats;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the resident portal's sign-in code: by WhatsApp to a phone number (SMS when only SMS has a
 * gateway), by e-mail (with the magic link) to an e-mail address, in the name of the office of the
 * resident's latest application, so it shows in that office's message log (that it was sent, never
 * its text: {@link MessageLog} hides the code and the link from every officer). The message is
 * stored in the transaction that stored the request (a plain listener, not after commit: the code
 * is useless later) and sent once it commits; the key is the request id.
 */
@Component
class OneTimeCodeMessages {

  static final String KIND = "otp";
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Notifications notifications;
  private final MessageSource messages;
  private final Contacts contacts;
  private final java.time.Clock clock;

  OneTimeCodeMessages(
      Notifications notifications,
      MessageSource messages,
      Contacts contacts,
      java.time.Clock clock) {
    this.clock = clock;
    this.notifications = notifications;
    this.messages = messages;
    this.contacts = contacts;
  }

  /** WhatsApp, or SMS when only SMS has a gateway. */
  private Recipient phone(String number) {
    return contacts
        .route(PreferredChannel.WHATSAPP, number, null)
        .map(Contacts.Route::to)
        .orElse(new Recipient(Channel.WHATSAPP, number));
  }

  @EventListener
  @Transactional
  void on(OneTimeCodeRequested event) {
    String until = Formats.time(event.expiresAt(), clock.getZone(), INDONESIAN);
    boolean email = event.channel() == ContactChannel.EMAIL;
    String text =
        email
            ? messages.getMessage(
                "portal.otp.email",
                new Object[] {event.code(), until, event.magicLink()},
                INDONESIAN)
            : messages.getMessage(
                "portal.otp.text", new Object[] {event.code(), until}, INDONESIAN);
    notifications.enqueue(
        new OutgoingMessage(
            event.officeId(),
            KIND,
            email ? new Recipient(Channel.EMAIL, event.contact()) : phone(event.contact()),
            email ? messages.getMessage("portal.otp.subject", null, INDONESIAN) : null,
            text,
            KIND + ":" + event.requestId()));
  }
}
