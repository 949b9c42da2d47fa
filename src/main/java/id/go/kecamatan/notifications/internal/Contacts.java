package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.Recipients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a resident's message goes to. The channel the resident preferred (WhatsApp when they chose
 * none and gave a phone number, else e-mail) when its gateway is configured; otherwise the first
 * configured of e-mail and the other phone channel (SMS for WhatsApp and back) for which they gave
 * the contact; with none configured (the demo), the preferred one, which goes to the message log.
 * The e-mail address, when given and not already the channel, is the fallback: sent only if the
 * message fails for good (see {@link Outbox#enqueue(OutgoingMessage, OutgoingMessage)}). A contact
 * that is not a valid phone number or e-mail address is left out.
 */
@Component
class Contacts {

  /** The recipient of a message and, maybe, the e-mail recipient of its fallback. */
  record Route(Recipient to, Optional<Recipient> fallback) {}

  private final Gateways gateways;

  Contacts(Gateways gateways) {
    this.gateways = gateways;
  }

  /** The route of a message to this contact; empty when neither contact is valid. */
  Optional<Route> route(PreferredChannel preferred, String phone, String email) {
    Optional<Recipient> byEmail = Recipients.of(Channel.EMAIL, email);
    List<Recipient> candidates = new ArrayList<>();
    Channel first = channel(preferred, phone, email);
    for (Channel channel : order(first)) {
      Recipients.of(channel, channel == Channel.EMAIL ? email : phone).ifPresent(candidates::add);
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Recipient to =
        candidates.stream()
            .filter(c -> gateways.configured(c.channel()))
            .findFirst()
            .orElse(candidates.get(0));
    return Optional.of(new Route(to, to.channel() == Channel.EMAIL ? Optional.empty() : byEmail));
  }

  private static Channel channel(PreferredChannel preferred, String phone, String email) {
    PreferredChannel chosen =
        preferred != null
            ? preferred
            : PreferredChannel.byDefault(phone, email).orElse(PreferredChannel.WHATSAPP);
    return switch (chosen) {
      case WHATSAPP -> Channel.WHATSAPP;
      case SMS -> Channel.SMS;
      case EMAIL -> Channel.EMAIL;
    };
  }

  /** The preferred channel, then e-mail, then the other phone channel. */
  private static List<Channel> order(Channel first) {
    return switch (first) {
      case WHATSAPP -> List.of(Channel.WHATSAPP, Channel.EMAIL, Channel.SMS);
      case SMS -> List.of(Channel.SMS, Channel.EMAIL, Channel.WHATSAPP);
      case EMAIL -> List.of(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS);
    };
  }
}
