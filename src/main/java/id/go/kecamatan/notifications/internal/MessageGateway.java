package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Recipient;

/**
 * The one port every channel is sent through: SMTP for e-mail, an HTTP gateway for WhatsApp or SMS,
 * or the message log when nothing is configured for the channel.
 */
public interface MessageGateway {

  /** How a message this gateway accepted is recorded. */
  Via via();

  /**
   * Hands the message over; returns only when the other side accepted it.
   *
   * @param subject the e-mail subject, null for WhatsApp and SMS
   * @throws DeliveryException when it was not accepted, saying whether trying again can help
   */
  void send(Recipient to, String subject, String text) throws DeliveryException;

  /** Where a sent message went. */
  enum Via {
    SMTP,
    HTTP,
    /** No gateway configured: the message is only in the office's message log. */
    LOG
  }
}
