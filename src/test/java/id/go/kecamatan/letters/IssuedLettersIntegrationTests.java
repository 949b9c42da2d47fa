package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.LetterFixtures.Issued;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The issued letters over HTTP: the staff list with search and pages, a letter's page, download and
 * print (audited), marking the paper letter collected, revocation (who may, the reason, only once),
 * another office's letters, and the resident's download from the status page.
 */
@IntegrationTest
class IssuedLettersIntegrationTests {

  static final String BASE = "/admin/surat/terbit/";

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  LetterFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new LetterFixtures(applications, decisions, jdbc);
    resetStatusLookups();
  }

  @AfterEach
  void tearDown() {
    resetStatusLookups();
  }

  /** The status look-up allows ten a minute per address; these tests open several. */
  void resetStatusLookups() {
    ReflectionTestUtils.invokeMethod(context.getBean("lookupLimiter"), "reset");
  }

  Issued issued() {
    return fixtures.issue(CaseworkFixtures.unique("Sri"));
  }

  String revocation(Issued letter) {
    return jdbc.sql("select revocation_reason from letter where id = ?")
        .param(letter.id())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** A resident's browser that opened the application with its code and phone digits. */
  WebClient resident(String trackingCode) {
    WebClient browser = new WebClient(port);
    browser.get("/status");
    HttpResponse<String> opened =
        browser.post("/status", "kode", trackingCode.toLowerCase(), "digit", "7890");
    assertThat(WebClient.location(opened)).endsWith("/status/" + trackingCode);
    return browser;
  }

  @Test
  void staffFindLettersByNumberTrackingCodeAndNameStartNewestFirstInPages() {
    String family = "Halaman" + UUID.randomUUID().toString().substring(0, 6);
    Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    List<Issued> letters = new ArrayList<>();
    for (int i = 0; i < 27; i++) {
      letters.add(fixtures.issue(family + " Putra" + i, start.plus(i, ChronoUnit.MINUTES)));
    }
    WebClient front = WebClient.signedIn(port, "loket.jetis");
    assertThat(front.get("/admin").body()).contains("href=\"/admin/surat/terbit\"");
    HttpResponse<String> first = front.get("/admin/surat/terbit?q=" + family.toLowerCase());
    assertThat(first.statusCode()).isEqualTo(200);
    String body = first.body();
    // newest first: the last one issued leads, 25 on the page
    assertThat(body.indexOf(family + " Putra26")).isLessThan(body.indexOf(family + " Putra25"));
    assertThat(body)
        .contains(family + " Putra2<")
        .doesNotContain(family + " Putra1<", family + " Putra0<");
    int rows = body.split("href=\"/admin/surat/terbit/[0-9a-f-]{36}\"", -1).length - 1;
    assertThat(rows).isEqualTo(25);
    java.util.regex.Matcher next =
        java.util.regex.Pattern.compile("href=\"([^\"]*setelah=[^\"]*)\" rel=\"next\"")
            .matcher(body);
    assertThat(next.find()).isTrue();
    HttpResponse<String> second = front.get(next.group(1).replace("&amp;", "&"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body())
        .contains(family + " Putra1<", family + " Putra0<")
        .doesNotContain(family + " Putra2<", "rel=\"next\"");

    Issued one = letters.get(3);
    // by tracking code, typed in lower case
    assertThat(front.get("/admin/surat/terbit?q=" + one.trackingCode().toLowerCase()).body())
        .contains(one.number(), family + " Putra3<");
    // by part of the number
    String numberPart = one.number().substring(0, 10);
    assertThat(front.get("/admin/surat/terbit?q=" + numberPart.replace("/", "%2F")).body())
        .contains(one.number());
    // hostile search text: a page, no error, nothing matched by wildcards
    // (a NUL in a query is refused ahead of every page: ControlCharactersIntegrationTests)
    assertThat(front.get("/admin/surat/terbit?q=%00").statusCode()).isEqualTo(400);
    for (String q : new String[] {"%25", "_", "%3Cscript%3E", "x".repeat(500)}) {
      HttpResponse<String> hostile = front.get("/admin/surat/terbit?q=" + q);
      assertThat(hostile.statusCode()).as(q).isEqualTo(200);
      assertThat(hostile.body()).as(q).doesNotContain("<script>");
    }
    assertThat(front.get("/admin/surat/terbit?q=x%25").body())
        .contains("Tidak ada surat yang cocok");
    // a keyset that is not one is ignored
    assertThat(front.get("/admin/surat/terbit?setelah=bukan_kunci").statusCode()).isEqualTo(200);
  }

  @Test
  void aLettersPageOffersItsLinkDownloadAndPrintAndIsAudited() {
    Issued letter = issued();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    HttpResponse<String> page = verifier.get(BASE + letter.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            letter.number(),
            letter.application().applicant().name(),
            letter.trackingCode(),
            "http://localhost:" + port + "/v/" + letter.code(),
            BASE + letter.id() + "/unduh",
            BASE + letter.id() + "/cetak",
            "Tandai sudah diambil")
        .doesNotContain("/cabut\"");
    assertThat(fixtures.audits(letter.id(), "letter.viewed")).isEqualTo(1);

    HttpResponse<byte[]> download = verifier.getBytes(BASE + letter.id() + "/unduh");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(letter.pdf());
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String safeNumber = letter.number().replace('/', '-');
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            d -> assertThat(d).startsWith("attachment").contains("surat-" + safeNumber + ".pdf"));
    assertThat(fixtures.audits(letter.id(), "letter.downloaded")).isEqualTo(1);

    HttpResponse<byte[]> print = verifier.getBytes(BASE + letter.id() + "/cetak");
    assertThat(print.statusCode()).isEqualTo(200);
    assertThat(print.body()).isEqualTo(letter.pdf());
    assertThat(print.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
    assertThat(fixtures.audits(letter.id(), "letter.printed")).isEqualTo(1);

    // the office admin also sees the revoke link; a resident's browser nothing
    assertThat(WebClient.signedIn(port, "admin.jetis").get(BASE + letter.id()).body())
        .contains(BASE + letter.id() + "/cabut");
    assertThat(new WebClient(port).get(BASE + letter.id()).statusCode()).isEqualTo(302);
    assertThat(WebClient.signedIn(port, "desa.jetis").get(BASE + letter.id()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void markingTheLetterCollectedMovesTheApplicationOnceAndTheResidentSeesIt() {
    Issued letter = issued();
    WebClient front = WebClient.signedIn(port, "loket.jetis");
    front.get(BASE + letter.id());
    HttpResponse<String> collected = front.post(BASE + letter.id() + "/diambil");
    assertThat(collected.statusCode()).isEqualTo(302);
    assertThat(fixtures.status(letter.application())).isEqualTo("COLLECTED");
    assertThat(fixtures.audits(letter.application().id(), "application.collected")).isEqualTo(1);
    HttpResponse<String> after = front.get(BASE + letter.id());
    assertThat(after.body())
        .contains("Surat ditandai sudah diambil", "Sudah diambil")
        .doesNotContain("Tandai sudah diambil</button>");

    // a second officer with the old page: nothing changes, the page says why
    HttpResponse<String> again = front.post(BASE + letter.id() + "/diambil");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(front.get(BASE + letter.id()).body()).contains("tidak sedang menunggu diambil");
    assertThat(fixtures.audits(letter.application().id(), "application.collected")).isEqualTo(1);

    HttpResponse<String> status =
        resident(letter.trackingCode()).get("/status/" + letter.trackingCode());
    assertThat(status.body())
        .contains("Sudah diambil", "/status/" + letter.trackingCode() + "/surat");
  }

  @Test
  void theOfficeAdminRevokesWithAReasonOnceAndForAll() {
    Issued letter = issued();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String url = BASE + letter.id() + "/cabut";
    HttpResponse<String> confirm = admin.get(url);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("tidak dapat dibatalkan", "name=\"alasan\"");

    HttpResponse<String> blank = admin.post(url, "alasan", "   ");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("Wajib diisi", "error-summary");
    HttpResponse<String> tooLong = admin.post(url, "alasan", "a".repeat(501));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("paling banyak 500 karakter");
    HttpResponse<String> markup = admin.post(url, "alasan", "<script>alert(1)</script>");
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body()).doesNotContain("<script>alert");
    assertThat(admin.post(url, "alasan", "Data\u0000palsu").statusCode()).isEqualTo(400);
    assertThat(revocation(letter)).isNull();

    String reason = "Nama pemohon salah ketik; surat pengganti diterbitkan.";
    HttpResponse<String> done = admin.post(url, "alasan", "  " + reason + " ");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(revocation(letter)).isEqualTo(reason);
    assertThat(
            jdbc.sql(
                    "select s.username from letter l join staff s on s.id = l.revoked_by"
                        + " where l.id = ?")
                .param(letter.id())
                .query(String.class)
                .single())
        .isEqualTo("admin.jetis");
    assertThat(fixtures.audits(letter.id(), "letter.revoked")).isEqualTo(1);
    HttpResponse<String> page = admin.get(BASE + letter.id());
    assertThat(page.body()).contains("Surat sudah dicabut.", reason).doesNotContain("/cabut\"");

    // not twice, not undone
    HttpResponse<String> twice = admin.post(url, "alasan", "Alasan lain");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("sudah dicabut sebelumnya");
    assertThat(revocation(letter)).isEqualTo(reason);
    assertThat(fixtures.audits(letter.id(), "letter.revoked")).isEqualTo(1);
    // a revoked letter is not handed over on paper
    admin.post(BASE + letter.id() + "/diambil");
    assertThat(fixtures.status(letter.application())).isEqualTo("ISSUED");
    assertThat(admin.get(BASE + letter.id()).body()).contains("tidak boleh diserahkan");
  }

  @Test
  void onlyTheOfficeAdminRevokesAndOnlyTheirOfficesLetters() {
    Issued letter = issued();
    String url = BASE + letter.id() + "/cabut";
    for (String user : new String[] {"verifikator.jetis", "camat.jetis", "loket.jetis"}) {
      WebClient staff = WebClient.signedIn(port, user);
      staff.get(BASE + letter.id());
      assertThat(staff.post(url, "alasan", "Tidak berwenang").statusCode()).as(user).isEqualTo(403);
      assertThat(staff.get(url).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(revocation(letter)).isNull();

    WebClient other = WebClient.signedIn(port, "admin.batunadua");
    for (String path : new String[] {"", "/unduh", "/cetak", "/cabut"}) {
      assertThat(other.get(BASE + letter.id() + path).statusCode()).as(path).isEqualTo(404);
    }
    other.get("/admin/surat/terbit");
    assertThat(other.post(url, "alasan", "Kantor lain").statusCode()).isEqualTo(404);
    assertThat(other.post(BASE + letter.id() + "/diambil").statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/surat/terbit?q=" + letter.trackingCode()).body())
        .doesNotContain(letter.number());
    assertThat(revocation(letter)).isNull();
    assertThat(fixtures.status(letter.application())).isEqualTo("ISSUED");
    assertThat(fixtures.audits(letter.id(), "letter.viewed")).isEqualTo(3);
    assertThat(fixtures.audits(letter.id(), "letter.downloaded")).isZero();
    // an id that is no id
    assertThat(other.get(BASE + "bukan-id").statusCode()).isIn(400, 404);
  }

  @Test
  void theResidentDownloadsTheLetterOnlyWithTheSessionGrant() {
    Issued letter = issued();
    String url = "/status/" + letter.trackingCode() + "/surat";
    WebClient stranger = new WebClient(port);
    assertThat(WebClient.location(stranger.get(url))).endsWith("/status");
    assertThat(WebClient.location(stranger.get(url.toLowerCase()))).endsWith("/status");
    assertThat(WebClient.location(stranger.get("/status/..%2F..%2Fetc/surat")))
        .doesNotContain("etc");

    // a session that opened another application gets nothing of this one
    Issued another = issued();
    WebClient neighbour = resident(another.trackingCode());
    assertThat(WebClient.location(neighbour.get(url))).endsWith("/status");

    WebClient owner = resident(letter.trackingCode());
    HttpResponse<String> status = owner.get("/status/" + letter.trackingCode());
    assertThat(status.body()).contains("Unduh surat (PDF)", "href=\"" + url + "\"", "kode QR");
    HttpResponse<byte[]> pdf = owner.getBytes(url);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).isEqualTo(letter.pdf());
    assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .startsWith("attachment")
                    .contains("surat-" + letter.number().replace('/', '-') + ".pdf"));
    // the code as typed in lower case is the same application
    assertThat(owner.getBytes(url.toLowerCase()).body()).isEqualTo(letter.pdf());
  }

  @Test
  void aRevokedLetterIsNotServedToTheResident() {
    Issued letter = issued();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(BASE + letter.id() + "/cabut");
    admin.post(BASE + letter.id() + "/cabut", "alasan", "Diganti surat baru.");
    WebClient owner = resident(letter.trackingCode());
    HttpResponse<String> page = owner.get("/status/" + letter.trackingCode() + "/surat");
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("Surat sudah dicabut", "Diganti surat baru.", "Kecamatan Jetis", letter.number())
        .doesNotContain("%PDF");
  }

  @Test
  void theStatusPageOffersTheLetterOnlyWhenIssuedOrCollected() {
    Application submitted =
        fixtures
            .casework()
            .domisili(
                fixtures.jetis(),
                fixtures.casework().operatorVillage("desa.jetis"),
                CaseworkFixtures.unique("Ani"));
    String code = submitted.trackingCode().value();
    WebClient owner = resident(code);
    assertThat(owner.get("/status/" + code).body())
        .doesNotContain("Unduh surat (PDF)", "/status/" + code + "/surat");
    // not yet a letter: back to the status page
    assertThat(WebClient.location(owner.get("/status/" + code + "/surat")))
        .endsWith("/status/" + code);

    // issued on paper only (no electronic letter): the link is there, and says what to do
    Application paper = fixtures.issuedApplication(CaseworkFixtures.unique("Ani"));
    String paperCode = paper.trackingCode().value();
    WebClient paperOwner = resident(paperCode);
    assertThat(paperOwner.get("/status/" + paperCode).body()).contains("Unduh surat (PDF)");
    HttpResponse<String> none = paperOwner.get("/status/" + paperCode + "/surat");
    assertThat(WebClient.location(none)).endsWith("/status/" + paperCode);
    assertThat(paperOwner.get("/status/" + paperCode).body())
        .contains("Tidak ada surat elektronik untuk permohonan ini");
  }

  /**
   * The database's backstop against a number printed twice: a second letter of the office with the
   * same number text in the same year is refused, even from another sequence; another year or
   * another text is accepted.
   */
  @Test
  void aLetterNumberIsPrintedOncePerOfficeAndYear() {
    Issued first = fixtures.issue("Rina Backstop");

    assertThatThrownBy(() -> copy(first, fixtures.issuedApplication("Rina Backstop Dua"), "", 0))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("letter_number_unique");

    assertThat(copy(first, fixtures.issuedApplication("Rina Backstop Tiga"), "-B", 0)).isEqualTo(1);
    assertThat(copy(first, fixtures.issuedApplication("Rina Backstop Empat"), "", 1)).isEqualTo(1);
  }

  /**
   * Inserts a copy of a letter for another application under a sequence of its own, its number text
   * with a suffix and its year moved by some years.
   */
  private int copy(Issued letter, Application application, String suffix, int years) {
    return jdbc.sql(
            """
            insert into letter (id, office_id, application_id, service_id, number, number_scope,
              number_year, number_sequence, verification_code, sha256, pdf, service_name,
              applicant_name, letter_date, signed_at, signed_by, signer_name, signer_nip,
              signer_position, capacity)
            select :id, office_id, :application, service_id, number || :suffix, :scope,
              number_year + :years, number_sequence, :code, sha256, pdf, service_name,
              applicant_name, letter_date, signed_at, signed_by, signer_name, signer_nip,
              signer_position, capacity
            from letter where id = :letter
            """)
        .param("id", UUID.randomUUID())
        .param("application", application.id().value())
        .param("suffix", suffix)
        .param("scope", "UJI-" + UUID.randomUUID().toString().substring(0, 8))
        .param("years", years)
        .param("code", UUID.randomUUID().toString())
        .param("letter", letter.id())
        .update();
  }
}
