package id.go.kecamatan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Residents for the portal tests: applications in Jetis with a contact of their own, the sign-in
 * code read from the message log, and a browser signed in with it.
 */
public final class PortalResidents {

  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

  private final CaseworkFixtures fixtures;
  private final JdbcClient jdbc;

  public PortalResidents(Applications applications, JdbcClient jdbc) {
    this.fixtures = new CaseworkFixtures(applications, jdbc);
    this.jdbc = jdbc;
  }

  /** A phone number no other test uses, as a resident types it. */
  public static String newPhone() {
    return "0857 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  /** The phone number as messages are addressed: {@code 62857...}. */
  public static String international(String phone) {
    return "62" + phone.replaceAll("[^0-9]", "").substring(1);
  }

  /** The 6-digit code in a sign-in message. */
  public static String codeIn(String text) {
    Matcher matcher = CODE.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  /** An application in Jetis (Surat Keterangan Domisili) with this phone and e-mail address. */
  public Application applyFrom(String phone, String email) {
    return applyFrom("Warga Portal", phone, email);
  }

  public Application applyFrom(String name, String phone, String email) {
    UUID jetis = fixtures.jetis();
    UUID village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    return fixtures.domisiliFrom(jetis, village, name, phone, email);
  }

  /** The text of the latest sign-in message to this recipient, if any. */
  public Optional<String> lastCodeMessage(String recipient) {
    return jdbc.sql(
            """
            select text from notification where kind = 'otp' and recipient = ?
            order by created_at desc limit 1
            """)
        .param(recipient)
        .query(String.class)
        .optional();
  }

  /** The code of the latest sign-in message to this phone number. */
  public String lastCode(String phone) {
    return codeIn(lastCodeMessage(international(phone)).orElseThrow());
  }

  /** Asks for a code on the sign-in page, as a resident does. */
  public HttpResponse<String> askCode(WebClient browser, String contact) {
    browser.get("/masuk-warga");
    return browser.post("/masuk-warga", "kontak", contact);
  }

  /** The browser, signed in to the portal with a code sent to this phone (asserts it worked). */
  public WebClient signIn(WebClient browser, String phone) {
    askCode(browser, phone);
    String code = lastCode(phone);
    browser.get("/masuk-warga/kode");
    assertThat(WebClient.location(browser.post("/masuk-warga/kode", "kode", code)))
        .endsWith("/portal");
    return browser;
  }
}
