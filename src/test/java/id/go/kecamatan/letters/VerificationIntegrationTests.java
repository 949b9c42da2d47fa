package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.letters.LetterFixtures.Issued;
import id.go.kecamatan.letters.internal.VerificationLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public verification page of the QR code over HTTP: authentic, revoked and unknown letters,
 * hostile codes, the scan count, comparing uploaded files, and the limits per client address.
 */
@IntegrationTest
class VerificationIntegrationTests {

  static final String AUTHENTIC = "Surat asli dan berlaku";
  static final String REVOKED = "Surat ini sudah dicabut";
  static final String UNKNOWN = "Surat tidak dikenal";
  static final String SAME = "Berkas sama persis dengan surat yang diterbitkan.";
  static final String DIFFERENT = "Berkas tidak sama dengan surat yang diterbitkan";

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired VerificationLimiter limiter;
  @Autowired JdbcClient jdbc;

  LetterFixtures fixtures;

  @BeforeEach
  void setUp() {
    limiter.reset();
    fixtures = new LetterFixtures(applications, decisions, jdbc);
  }

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  Issued issued() {
    return fixtures.issue(CaseworkFixtures.unique("Budi"));
  }

  int scans(Issued letter) {
    return jdbc.sql("select scans from letter where id = ?")
        .param(letter.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void anAuthenticLetterShowsItsFactsWithTheNameMasked() {
    Issued letter = fixtures.issue("Budi Santoso " + CaseworkFixtures.unique("Wibowo"));
    HttpResponse<String> page = new WebClient(port).get("/v/" + letter.code());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            AUTHENTIC,
            letter.number(),
            "Surat Keterangan Domisili",
            "Kecamatan Jetis",
            "22 November 2026",
            "Drs. Bambang Wahyudi, M.Si.",
            "Camat Jetis",
            "Bu** Sa***** Wi****",
            letter.sha256(),
            "1 kali",
            "name=\"berkas\"")
        .doesNotContain("Budi Santoso", REVOKED, UNKNOWN);
    // English on request
    assertThat(new WebClient(port).get("/v/" + letter.code() + "?lang=en").body())
        .contains("Genuine and valid letter", "22 November 2026");
  }

  @Test
  void everyGetCountsAScanButAHeadDoesNot() {
    Issued letter = issued();
    WebClient visitor = new WebClient(port);
    visitor.get("/v/" + letter.code());
    visitor.get("/v/" + letter.code());
    assertThat(scans(letter)).isEqualTo(2);
    HttpResponse<String> head = visitor.send("HEAD", "/v/" + letter.code(), "text/plain", "");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(scans(letter)).isEqualTo(2);
    assertThat(visitor.get("/v/" + letter.code()).body()).contains("3 kali");
    assertThat(
            jdbc.sql("select last_scanned_at is not null from letter where id = ?")
                .param(letter.id())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aCodeTypedWithSpacesAndLowerCaseOpensThePage() {
    Issued letter = issued();
    WebClient visitor = new WebClient(port);
    assertThat(visitor.get("/v").statusCode()).isEqualTo(200);
    String typed = letter.code().substring(0, 6).toLowerCase() + "%20" + letter.code().substring(6);
    HttpResponse<String> found = visitor.get("/v?kode=" + typed);
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(found)).endsWith("/v/" + letter.code());
    assertThat(visitor.get("/v?kode=").body()).contains("Masukkan kode verifikasi");
    assertThat(visitor.get("/v?kode=abc").body()).contains("terdiri atas 26 huruf dan angka");
    // a well-formed but unknown code opens the unknown page
    String unknown = VerificationCode.generate(new Random()).value();
    assertThat(WebClient.location(visitor.get("/v?kode=" + unknown))).endsWith("/v/" + unknown);
  }

  @Test
  void unknownAndHostileCodesAreUnknownWithoutAnError() {
    WebClient visitor = new WebClient(port);
    String unknown = VerificationCode.generate(new Random()).value();
    for (String path :
        new String[] {
          "/v/" + unknown,
          "/v/" + unknown.toLowerCase(),
          "/v/%3Cscript%3Ealert(1)%3C",
          "/v/" + "A".repeat(2_000),
          "/v/x%27%20or%201=1--"
        }) {
      HttpResponse<String> page = visitor.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains(UNKNOWN).doesNotContain("<script>alert");
    }
    // path tricks, NUL and a line longer than the server reads are refused before any page
    for (String path :
        new String[] {
          "/v/../../etc/passwd",
          "/v/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "/v/..%2F..%2Fetc",
          "/v/%00",
          "/v/A%00B",
          "/v/" + "A".repeat(10_000)
        }) {
      int status = visitor.get(path).statusCode();
      assertThat(status).as(path.substring(0, Math.min(40, path.length()))).isBetween(400, 404);
    }
    // the form with hostile input: a message, never an error page
    // (a NUL in a query is refused ahead of every page, with a page saying why)
    HttpResponse<String> nul = visitor.get("/v?kode=%00");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.body()).contains("karakter kendali");
    for (String typed : new String[] {"..%2F..%2Fetc", "%3Cb%3Ex%3C%2Fb%3E", "A".repeat(3_000)}) {
      HttpResponse<String> form = visitor.get("/v?kode=" + typed);
      assertThat(form.statusCode()).isEqualTo(200);
      assertThat(form.body()).contains("terdiri atas 26 huruf dan angka").doesNotContain("<b>x");
    }
  }

  @Test
  void theExactPdfIsTheSameAndAnyChangedCopyIsNot() {
    Issued letter = issued();
    WebClient visitor = new WebClient(port);
    String path = "/v/" + letter.code();
    visitor.get(path);
    HttpResponse<String> same =
        visitor.upload(path, "berkas", "surat.pdf", "application/pdf", letter.pdf());
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(same.body()).contains(SAME, AUTHENTIC).doesNotContain(DIFFERENT);

    byte[] oneByte = letter.pdf().clone();
    int middle = oneByte.length / 2;
    oneByte[middle] = (byte) (oneByte[middle] ^ 0x01);
    HttpResponse<String> changed =
        visitor.upload(path, "berkas", "surat.pdf", "application/pdf", oneByte);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains(DIFFERENT).doesNotContain(SAME);

    byte[] resaved = LetterFixtures.resaved(letter.pdf());
    assertThat(Arrays.equals(resaved, letter.pdf())).isFalse();
    assertThat(visitor.upload(path, "berkas", "surat.pdf", "application/pdf", resaved).body())
        .contains(DIFFERENT);
    // another document entirely
    assertThat(
            visitor.upload(path, "berkas", "lain.pdf", "application/pdf", TestFiles.pdf(1)).body())
        .contains(DIFFERENT);
    // comparing is not a scan
    assertThat(scans(letter)).isEqualTo(1);
  }

  @Test
  void wrongEmptyMissingAndOversizedFilesGetClearMessages() {
    Issued letter = issued();
    WebClient visitor = new WebClient(port);
    String path = "/v/" + letter.code();
    visitor.get(path);
    HttpResponse<String> png =
        visitor.upload(
            path, "berkas", "surat.pdf", "application/pdf", TestFiles.png(TestFiles.photo(40, 40)));
    assertThat(png.statusCode()).isEqualTo(400);
    assertThat(png.body())
        .contains("Berkas ini bukan PDF", "error-summary", "aria-invalid=\"true\"");

    HttpResponse<String> empty =
        visitor.upload(path, "berkas", "surat.pdf", "application/pdf", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Berkas yang dipilih kosong");

    HttpResponse<String> none = visitor.upload(path, "berkas", Map.of());
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Pilih berkas PDF surat yang akan dicocokkan");

    byte[] large = new byte[11 * 1024 * 1024];
    System.arraycopy(letter.pdf(), 0, large, 0, letter.pdf().length);
    HttpResponse<String> tooLarge =
        visitor.upload(path, "berkas", "surat.pdf", "application/pdf", large);
    assertThat(tooLarge.statusCode()).isEqualTo(302);
    // the filter names the file's field; the page needs only that the upload was too large
    assertThat(WebClient.location(tooLarge)).endsWith(path + "?terlalu-besar=berkas");
    HttpResponse<String> back = visitor.get(path + "?terlalu-besar=berkas");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("Berkas terlalu besar: paling besar 10 MB");
    // only the first opening was a scan
    assertThat(scans(letter)).isEqualTo(1);
  }

  @Test
  void uploadsAndLookUpsAreLimitedPerClient() {
    Issued letter = issued();
    WebClient visitor = new WebClient(port);
    String path = "/v/" + letter.code();
    visitor.get(path);
    int uploads = 0;
    HttpResponse<String> limited = null;
    for (int i = 0; i < 3 * VerificationLimiter.UPLOADS_PER_MINUTE && limited == null; i++) {
      HttpResponse<String> compared =
          visitor.upload(path, "berkas", "surat.pdf", "application/pdf", letter.pdf());
      if (compared.statusCode() == 429) {
        limited = compared;
      } else {
        assertThat(compared.statusCode()).isEqualTo(200);
        uploads++;
      }
    }
    assertThat(limited).isNotNull();
    assertThat(uploads).isGreaterThanOrEqualTo(VerificationLimiter.UPLOADS_PER_MINUTE);
    assertThat(limited.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
    assertThat(limited.body()).contains("Terlalu banyak permintaan").doesNotContain(SAME);

    // look-ups: a minute's worth, then 429 (the bucket refills while the test runs, by as much
    // as the machine is slow: the bound only stops a loop that is never limited)
    int allowed = 1; // the first opening above
    HttpResponse<String> tooMany = null;
    for (int i = 0; i < 3 * VerificationLimiter.LOOKUPS_PER_MINUTE && tooMany == null; i++) {
      HttpResponse<String> page = visitor.get(i % 2 == 0 ? path : "/v/X" + i);
      if (page.statusCode() == 429) {
        tooMany = page;
      } else {
        assertThat(page.statusCode()).isIn(200, 404);
        allowed++;
      }
    }
    assertThat(tooMany).isNotNull();
    assertThat(allowed).isGreaterThanOrEqualTo(VerificationLimiter.LOOKUPS_PER_MINUTE);
    assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
    assertThat(tooMany.body())
        .contains("Terlalu banyak permintaan")
        .doesNotContain(letter.number());
  }

  @Test
  void aRevokedLetterSaysSoWithDateAndReason() {
    Issued letter = issued();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/surat/terbit/" + letter.id() + "/cabut");
    HttpResponse<String> revoked =
        admin.post(
            "/admin/surat/terbit/" + letter.id() + "/cabut",
            "alasan",
            "Salah ketik nama ayah pada surat.");
    assertThat(revoked.statusCode()).isEqualTo(302);
    HttpResponse<String> page = new WebClient(port).get("/v/" + letter.code());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(REVOKED, "Salah ketik nama ayah pada surat.", "Dicabut pada", letter.number())
        .doesNotContain(AUTHENTIC);
    // the exact file is still recognised, and said to be revoked
    WebClient visitor = new WebClient(port);
    visitor.get("/v/" + letter.code());
    assertThat(
            visitor
                .upload("/v/" + letter.code(), "berkas", "s.pdf", "application/pdf", letter.pdf())
                .body())
        .contains("sudah dicabut dan tidak berlaku");
  }

  @Test
  void aHeadRequestThroughTheJdkClientIsNotCounted() throws Exception {
    Issued letter = issued();
    HttpResponse<Void> head =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v/" + letter.code()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(scans(letter)).isZero();
  }
}
