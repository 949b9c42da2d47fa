package id.go.kecamatan.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code layanan.notifications}. SMTP itself is Spring's {@code spring.mail.*}; a
 * channel without settings delivers to the message log.
 *
 * @param batchSize messages one run of the delivery job sends at most
 * @param email the sender of e-mails
 * @param whatsapp the HTTP gateway for WhatsApp
 * @param sms the HTTP gateway for SMS
 * @param retention how long a sent or failed message is kept after it was written, then deleted
 *     with its attempts (pending messages are never deleted)
 * @param otpRetention the same for the resident portal's sign-in codes (kind {@code otp}), which
 *     are useless ten minutes after they were written; the shorter of the two applies
 */
@ConfigurationProperties("layanan.notifications")
public record NotificationsProperties(
    @DefaultValue("20") int batchSize,
    @DefaultValue Email email,
    @DefaultValue HttpChannel whatsapp,
    @DefaultValue HttpChannel sms,
    @DefaultValue("P180D") Duration retention,
    @DefaultValue("P1D") Duration otpRetention) {

  /**
   * @param from the From address of e-mails; required when {@code spring.mail.host} is set
   */
  public record Email(String from) {}

  /**
   * An HTTP gateway (WhatsApp or SMS), so that the common gateway APIs fit without code.
   *
   * @param url where messages are POSTed; blank: the channel goes to the message log
   * @param authHeader the name of the authentication header, e.g. {@code Authorization}
   * @param authValue its value, e.g. {@code Bearer <token>}; blank: no header
   * @param contentType of the request body: JSON ({@code application/json}) escapes the
   *     placeholders' values for JSON, a form ({@code application/x-www-form-urlencoded}) encodes
   *     them as form values, anything else inserts them as they are
   * @param body the request body with the placeholders {@code {{to}}} (62812...) and {@code
   *     {{text}}}
   * @param successContains when set, a 2xx response counts as accepted only when its body contains
   *     this text (for gateways that answer 200 with {@code "status":false})
   * @param connectTimeout how long connecting may take
   * @param timeout how long the whole request may take
   */
  public record HttpChannel(
      String url,
      @DefaultValue("Authorization") String authHeader,
      String authValue,
      @DefaultValue("application/json") String contentType,
      @DefaultValue("{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}") String body,
      String successContains,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("15s") Duration timeout) {

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
