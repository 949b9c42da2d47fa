package id.go.kecamatan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.internal.LetterDesk;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal lists each application's letter once issued: a download, or that it was revoked. */
@IntegrationTest
class PortalLettersIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired LetterSigning signing;
  @Autowired LetterDesk desk;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.portal.internal.PortalLimits limits;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    village = fixtures.operatorVillage("desa.jetis");
    limits.reset();
  }

  Application issued(String phone, String name) {
    Application application = fixtures.domisiliFrom(jetis, village, name, phone, null);
    decisions.startReview(jetis, application.id(), "Verifikator Jetis");
    decisions.approve(jetis, application.id(), "Verifikator Jetis");
    assertThat(
            signing
                .sign(
                    fixtures.officer("camat.jetis"),
                    List.of(application.id()),
                    LetterFixtures.PASSPHRASE.toCharArray())
                .value()
                .signed())
        .hasSize(1);
    return application;
  }

  String number(Application application) {
    return jdbc.sql("select number from letter where application_id = ?")
        .param(application.id().value())
        .query(String.class)
        .single();
  }

  @Test
  void anIssuedLetterIsDownloadedFromThePortalAndARevokedOneSaysSo() {
    String phone = PortalResidents.newPhone();
    Application valid = issued(phone, "Warga Surat");
    Application revoked = issued(phone, "Warga Surat");
    Application waiting = fixtures.domisiliFrom(jetis, village, "Warga Surat", phone, null);
    UUID revokedLetter =
        jdbc.sql("select id from letter where application_id = ?")
            .param(revoked.id().value())
            .query(UUID.class)
            .single();
    assertThat(
            desk.revoke(fixtures.officer("admin.jetis"), revokedLetter, "Salah ketik nama pemohon.")
                .ok())
        .isTrue();

    WebClient browser = new PortalResidents(applications, jdbc).signIn(new WebClient(port), phone);
    String portal = browser.get("/portal").body();
    String link = "/status/" + valid.trackingCode().value() + "/surat";
    assertThat(portal)
        .contains("href=\"" + link + "\"")
        .contains("Unduh surat " + number(valid) + " (PDF)")
        .contains("Surat " + number(revoked) + " sudah dicabut")
        .doesNotContain("/status/" + revoked.trackingCode().value() + "/surat")
        .doesNotContain("/status/" + waiting.trackingCode().value() + "/surat");

    HttpResponse<byte[]> pdf = browser.getBytes(link);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    // the portal's status tag and the application's status page say the letter was revoked
    assertThat(portal).contains("Surat dicabut");
    String revokedCode = revoked.trackingCode().value();
    String statusPage = browser.get("/status/" + revokedCode).body();
    assertThat(statusPage)
        .contains("Surat dicabut")
        .contains("Surat Anda sudah dicabut")
        .contains("Salah ketik nama pemohon.")
        .doesNotContain("Surat Anda sudah terbit")
        .doesNotContain("/status/" + revokedCode + "/surat");
    assertThat(browser.get("/status/" + valid.trackingCode().value()).body())
        .contains("Surat Anda sudah terbit")
        .contains("/status/" + valid.trackingCode().value() + "/surat")
        .doesNotContain("dicabut");

    // so does the JSON API's status answer
    String digits = phone.substring(phone.length() - 4);
    String json =
        new WebClient(port)
            .get(
                "/api/v1/applications/" + revokedCode + "?phone=" + digits,
                "Accept",
                "application/json")
            .body();
    assertThat(json).contains("\"letterRevoked\":{").contains("Salah ketik nama pemohon.");
    assertThat(
            new WebClient(port)
                .get(
                    "/api/v1/applications/" + valid.trackingCode().value() + "?phone=" + digits,
                    "Accept",
                    "application/json")
                .body())
        .contains("\"letterRevoked\":null");

    // another browser, not signed in, gets no letter
    assertThat(WebClient.location(new WebClient(port).get(link))).endsWith("/status");
  }
}
