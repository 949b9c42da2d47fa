package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Recipient;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a resident's messages go to: their phone number by WhatsApp (SMS is the second choice once an
 * SMS gateway is configured; until then WhatsApp only), and their e-mail address as well when they
 * gave one, so a message reaches them when the phone does not. A contact that is not a valid phone
 * number or e-mail address is left out.
 */
final class Contacts {

  private Contacts() {}

  static List<Recipient> of(String phone, String email) {
    List<Recipient> recipients = new ArrayList<>();
    String international = international(phone);
    if (international != null) {
      recipients.add(new Recipient(Channel.WHATSAPP, international));
    }
    if (email != null && email.strip().matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
      if (email.strip().length() <= 254) {
        recipients.add(new Recipient(Channel.EMAIL, email.strip()));
      }
    }
    return recipients;
  }

  /**
   * An Indonesian phone number in international form without the plus ({@code 0812-3456-7890} ->
   * {@code 6281234567890}), or null when it is not one.
   */
  static String international(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[\\s.()-]", "");
    if (!digits.matches("(\\+62|62|0)\\d{6,13}")) {
      return null;
    }
    if (digits.startsWith("+")) {
      return digits.substring(1);
    }
    return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
  }
}
