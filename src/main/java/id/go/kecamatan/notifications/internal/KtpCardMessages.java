package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.appointments.KtpCardReady;
import id.go.kecamatan.appointments.KtpCardRecorded;
import id.go.kecamatan.appointments.KtpCards;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Offices;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the holder of an e-KTP card, when a phone number or e-mail address was given, the card's
 * code after the recording and that the card is ready for pick-up, with what to bring. Run after
 * the transaction that published the event, through the event publication registry, like {@link
 * ComplaintMessages}; the key is the kind, the card and (for the pick-up notice) the time of the
 * step.
 */
@Component
class KtpCardMessages {

  private final KtpCards cards;
  private final Offices offices;
  private final Links links;
  private final TemplatedMessages messages;

  KtpCardMessages(KtpCards cards, Offices offices, Links links, TemplatedMessages messages) {
    this.cards = cards;
    this.offices = offices;
    this.links = links;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(KtpCardRecorded event) {
    send(
        event.officeId(),
        event.cardId(),
        MessageKind.KTP_RECORDED,
        MessageKind.KTP_RECORDED.code() + ":" + event.cardId());
  }

  @ApplicationModuleListener
  void on(KtpCardReady event) {
    send(
        event.officeId(),
        event.cardId(),
        MessageKind.KTP_READY,
        MessageKind.KTP_READY.code() + ":" + event.cardId() + ":" + event.at().toEpochMilli());
  }

  private void send(UUID officeId, UUID cardId, MessageKind kind, String key) {
    cards
        .contact(officeId, cardId)
        .ifPresent(
            c -> {
              Map<String, String> values = new LinkedHashMap<>();
              values.put(Placeholder.NAME, c.name());
              values.put(Placeholder.KTP_CODE, c.code());
              values.put(Placeholder.OFFICE, offices.get(officeId).displayName());
              values.put(Placeholder.KTP_LINK, links.ktp(c.code()));
              messages.send(officeId, null, c.phone(), c.email(), kind, values, key);
            });
  }
}
