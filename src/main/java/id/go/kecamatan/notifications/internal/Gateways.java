package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import java.util.EnumMap;
import java.util.Map;

/** The gateway of each channel; a channel with none configured goes to the message log. */
final class Gateways {

  private final Map<Channel, MessageGateway> byChannel = new EnumMap<>(Channel.class);

  Gateways(Map<Channel, MessageGateway> configured) {
    for (Channel channel : Channel.values()) {
      byChannel.put(channel, configured.getOrDefault(channel, new LogGateway()));
    }
  }

  MessageGateway of(Channel channel) {
    return byChannel.get(channel);
  }

  /** Whether the channel has a gateway of its own (not only the message log). */
  boolean configured(Channel channel) {
    return of(channel).via() != MessageGateway.Via.LOG;
  }
}
