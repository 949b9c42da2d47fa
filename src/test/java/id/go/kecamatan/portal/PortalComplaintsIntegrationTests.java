package id.go.kecamatan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Permohonan saya" lists the resident's complaints beside their applications (found by the contact
 * the resident proved, whatever its spelling), opens them without the secret, and offers "Sampaikan
 * pengaduan tentang permohonan ini" next to each application; another resident's complaint is
 * neither listed nor opened.
 */
@IntegrationTest
class PortalComplaintsIntegrationTests {

  static final Pattern CODE = Pattern.compile("(351616-[2-9A-Z]{8})");

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.portal.internal.PortalLimits limits;

  PortalResidents residents;

  @BeforeEach
  void setUp() {
    residents = new PortalResidents(applications, jdbc);
    limits.reset();
  }

  /** Files a complaint through the public form with this phone, as the reporter typed it. */
  String complain(String text, String phone) {
    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("kind", "COMPLAINT");
    f.put(
        "categoryId",
        jdbc.sql(
                "select c.id from complaint_category c join office o on o.id = c.office_id where o.code = '35.16.16' and c.name = 'Lama pelayanan'")
            .query(UUID.class)
            .single()
            .toString());
    f.put("description", text);
    f.put("privacy", "RAHASIA");
    f.put("phone", phone);
    f.put("website", "");
    assertThat(browser.upload("/kecamatan/jetis/pengaduan", "lampiran", f).statusCode())
        .isEqualTo(302);
    Matcher code = CODE.matcher(browser.get("/pengaduan/terkirim").body());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  @Test
  void thePortalListsAndOpensTheResidentsComplaintsAndLinksEachApplicationToTheForm() {
    String phone = PortalResidents.newPhone();
    Application application = residents.applyFrom(phone, null);
    String digits = phone.replaceAll("[^0-9]", "");
    // typed differently on the complaint form: +62 and dashes
    String mine =
        complain("Antrean di loket lama " + UUID.randomUUID(), "+62-" + digits.substring(1));
    String other = complain("Bukan milik saya " + UUID.randomUUID(), PortalResidents.newPhone());

    WebClient browser = residents.signIn(new WebClient(port), phone);
    HttpResponse<String> home = browser.get("/portal");
    assertThat(home.body())
        .contains("Pengaduan saya")
        .contains(mine)
        .contains("Lama pelayanan")
        .contains("Diterima")
        // a complaint not yet verified shows the verification deadline, not the answer's
        .contains("Verifikasi paling lambat")
        .doesNotContain("Jawaban paling lambat")
        .doesNotContain(other)
        .contains("/pengaduan/tentang/" + application.trackingCode().value())
        .contains("Sampaikan pengaduan tentang permohonan ini");

    // the listed complaint opens without the secret; another one does not
    HttpResponse<String> opened = browser.get("/pengaduan/status/" + mine);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("Antrean di loket lama");
    HttpResponse<String> refused = browser.get("/pengaduan/status/" + other);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(refused)).contains("/pengaduan/status?kode=");

    // the link files a complaint about the application, prefilled
    HttpResponse<String> about =
        browser.get("/pengaduan/tentang/" + application.trackingCode().value());
    assertThat(WebClient.location(about))
        .endsWith("/kecamatan/jetis/pengaduan?permohonan=" + application.trackingCode().value());

    // signed out: the complaint needs its key again
    WebClient stranger = new WebClient(port);
    assertThat(stranger.get("/pengaduan/status/" + mine).statusCode()).isEqualTo(302);
  }
}
