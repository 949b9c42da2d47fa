package id.go.kecamatan.portal;

import static id.go.kecamatan.portal.PortalResidents.codeIn;
import static id.go.kecamatan.portal.PortalResidents.international;
import static id.go.kecamatan.portal.PortalResidents.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.portal.internal.Contact;
import id.go.kecamatan.portal.internal.PortalLimits;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.RateLimit;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The resident portal over HTTP: the same answer for a known and an unknown contact, the code read
 * from the message log, wrong, expired, reused, fifth and sixth codes, a code used from another
 * browser, the magic link, rate limits, only the contact's own applications, status pages opened
 * without the digits, sign-out here and everywhere, and hostile input.
 */
@IntegrationTest
class PortalIntegrationTests {

  private static final Pattern LINK = Pattern.compile("(http://\\S+/masuk-warga/tautan/\\S+)");

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;
  @Autowired PublicAddress site;

  PortalResidents residents;

  @BeforeEach
  void setUp() {
    residents = new PortalResidents(applications, jdbc);
    limits.reset();
  }

  @Test
  void aKnownAndAnUnknownContactGetTheSameAnswerAndOnlyTheKnownOneAMessage() {
    String known = newPhone();
    String unknown = newPhone();
    Application application = residents.applyFrom(known, null);

    WebClient first = new WebClient(port);
    HttpResponse<String> knownAnswer = residents.askCode(first, known);
    WebClient second = new WebClient(port);
    HttpResponse<String> unknownAnswer = residents.askCode(second, unknown);

    assertThat(knownAnswer.statusCode()).isEqualTo(unknownAnswer.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(knownAnswer))
        .isEqualTo(WebClient.location(unknownAnswer))
        .endsWith("/masuk-warga/kode");
    String knownPage = first.get("/masuk-warga/kode").body();
    String unknownPage = second.get("/masuk-warga/kode").body();
    // each page names its own number as a resident writes it, and nothing else differs
    String knownShown = Contact.parse(known).orElseThrow().shown();
    String unknownShown = Contact.parse(unknown).orElseThrow().shown();
    assertThat(knownPage).contains("Jika " + knownShown + " tercantum di permohonan");
    assertThat(knownPage.replace(knownShown, "X").replaceAll("_csrf\" value=\"[^\"]*", ""))
        .isEqualTo(unknownPage.replace(unknownShown, "X").replaceAll("_csrf\" value=\"[^\"]*", ""));
    assertThat(knownPage).contains("kami sudah mengirim kode masuk");

    String message = residents.lastCodeMessage(international(known)).orElseThrow();
    assertThat(message).contains("Kode masuk portal warga Anda").doesNotContain("tautan");
    assertThat(residents.lastCodeMessage(international(unknown))).isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    select office_id from notification where kind = 'otp' and recipient = ?
                    """)
                .param(international(known))
                .query(UUID.class)
                .single())
        .isEqualTo(application.officeId());
  }

  @Test
  void theRightCodeOpensThePortalWithOnlyTheContactsApplicationsAndTheirStatusPages() {
    String phone = newPhone();
    Application one = residents.applyFrom(phone, null);
    Application two = residents.applyFrom(phone.replace(" ", "-"), null);
    Application someoneElse = residents.applyFrom(newPhone(), null);

    WebClient browser = residents.signIn(new WebClient(port), phone);
    String portal = browser.get("/portal").body();

    assertThat(portal)
        .contains("Permohonan saya")
        .contains(one.trackingCode().value())
        .contains(two.trackingCode().value())
        .doesNotContain(someoneElse.trackingCode().value());
    HttpResponse<String> status = browser.get("/status/" + one.trackingCode().value());
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains(one.trackingCode().value());
    assertThat(WebClient.location(browser.get("/status/" + someoneElse.trackingCode().value())))
        .contains("/status?kode=");
  }

  @Test
  void wrongExpiredReusedAndSixthCodesAreRefusedWithClearMessages() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient browser = new WebClient(port);
    residents.askCode(browser, phone);
    String code = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());
    String wrong = code.equals("000000") ? "111111" : "000000";

    HttpResponse<String> first = browser.post("/masuk-warga/kode", "kode", wrong);
    assertThat(first.statusCode()).isEqualTo(422);
    assertThat(first.body()).contains("Kode masuk salah. Anda masih dapat mencoba 4 kali lagi.");
    for (int i = 3; i >= 1; i--) {
      assertThat(browser.post("/masuk-warga/kode", "kode", wrong).body())
          .contains("mencoba " + i + " kali lagi");
    }
    HttpResponse<String> fifth = browser.post("/masuk-warga/kode", "kode", wrong);
    assertThat(fifth.statusCode()).isEqualTo(422);
    assertThat(fifth.body()).contains("Kode masuk salah terlalu sering").doesNotContain("0 kali");
    HttpResponse<String> sixth = browser.post("/masuk-warga/kode", "kode", code);
    assertThat(sixth.statusCode()).isEqualTo(422);
    assertThat(sixth.body())
        .contains("Kode masuk salah terlalu sering")
        .contains("walaupun benar")
        .contains("Minta kode baru");
    assertThat(browser.get("/portal").headers().firstValue("location")).isPresent();

    // expired: a new request whose ten minutes are over
    residents.askCode(browser, phone);
    String second = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());
    jdbc.sql(
            """
            update portal_code_request set expires_at = now() - interval '1 second'
            where contact = ? and used_at is null and attempts = 0
            """)
        .param(international(phone))
        .update();
    HttpResponse<String> expired = browser.post("/masuk-warga/kode", "kode", second);
    assertThat(expired.statusCode()).isEqualTo(422);
    assertThat(expired.body())
        .contains("Kode masuk sudah kedaluwarsa: kode hanya berlaku 10 menit")
        .contains("Minta kode baru");

    // reused: signed in, then the same code again in the same browser
    residents.askCode(browser, phone);
    String third = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());
    browser.get("/masuk-warga/kode");
    assertThat(WebClient.location(browser.post("/masuk-warga/kode", "kode", third)))
        .endsWith("/portal");
    HttpResponse<String> reused = browser.post("/masuk-warga/kode", "kode", third);
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.body())
        .contains("Kode masuk ini sudah dipakai, dan Anda sudah masuk di browser ini.")
        .contains("href=\"/portal\"");
    assertThat(
            jdbc.sql("select count(*) from portal_session where contact = ?")
                .param(international(phone))
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void aCodeIsUsedOnceEvenWhenItsRequestIsKept() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient browser = new WebClient(port);
    residents.askCode(browser, phone);
    String code = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());
    UUID request =
        jdbc.sql("select id from portal_code_request where contact = ? order by created_at desc")
            .param(international(phone))
            .query(UUID.class)
            .list()
            .get(0);
    jdbc.sql("update portal_code_request set used_at = now() where id = ?").param(request).update();
    assertThat(browser.post("/masuk-warga/kode", "kode", code).body())
        .contains("Kode masuk ini sudah dipakai, dan setiap kode hanya dapat dipakai sekali.")
        .contains("Minta kode baru")
        .doesNotContain("href=\"/portal\"");
  }

  @Test
  void anotherBrowserCannotUseTheCode() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient asking = new WebClient(port);
    residents.askCode(asking, phone);
    String code = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());

    WebClient other = new WebClient(port);
    other.get("/masuk-warga");
    HttpResponse<String> stolen = other.post("/masuk-warga/kode", "kode", code);
    assertThat(stolen.statusCode()).isEqualTo(400);
    assertThat(stolen.body()).contains("tidak berlaku di browser ini");
    assertThat(WebClient.location(other.get("/portal"))).contains("/masuk-warga");

    asking.get("/masuk-warga/kode");
    assertThat(WebClient.location(asking.post("/masuk-warga/kode", "kode", code)))
        .endsWith("/portal");
  }

  @Test
  void anEmailGetsACodeAndAMagicLinkThatWorksOnceInTheAskingBrowser() {
    String email = "Warga." + UUID.randomUUID().toString().substring(0, 8) + "@Contoh.ID";
    Application application = residents.applyFrom(newPhone(), email.toLowerCase());
    WebClient browser = new WebClient(port);
    residents.askCode(browser, email);
    String message = residents.lastCodeMessage(email.toLowerCase()).orElseThrow();
    Matcher link = LINK.matcher(message);
    assertThat(link.find()).as(message).isTrue();
    String path = link.group(1).replaceFirst("^http://[^/]+", "");

    WebClient other = new WebClient(port);
    assertThat(other.get(path).body()).contains("tidak berlaku di browser ini");

    assertThat(WebClient.location(browser.get(path))).endsWith("/portal");
    assertThat(browser.get("/portal").body()).contains(application.trackingCode().value());
    browser.post("/portal/keluar");
    assertThat(browser.get(path).body()).contains("tidak berlaku di browser ini");
  }

  @Test
  void theMagicLinkStartsWithTheSitesPublicAddressNotTheRequestsHost() {
    String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
    residents.applyFrom(newPhone(), email);
    // a deployment with PUBLIC_URL; the request reaches the node under another name, as a forged
    // Host header does (the link then handed the token to that host)
    Object configured = ReflectionTestUtils.getField(site, "configured");
    ReflectionTestUtils.setField(site, "configured", "https://layanan.contoh.go.id");
    try {
      residents.askCode(new WebClient(port), email);
    } finally {
      ReflectionTestUtils.setField(site, "configured", configured);
    }
    assertThat(residents.lastCodeMessage(email).orElseThrow())
        .contains("https://layanan.contoh.go.id/masuk-warga/tautan/")
        .doesNotContain("localhost:" + port + "/masuk-warga");
  }

  @Test
  void aResidentWhoMistypedTheCodeTooOftenCanStillFollowTheLinkInTheSameMessage() {
    String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
    residents.applyFrom(newPhone(), email);
    WebClient browser = new WebClient(port);
    residents.askCode(browser, email);
    String message = residents.lastCodeMessage(email).orElseThrow();
    String code = codeIn(message);
    String wrong = code.equals("000000") ? "111111" : "000000";
    Matcher link = LINK.matcher(message);
    assertThat(link.find()).isTrue();
    for (int i = 0; i < 5; i++) {
      browser.post("/masuk-warga/kode", "kode", wrong);
    }
    assertThat(browser.post("/masuk-warga/kode", "kode", code).body())
        .contains("Kode masuk salah terlalu sering");

    // the link is a secret of its own, far too long to guess: it still signs in, once
    String path = link.group(1).replaceFirst("^http://[^/]+", "");
    assertThat(WebClient.location(browser.get(path))).endsWith("/portal");
    assertThat(browser.get(path).body()).contains("Anda sudah masuk di browser ini");
  }

  @Test
  void anExpiredMagicLinkSaysTheLinkExpiredAndASignedInResidentGoesStraightToThePortal() {
    String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
    residents.applyFrom(newPhone(), email);
    WebClient browser = new WebClient(port);
    residents.askCode(browser, email);
    Matcher link = LINK.matcher(residents.lastCodeMessage(email).orElseThrow());
    assertThat(link.find()).isTrue();
    String path = link.group(1).replaceFirst("^http://[^/]+", "");
    // the ten minutes pass
    jdbc.sql(
            """
            update portal_code_request set expires_at = now() - interval '1 minute'
            where contact = ? and used_at is null
            """)
        .param(email)
        .update();
    HttpResponse<String> expired = browser.get(path);
    assertThat(expired.statusCode()).isEqualTo(422);
    assertThat(expired.body()).contains("Tautan masuk ini sudah kedaluwarsa");
    assertThat(WebClient.location(browser.get("/portal"))).contains("/masuk-warga");

    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient signedIn = residents.signIn(new WebClient(port), phone);
    assertThat(WebClient.location(signedIn.get("/masuk-warga"))).endsWith("/portal");
  }

  @Test
  void codesAreRateLimitedPerContactAndPerAddress() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient browser = new WebClient(port);
    for (int i = 0; i < 3; i++) {
      assertThat(residents.askCode(browser, phone).statusCode()).isEqualTo(302);
    }
    HttpResponse<String> limited = residents.askCode(browser, phone.replace(" ", ""));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    assertThat(limited.body()).contains("Terlalu banyak permintaan kode");
    assertThat(
            jdbc.sql("select count(*) from notification where kind = 'otp' and recipient = ?")
                .param(international(phone))
                .query(Integer.class)
                .single())
        .isEqualTo(3);

    limits.reset();
    for (int i = 0; i < 10; i++) {
      assertThat(residents.askCode(browser, newPhone()).statusCode()).isEqualTo(302);
    }
    assertThat(residents.askCode(browser, newPhone()).statusCode()).isEqualTo(429);
  }

  @Test
  void aStrangerCannotMakeTheOfficeSendOneResidentMoreThanTenCodesAnHour() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient stranger = new WebClient(port);
    int accepted = 0;
    HttpResponse<String> answer = null;
    for (int minute = 0; minute < 5; minute++) {
      // a minute passes: the per-minute buckets are full again, the hour's is not
      ((RateLimit) ReflectionTestUtils.getField(limits, "perContact")).reset();
      ((RateLimit) ReflectionTestUtils.getField(limits, "perAddress")).reset();
      for (int i = 0; i < 3; i++) {
        answer = residents.askCode(stranger, phone);
        if (answer.statusCode() == 302) {
          accepted++;
        }
      }
    }
    assertThat(accepted).isEqualTo(10);
    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.body()).contains("Terlalu banyak permintaan kode");
    assertThat(
            jdbc.sql("select count(*) from notification where kind = 'otp' and recipient = ?")
                .param(international(phone))
                .query(Integer.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void signingOutEverywhereEndsTheOtherDevicesSessionAndItsStatusGrants() {
    String phone = newPhone();
    Application application = residents.applyFrom(phone, null);
    WebClient phoneBrowser = residents.signIn(new WebClient(port), phone);
    limits.reset();
    WebClient laptop = residents.signIn(new WebClient(port), phone);
    phoneBrowser.get("/portal");
    String status = "/status/" + application.trackingCode().value();
    assertThat(phoneBrowser.get(status).statusCode()).isEqualTo(200);

    laptop.get("/portal");
    HttpResponse<String> out = laptop.post("/portal/keluar-semua");
    assertThat(WebClient.location(out)).endsWith("/masuk-warga?keluar-semua");

    assertThat(WebClient.location(phoneBrowser.get("/portal"))).contains("/masuk-warga");
    assertThat(WebClient.location(phoneBrowser.get(status))).contains("/status?kode=");
    assertThat(WebClient.location(laptop.get("/portal"))).contains("/masuk-warga");
    assertThat(laptop.get("/masuk-warga?keluar-semua").body())
        .contains("keluar dari portal warga di semua perangkat");
  }

  @Test
  void everyListedApplicationOfABusyContactOpensFromThePortal() {
    // a village operator's number, given on many residents' applications
    String phone = newPhone();
    List<Application> applied = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      applied.add(residents.applyFrom(phone, null));
    }
    WebClient browser = residents.signIn(new WebClient(port), phone);
    String portal = browser.get("/portal").body();
    for (Application application : List.of(applied.get(0), applied.get(30), applied.get(59))) {
      String code = application.trackingCode().value();
      assertThat(portal).contains("href=\"/status/" + code + "\"");
      HttpResponse<String> status = browser.get("/status/" + code);
      assertThat(status.statusCode()).as(code).isEqualTo(200);
      assertThat(status.body()).contains(code);
    }
  }

  @Test
  void signingOutEndsThisSessionOnly() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient one = residents.signIn(new WebClient(port), phone);
    WebClient two = residents.signIn(new WebClient(port), phone);
    one.get("/portal");
    one.post("/portal/keluar");
    assertThat(WebClient.location(one.get("/portal"))).contains("/masuk-warga");
    assertThat(two.get("/portal").statusCode()).isEqualTo(200);
  }

  @Test
  void anIdleSessionExpires() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient browser = residents.signIn(new WebClient(port), phone);
    jdbc.sql(
            """
            update portal_session set last_seen_at = now() - interval '31 minutes'
            where contact = ?
            """)
        .param(international(phone))
        .update();
    assertThat(WebClient.location(browser.get("/portal"))).endsWith("/masuk-warga?berakhir");
  }

  @Test
  void hostileInputIsRefusedWithAMessageAndEchoedSafely() {
    WebClient browser = new WebClient(port);
    for (String hostile :
        List.of(
            "<script>alert(1)</script>@contoh.id",
            "0812\u00003456",
            "x".repeat(100_000),
            "../../etc/passwd",
            "")) {
      HttpResponse<String> answer = residents.askCode(browser, hostile);
      assertThat(answer.statusCode()).as(hostile.length() + "").isEqualTo(200);
      assertThat(answer.body())
          .contains("Tulis nomor telepon Indonesia")
          .doesNotContain("<script>alert(1)")
          .doesNotContain("x".repeat(300))
          .doesNotContain("\u0000");
    }
    residents.askCode(browser, newPhone());
    for (String code : List.of("<b>1</b>", "12\u00003456", "9".repeat(100_000))) {
      HttpResponse<String> answer = browser.post("/masuk-warga/kode", "kode", code);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("terdiri dari 6 angka").doesNotContain("<b>1</b>");
    }
    assertThat(browser.get("/masuk-warga/tautan/%3Cscript%3E").body())
        .contains("tidak berlaku di browser ini");
  }

  @Test
  void thePagesSpeakEnglishToo() {
    assertThat(new WebClient(port).get("/masuk-warga?lang=en").body())
        .contains("Sign in to the resident portal");
  }

  @Test
  void theTriesLeftReadWellInEnglish() {
    String phone = newPhone();
    residents.applyFrom(phone, null);
    WebClient browser = new WebClient(port);
    browser.get("/masuk-warga?lang=en");
    browser.post("/masuk-warga", "kontak", phone);
    String code = codeIn(residents.lastCodeMessage(international(phone)).orElseThrow());
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 4; i >= 2; i--) {
      assertThat(browser.post("/masuk-warga/kode", "kode", wrong).body())
          .contains("You can try " + i + " more times.");
    }
    assertThat(browser.post("/masuk-warga/kode", "kode", wrong).body())
        .contains("You can try 1 more time.");
  }
}
