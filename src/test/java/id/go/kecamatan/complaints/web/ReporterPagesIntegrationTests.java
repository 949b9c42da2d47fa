package id.go.kecamatan.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A reporter without an account files a complaint, opens it again, replies and gives feedback. */
@IntegrationTest
class ReporterPagesIntegrationTests {

  static final Pattern CODE = Pattern.compile("(351616-[2-9A-Z]{8})");
  static final Pattern SECRET = Pattern.compile("([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReporterLimits limits;

  String category;

  @BeforeEach
  void category() {
    category =
        jdbc.sql(
                "select c.id from complaint_category c join office o on o.id = c.office_id where o.code = '35.16.16' and c.name = 'Kebersihan dan sampah'")
            .query(UUID.class)
            .single()
            .toString();
  }

  @AfterEach
  void forget() {
    limits.reset();
  }

  Map<String, String> fields(String description, String phone) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("kind", "COMPLAINT");
    f.put("categoryId", category);
    f.put("description", description);
    f.put("place", "Pasar desa");
    f.put("privacy", "RAHASIA");
    f.put("name", "Siti Aminah");
    f.put("phone", phone);
    f.put("email", "");
    f.put("website", "");
    return f;
  }

  @Test
  void aPhotoOver10MegabytesComesBackWithTheMessageAtTheFileAndEverythingTyped() {
    long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();
    String text = "Saluran air tersumbat sejak seminggu " + UUID.randomUUID();
    Map<String, String> f = fields(text, "0812-5555-0177");
    f.put("occurredOn-day", "3");
    f.put("occurredOn-month", "11");
    f.put("occurredOn-year", "2026");
    WebClient.FilePart large =
        new WebClient.FilePart("saluran.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);

    // a cross-site post (no CSRF token) is refused and keeps nothing
    WebClient stranger = new WebClient(port);
    assertThat(stranger.upload("/kecamatan/jetis/pengaduan", "lampiran", f, large).statusCode())
        .isEqualTo(403);
    assertThat(stranger.get("/kecamatan/jetis/pengaduan").body()).doesNotContain(text);

    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    HttpResponse<String> refused =
        browser.upload("/kecamatan/jetis/pengaduan", "lampiran", f, large);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(refused))
        .endsWith("/kecamatan/jetis/pengaduan?terlalu-besar=lampiran");
    HttpResponse<String> back =
        browser.get(WebClient.location(refused).replaceFirst("^https?://[^/]+", ""));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body())
        .contains("Berkas terlalu besar. Setiap berkas paling besar 10 MB")
        .contains("aria-invalid=\"true\"")
        .contains(text)
        .contains("value=\"Pasar desa\"")
        .contains("value=\"Siti Aminah\"")
        .contains("value=\"0812-5555-0177\"")
        .contains("value=\"RAHASIA\" checked")
        .contains(category + "\" selected")
        .containsPattern(
            "name=\"occurredOn-year\"[^>]*value=\"2026\"|value=\"2026\"[^>]*name=\"occurredOn-year\"");
    // only once: opened again, the form is empty
    assertThat(browser.get("/kecamatan/jetis/pengaduan").body()).doesNotContain(text);
    assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aReporterFilesWithAPhotoSeesTheCodeAndSecretOnceAndOpensTheComplaintAgain() {
    WebClient browser = new WebClient(port);
    HttpResponse<String> form = browser.get("/kecamatan/jetis/pengaduan");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Sampaikan pengaduan ke")
        .contains("Kebersihan dan sampah")
        .contains("value=\"RAHASIA\" checked");
    String text = "Sampah menumpuk di pasar " + UUID.randomUUID();
    Map<String, String> filled = fields(text, "0812-5555-0101");
    filled.put("occurredOn-day", "30");
    filled.put("occurredOn-month", "11");
    filled.put("occurredOn-year", "2026");
    HttpResponse<String> sent =
        browser.upload(
            "/kecamatan/jetis/pengaduan",
            "lampiran",
            filled,
            new WebClient.FilePart(
                "sampah.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(60, 40))));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(sent)).endsWith("/pengaduan/terkirim");
    HttpResponse<String> done = browser.get("/pengaduan/terkirim");
    Matcher code = CODE.matcher(done.body());
    Matcher secret = SECRET.matcher(done.body());
    assertThat(code.find()).isTrue();
    assertThat(secret.find()).isTrue();
    assertThat(done.body()).contains("Kunci hanya ditampilkan sekali");
    // shown once: the page again has no secret
    assertThat(browser.get("/pengaduan/terkirim").statusCode()).isEqualTo(302);

    // queued by the complaint's listener after the commit, on its own thread
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from notification where kind = 'complaint.received' and text like ?")
                            .param("%" + code.group(1) + "%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1));

    WebClient other = new WebClient(port);
    assertThat(WebClient.location(other.get("/pengaduan/status/" + code.group(1))))
        .endsWith("/pengaduan/status?kode=" + code.group(1));
    other.get("/pengaduan/status");
    HttpResponse<String> wrong =
        other.post("/pengaduan/status", "kode", code.group(1), "kunci", "0000");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Kode dan kunci tidak cocok");
    HttpResponse<String> opened =
        other.post("/pengaduan/status", "kode", code.group(1), "kunci", secret.group(1));
    assertThat(opened.statusCode()).isEqualTo(302);
    HttpResponse<String> status = other.get("/pengaduan/status/" + code.group(1));
    assertThat(status.body())
        .contains("Diterima")
        .contains("Verifikasi paling lambat")
        .contains(text)
        .contains("Pasar desa · 30 November 2026") // where and when, as the reporter wrote it
        .contains("1 lampiran")
        .doesNotContain("0812-5555-0101");

    WebClient byPhone = new WebClient(port);
    byPhone.get("/pengaduan/status");
    assertThat(
            byPhone.post("/pengaduan/status", "kode", code.group(1), "kunci", "0101").statusCode())
        .isEqualTo(302);
  }

  @Test
  void afterTenWrongKeysTheCodeNoLongerOpensWithPhoneDigitsButStillWithItsSecret() {
    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    String phone = TestPhones.unique("0812");
    HttpResponse<String> sent =
        browser.upload(
            "/kecamatan/jetis/pengaduan",
            "lampiran",
            fields("Lampu jalan mati " + UUID.randomUUID(), phone));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String done = browser.get("/pengaduan/terkirim").body();
    Matcher code = CODE.matcher(done);
    Matcher secret = SECRET.matcher(done);
    assertThat(code.find()).isTrue();
    assertThat(secret.find()).isTrue();
    String digits = phone.substring(phone.length() - 4);

    // someone with the code tries the 10,000 phone digits (20 a minute per address let one
    // address through them in a working day)
    WebClient guesser = new WebClient(port);
    guesser.get("/pengaduan/status");
    int tried = 0;
    for (int n = 0; tried < Complaints.WRONG_KEYS_PER_HOUR; n++) {
      String guess = "%04d".formatted(n);
      if (!guess.equals(digits)) {
        assertThat(guesser.post("/pengaduan/status", "kode", code.group(1), "kunci", guess))
            .extracting(HttpResponse::statusCode)
            .isEqualTo(422);
        tried++;
      }
    }
    HttpResponse<String> right =
        guesser.post("/pengaduan/status", "kode", code.group(1), "kunci", digits);
    assertThat(right.statusCode()).isEqualTo(422);
    assertThat(right.body()).contains("Kode dan kunci tidak cocok");
    assertThat(guesser.get("/pengaduan/status/" + code.group(1)).statusCode()).isEqualTo(302);

    // the reporter still opens it with the secret of the receipt
    WebClient reporter = new WebClient(port);
    reporter.get("/pengaduan/status");
    assertThat(
            reporter
                .post("/pengaduan/status", "kode", code.group(1), "kunci", secret.group(1))
                .statusCode())
        .isEqualTo(302);
    assertThat(reporter.get("/pengaduan/status/" + code.group(1)).body()).contains("Diterima");
  }

  @Test
  void wrongAndHostileInputComesBackWithMessagesAndNothingStored() {
    long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();
    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    Map<String, String> f = fields("<b>x</b>", "abc");
    f.put("categoryId", UUID.randomUUID().toString());
    f.put("occurredOn-day", "31");
    f.put("occurredOn-month", "2");
    f.put("occurredOn-year", "2026");
    f.put("email", "x".repeat(300));
    HttpResponse<String> refused = browser.upload("/kecamatan/jetis/pengaduan", "lampiran", f);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Pilih kategori dari daftar")
        .contains("error-summary")
        .doesNotContain("<b>x</b>")
        .doesNotContain("Pilih berkasnya lagi"); // no file was chosen
    // a photo chosen beside a wrong field: the page says it must be chosen again
    HttpResponse<String> withPhoto =
        browser.upload(
            "/kecamatan/jetis/pengaduan",
            "lampiran",
            f,
            new WebClient.FilePart(
                "jalan.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(60, 80))));
    assertThat(withPhoto.statusCode()).isEqualTo(422);
    assertThat(withPhoto.body())
        .contains("Pilih kategori dari daftar")
        .contains("Berkas yang Anda pilih belum tersimpan")
        .contains("href=\"#lampiran\"");
    Map<String, String> robot = fields("Murah sekali", "");
    robot.put("website", "http://spam.example");
    assertThat(browser.upload("/kecamatan/jetis/pengaduan", "lampiran", robot).statusCode())
        .isEqualTo(422);
    Map<String, String> tooLong = fields("a".repeat(4001), "");
    assertThat(browser.upload("/kecamatan/jetis/pengaduan", "lampiran", tooLong).body())
        .contains("4000");
    assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void oneContactFilingTooOftenIsAskedToWaitButAnotherOnTheSameAddressIsNot() {
    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    String phone = "0813-" + (1000 + (int) (Math.random() * 8999)) + "-0202";
    for (int i = 0; i < 10; i++) {
      assertThat(
              browser
                  .upload(
                      "/kecamatan/jetis/pengaduan",
                      "lampiran",
                      fields("Laporan ke-" + i + " " + UUID.randomUUID(), phone))
                  .statusCode())
          .isEqualTo(302);
    }
    HttpResponse<String> limited =
        browser.upload("/kecamatan/jetis/pengaduan", "lampiran", fields("Sekali lagi", phone));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Terlalu banyak pengaduan");
    assertThat(
            browser
                .upload(
                    "/kecamatan/jetis/pengaduan",
                    "lampiran",
                    fields("Tetangga saya " + UUID.randomUUID(), "0814-1111-0303"))
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void aComplaintAboutAnApplicationStartsFromItsCodeOnTheFormOfItsOffice() {
    String application =
        jdbc.sql(
                "select a.tracking_code from application a join office o on o.id = a.office_id where o.code = '35.16.16' limit 1")
            .query(String.class)
            .single();
    WebClient browser = new WebClient(port);
    HttpResponse<String> redirect = browser.get("/pengaduan/tentang/" + application);
    assertThat(WebClient.location(redirect))
        .endsWith("/kecamatan/jetis/pengaduan?permohonan=" + application);
    assertThat(browser.get("/kecamatan/jetis/pengaduan?permohonan=" + application).body())
        .contains("value=\"" + application + "\"");
    assertThat(browser.get("/pengaduan/tentang/351616-AAAAAAAA").statusCode()).isEqualTo(404);
    // another office's application code is refused on this office's form
    browser.get("/kecamatan/purwokerto-utara/pengaduan");
    Map<String, String> f = fields("Lama sekali " + UUID.randomUUID(), "");
    f.put("applicationCode", application);
    assertThat(browser.upload("/kecamatan/purwokerto-utara/pengaduan", "lampiran", f).body())
        .contains("Kode permohonan tidak dikenal di kecamatan ini");
  }

  @Test
  void unknownOfficesAndCodesAreNotFound() {
    WebClient browser = new WebClient(port);
    assertThat(browser.get("/kecamatan/tidak-ada/pengaduan").statusCode()).isEqualTo(404);
    assertThat(WebClient.location(browser.get("/pengaduan/status/%3Cscript%3E")))
        .endsWith("/pengaduan/status");
  }
}
