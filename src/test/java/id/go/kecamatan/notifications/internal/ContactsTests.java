package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Recipient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which channel a resident's message takes, and its e-mail fallback. */
class ContactsTests {

  static final String PHONE = "0812-3456-7890";
  static final String EMAIL = "siti@example.id";

  @Test
  void thePreferredChannelIsUsedWithTheEmailAddressAsFallback() {
    Contacts all = contacts(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS);
    assertThat(route(all, PreferredChannel.WHATSAPP, PHONE, EMAIL))
        .isEqualTo("WHATSAPP 6281234567890 / EMAIL siti@example.id");
    assertThat(route(all, PreferredChannel.SMS, "+62 812 3456 7890", EMAIL))
        .isEqualTo("SMS 6281234567890 / EMAIL siti@example.id");
    assertThat(route(all, PreferredChannel.EMAIL, PHONE, EMAIL)).isEqualTo("EMAIL siti@example.id");
    assertThat(route(all, PreferredChannel.SMS, PHONE, null)).isEqualTo("SMS 6281234567890");
  }

  @Test
  void withoutAChoiceAPhoneGoesByWhatsAppAndOnlyAnEmailByEmail() {
    Contacts all = contacts(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS);
    assertThat(route(all, null, PHONE, EMAIL))
        .isEqualTo("WHATSAPP 6281234567890 / EMAIL siti@example.id");
    assertThat(route(all, null, null, EMAIL)).isEqualTo("EMAIL siti@example.id");
    assertThat(route(all, null, PHONE, null)).isEqualTo("WHATSAPP 6281234567890");
  }

  @Test
  void aChannelWithoutGatewayGivesWayToEmailThenTheOtherPhoneChannel() {
    assertThat(route(contacts(Channel.EMAIL), PreferredChannel.SMS, PHONE, EMAIL))
        .isEqualTo("EMAIL siti@example.id");
    assertThat(route(contacts(Channel.WHATSAPP), PreferredChannel.SMS, PHONE, EMAIL))
        .isEqualTo("WHATSAPP 6281234567890 / EMAIL siti@example.id");
    assertThat(route(contacts(Channel.SMS), PreferredChannel.WHATSAPP, PHONE, null))
        .isEqualTo("SMS 6281234567890");
    assertThat(route(contacts(Channel.WHATSAPP), PreferredChannel.EMAIL, PHONE, EMAIL))
        .isEqualTo("WHATSAPP 6281234567890 / EMAIL siti@example.id");
  }

  @Test
  void withNothingConfiguredThePreferredChannelGoesToTheLog() {
    Contacts none = contacts();
    assertThat(route(none, PreferredChannel.SMS, PHONE, EMAIL))
        .isEqualTo("SMS 6281234567890 / EMAIL siti@example.id");
    assertThat(route(none, PreferredChannel.EMAIL, PHONE, EMAIL))
        .isEqualTo("EMAIL siti@example.id");
  }

  @Test
  void invalidContactsAreLeftOut() {
    Contacts all = contacts(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS);
    assertThat(route(all, PreferredChannel.WHATSAPP, "12345", EMAIL))
        .isEqualTo("EMAIL siti@example.id");
    assertThat(route(all, PreferredChannel.EMAIL, PHONE, "bukan-email"))
        .isEqualTo("WHATSAPP 6281234567890");
    assertThat(route(all, null, "<script>", "a@b")).isEqualTo("none");
    assertThat(route(all, null, null, null)).isEqualTo("none");
    assertThat(route(all, null, "0812" + "9".repeat(300), "x".repeat(300) + "@example.id"))
        .isEqualTo("none");
  }

  private static String route(
      Contacts contacts, PreferredChannel preferred, String phone, String email) {
    Optional<Contacts.Route> route = contacts.route(preferred, phone, email);
    return route
        .map(r -> text(r.to()) + r.fallback().map(f -> " / " + text(f)).orElse(""))
        .orElse("none");
  }

  private static String text(Recipient r) {
    return r.channel() + " " + r.address();
  }

  private static Contacts contacts(Channel... configured) {
    Map<Channel, MessageGateway> gateways = new EnumMap<>(Channel.class);
    for (Channel channel : configured) {
      gateways.put(
          channel,
          new MessageGateway() {
            @Override
            public Via via() {
              return channel == Channel.EMAIL ? Via.SMTP : Via.HTTP;
            }

            @Override
            public void send(Recipient to, String subject, String text) {}
          });
    }
    return new Contacts(new Gateways(gateways));
  }
}
