package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The body template's placeholders, escaped for the body's content type; bad settings refused. */
class HttpGatewayTests {

  static NotificationsProperties.HttpChannel settings(String contentType, String body) {
    return new NotificationsProperties.HttpChannel(
        "http://127.0.0.1:9/send",
        "Authorization",
        "token",
        contentType,
        body,
        null,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  @Test
  void jsonBodiesGetJsonEscapedValues() {
    HttpGateway gateway =
        new HttpGateway(
            "whatsapp", settings("application/json", "{\"to\":\"{{to}}\",\"m\":\"{{text}}\"}"));
    assertThat(gateway.render("6281234567890", "Kata \"sah\"\nC:\\ {{to}}\u0001"))
        .isEqualTo("{\"to\":\"6281234567890\",\"m\":\"Kata \\\"sah\\\"\\nC:\\\\ {{to}}\\u0001\"}");
  }

  @Test
  void formBodiesGetFormEncodedValues() {
    HttpGateway gateway =
        new HttpGateway(
            "sms", settings("application/x-www-form-urlencoded", "nohp={{to}}&pesan={{text}}"));
    assertThat(gateway.render("6281234567890", "Kode: 123 456 & lain=1"))
        .isEqualTo("nohp=6281234567890&pesan=Kode%3A+123+456+%26+lain%3D1");
  }

  @Test
  void aUrlThatIsNotHttpOrAForbiddenHeaderStopsTheStart() {
    assertThatThrownBy(
            () ->
                new HttpGateway(
                    "sms",
                    new NotificationsProperties.HttpChannel(
                        "file:///etc/passwd",
                        "Authorization",
                        "x",
                        "text/plain",
                        "{{text}}",
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.notifications.sms.url");
    assertThatThrownBy(
            () ->
                new HttpGateway(
                    "sms",
                    new NotificationsProperties.HttpChannel(
                        "https://sms.example.id/send",
                        "Bad Header",
                        "x",
                        "text/plain",
                        "{{text}}",
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("header");
  }
}
