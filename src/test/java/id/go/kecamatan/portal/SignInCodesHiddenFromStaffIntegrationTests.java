package id.go.kecamatan.portal;

import static id.go.kecamatan.portal.PortalResidents.international;
import static id.go.kecamatan.portal.PortalResidents.newPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.portal.internal.PortalLimits;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No officer can read a resident's portal sign-in code or magic link: the office administrator of
 * the resident's office looks at the message log with every filter while the code message is
 * pending and after it went to the log (no gateway in the tests, as in the demo), and sees that a
 * sign-in message was sent but neither its code nor its link. The demo shows the codes on a page of
 * its own that says it exists only in the demo.
 */
@IntegrationTest
class SignInCodesHiddenFromStaffIntegrationTests {

  private static final Pattern LINK = Pattern.compile("(http://\\S+/masuk-warga/tautan/\\S+)");
  private static final List<String> FILTERS =
      List.of("", "PENDING", "SENT", "FAILED", "HELD", "LOG", "otp", "%00");

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;

  PortalResidents residents;

  @BeforeEach
  void setUp() {
    residents = new PortalResidents(applications, jdbc);
    limits.reset();
  }

  @Test
  void theOfficeAdministratorSeesThatACodeWasSentButNeverTheCodeOrTheLink() {
    String phone = newPhone();
    String email = "warga" + ThreadLocalRandom.current().nextInt(1_000_000) + "@contoh.example";
    residents.applyFrom(phone, email);
    residents.askCode(new WebClient(port), phone);
    residents.askCode(new WebClient(port), email);
    String code = residents.lastCode(phone);
    String mailed = residents.lastCodeMessage(email).orElseThrow();
    Matcher link = LINK.matcher(mailed);
    assertThat(link.find()).as(mailed).isTrue();
    String token = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    // while the messages may still be pending, and once both went to the log
    assertNoCodeOnAnyPage(admin, code, token, phone);
    awaitInLog(international(phone));
    awaitInLog(email);
    String log = admin.get("/admin/pesan?status=LOG").body();
    assertThat(log)
        .contains("Kode masuk portal warga ·")
        .contains("Isi pesan kode masuk portal warga tidak ditampilkan");
    assertNoCodeOnAnyPage(admin, code, token, phone);
    assertThat(WebClient.signedIn(port, "admin.purwokertoutara").get("/admin/pesan").body())
        .doesNotContain("Kode masuk portal warga Anda");
  }

  @Test
  void theDemoShowsTheCodeOnAPageThatSaysItExistsOnlyInTheDemo() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient resident = new WebClient(port);
    residents.askCode(resident, phone);
    assertThat(resident.get("/masuk-warga/kode").body())
        .contains("href=\"/demo/kode-masuk\"")
        .contains("Demo: pesan tidak benar-benar dikirim.");

    String page = new WebClient(port).get("/demo/kode-masuk").body();
    String to = international(phone);
    assertThat(page)
        .contains("Halaman ini hanya ada di demo")
        .contains(residents.lastCode(phone))
        .contains("••••••••" + to.substring(to.length() - 4))
        .doesNotContain(to);
  }

  private void assertNoCodeOnAnyPage(WebClient admin, String code, String token, String phone) {
    for (String filter : FILTERS) {
      for (String page : List.of("", "&halaman=2")) {
        String body = admin.get("/admin/pesan?status=" + filter + page).body();
        assertThat(body)
            .as("/admin/pesan?status=%s%s", filter, page)
            .doesNotContain("Kode masuk portal warga Anda")
            .doesNotContain("Resident portal sign-in code")
            .doesNotContain("/masuk-warga/tautan/")
            .doesNotContain(token)
            .doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])|" + phone);
      }
    }
    // the resend button is not offered and refuses a sign-in message by its id
    for (UUID id :
        jdbc.sql("select id from notification where kind = 'otp' and recipient = ?")
            .param(international(phone))
            .query(UUID.class)
            .list()) {
      admin.post("/admin/pesan/" + id + "/kirim-ulang");
      assertThat(admin.get("/admin/pesan").body()).doesNotContain("Kode masuk portal warga Anda");
    }
  }

  private void awaitInLog(String recipient) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                """
                                select coalesce(sent_via, '') from notification
                                where kind = 'otp' and recipient = ?
                                order by created_at desc limit 1
                                """)
                            .param(recipient)
                            .query(String.class)
                            .single())
                    .isEqualTo("LOG"));
  }
}
