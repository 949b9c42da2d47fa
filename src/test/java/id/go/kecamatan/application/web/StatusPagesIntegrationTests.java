package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

/**
 * The resident's status pages through real HTTP, each resident with their own session: look-up, the
 * limit on look-ups, who may open which application, completion and withdrawal, and hostile input.
 * Each test makes its own applications on the demo data.
 */
@IntegrationTest
class StatusPagesIntegrationTests {

  static final String NOT_FOUND = "tidak cocok";

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired Completions completions;
  @Autowired ApplicationRepository repository;
  @Autowired LookupLimiter limiter;
  @Autowired JdbcClient jdbc;

  UUID jetis;
  String village;
  List<UUID> requirements;

  @BeforeEach
  void demo() {
    limiter.reset();
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    requirements =
        jdbc.sql(
                """
                select r.id from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(UUID.class)
            .list();
  }

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  /** A browser with its own session; redirects are not followed. */
  final class Browser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf = "";

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String... fields) {
      StringBuilder body =
          new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      for (int i = 0; i < fields.length; i += 2) {
        body.append('&')
            .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
      }
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A multipart form with the CSRF token and one file per field. */
    HttpResponse<String> upload(String path, String field, String fileName, byte[] bytes) {
      String boundary = "----s" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                  + csrf
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Looks the application up; asserts that it opens. */
    Browser opens(String code) {
      get("/status");
      HttpResponse<String> response = post("/status", "kode", code.toLowerCase(), "digit", "7890");
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(location(response)).isEqualTo("/status/" + code);
      return this;
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(response.body());
        if (m.find()) {
          csrf = m.group(1);
        }
        return response;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElse("");
    return location.replaceFirst("^https?://[^/]+", "");
  }

  Application submitted() {
    Map<String, List<Upload>> files = new HashMap<>();
    requirements.forEach(
        r ->
            files.put(
                r.toString(),
                List.of(
                    new Upload(
                        "ktp.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(TestFiles.pdf(1))))));
    var outcome =
        applications.submit(
            jetis,
            "LEGALISIR",
            new SubmitCommand(
                Channel.ONLINE,
                "3516164101900001",
                "Siti " + UUID.randomUUID().toString().substring(0, 8),
                "Mojokerto",
                "1990-01-01",
                "FEMALE",
                village,
                "Dusun Jetis RT 01 RW 02",
                "0812 3456 7890",
                null,
                null,
                Map.of(
                    "jenis_dokumen", List.of("Surat keterangan"),
                    "jumlah_lembar", List.of("2"),
                    "keperluan", List.of("Melamar kerja")),
                files,
                null));
    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    return outcome.value();
  }

  Application needingCompletion(String reason) {
    return needingCompletion(Map.of(requirements.get(0), reason));
  }

  Application needingCompletion(Map<UUID, String> reasons) {
    Application application = repository.find(jetis, submitted().id()).orElseThrow();
    application.startReview(Instant.now(), "Budi (verifikator)");
    repository.saveChanges(application);
    assertThat(
            completions
                .requestCompletion(jetis, application.id(), reasons, "Budi (verifikator)")
                .ok())
        .isTrue();
    return application;
  }

  ApplicationStatus status(Application application) {
    return tracked.status(application.trackingCode()).orElseThrow().status();
  }

  String field(UUID requirement) {
    return "files[" + requirement + "]";
  }

  @Test
  void theTrackingCodeAndThePhoneDigitsOpenTheStatusPage() {
    Application application = submitted();
    String code = application.trackingCode().value();
    Browser resident = new Browser();

    assertThat(resident.get("/status/" + code).statusCode()).isEqualTo(302);
    assertThat(location(resident.get("/status/" + code))).isEqualTo("/status?kode=" + code);
    HttpResponse<String> form = resident.get("/status?kode=" + code);
    assertThat(form.body()).contains("Cek status permohonan").contains("value=\"" + code + "\"");

    resident.opens(code);
    HttpResponse<String> page = resident.get("/status/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(code)
        .contains("Legalisir")
        .contains("Kecamatan Jetis")
        .contains("Diajukan")
        .contains("Riwayat permohonan")
        .contains("href=\"/status/" + code + "/batalkan\"");
    assertThat(resident.get("/status/" + code + "?lang=en").body()).contains("Application history");
  }

  @Test
  void wrongDigitsAGuessedCodeAndAnotherApplicationsCodeGetOneAndTheSameAnswer() {
    Application mine = submitted();
    Application other = submitted();
    jdbc.sql("update application set phone = '081299990000' where id = ?")
        .param(other.id().value())
        .update();
    Browser resident = new Browser();
    resident.get("/status");
    // a well-formed code of this office with a valid check character, never issued
    String guessed = TrackingCode.generate("35.16.16", new java.util.Random(42)).value();
    List<String[]> attempts =
        List.of(
            new String[] {mine.trackingCode().value(), "7891"},
            new String[] {guessed, "7890"},
            new String[] {"351616-AAAAAAAA", "7890"},
            new String[] {other.trackingCode().value(), "7890"});
    String answer = null;
    for (String[] attempt : attempts) {
      HttpResponse<String> response =
          resident.post("/status", "kode", attempt[0], "digit", attempt[1]);
      assertThat(response.statusCode()).as(attempt[0]).isEqualTo(200);
      String message = errorSummary(response.body());
      assertThat(message).contains(NOT_FOUND);
      if (answer != null) {
        assertThat(message).isEqualTo(answer);
      }
      answer = message;
    }
    HttpResponse<String> script =
        resident.post("/status", "kode", "<script>alert(1)</script>", "digit", "7890");
    assertThat(script.body()).doesNotContain("<script>alert(1)").contains("&lt;script");
    assertThat(resident.get("/status/" + other.trackingCode().value()).statusCode()).isEqualTo(302);
  }

  static String errorSummary(String body) {
    Matcher m = Pattern.compile("(?s)<div class=\"error-summary\".*?</div>").matcher(body);
    assertThat(m.find()).as("an error summary").isTrue();
    return m.group();
  }

  @Test
  void tooManyLookUpsFromOneAddressAreRefusedWith429() {
    Browser resident = new Browser();
    resident.get("/status");
    for (int i = 0; i < LookupLimiter.PER_MINUTE; i++) {
      assertThat(resident.post("/status", "kode", "351616-AAAAAAAA", "digit", "1234").statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> limited =
        resident.post("/status", "kode", "351616-AAAAAAAA", "digit", "1234");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Terlalu banyak percobaan");
  }

  @Test
  void aSessionThatOpenedOneApplicationCannotSeeOrChangeAnother() {
    Application a = needingCompletion("Fotokopi buram");
    Application b = needingCompletion("Fotokopi buram");
    String codeB = b.trackingCode().value();
    Browser resident = new Browser().opens(a.trackingCode().value());

    for (HttpResponse<String> response :
        List.of(
            resident.get("/status/" + codeB),
            resident.get("/status/" + codeB + "/batalkan"),
            resident.post("/status/" + codeB + "/batalkan", "alasan", "x"),
            resident.upload(
                "/status/" + codeB + "/kelengkapan",
                field(requirements.get(0)),
                "ktp.pdf",
                TestFiles.pdf(1)))) {
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(location(response)).isEqualTo("/status?kode=" + codeB);
    }
    assertThat(status(b)).isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
    assertThat(resident.get("/status/" + a.trackingCode().value()).statusCode()).isEqualTo(200);
  }

  @Test
  void theResidentReplacesTheRejectedRequirementOnThePage() {
    Application application = needingCompletion("Foto < 2 MB & \"buram\"");
    String code = application.trackingCode().value();
    Browser resident = new Browser().opens(code);

    HttpResponse<String> page = resident.get("/status/" + code);
    assertThat(page.body())
        .contains("Perlu dilengkapi")
        .contains("Foto &lt; 2 MB &amp; \"buram\"")
        .contains("enctype=\"multipart/form-data\"")
        .contains("name=\"" + field(requirements.get(0)) + "\" multiple")
        .contains("Kirim kelengkapan")
        .doesNotContain("name=\"" + field(requirements.get(1)) + "\"");

    HttpResponse<String> sent =
        resident.upload(
            "/status/" + code + "/kelengkapan",
            field(requirements.get(0)),
            "kk.pdf",
            TestFiles.pdf(2));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(location(sent)).isEqualTo("/status/" + code);
    assertThat(status(application)).isEqualTo(ApplicationStatus.IN_REVIEW);
    assertThat(resident.get("/status/" + code).body())
        .contains("Berkas Anda sudah kami terima")
        .contains("Sedang diperiksa")
        .doesNotContain("Kirim kelengkapan");
  }

  @Test
  void hostileFilesOnTheCompletionUploadAreRefusedWithTheirMessage() {
    Application application = needingCompletion("Fotokopi buram");
    String code = application.trackingCode().value();
    String field = field(requirements.get(0));
    Browser resident = new Browser().opens(code);
    resident.get("/status/" + code);

    HttpResponse<String> exe =
        resident.upload(
            "/status/" + code + "/kelengkapan", field, "ktp.pdf", TestFiles.windowsExecutable());
    assertThat(exe.statusCode()).isEqualTo(200);
    assertThat(errorSummary(exe.body())).contains("harus berupa JPG, PNG, WebP, HEIC atau PDF");
    assertThat(exe.body()).contains("aria-invalid=\"true\"");

    HttpResponse<String> empty =
        resident.upload("/status/" + code + "/kelengkapan", field, "kosong.pdf", new byte[0]);
    assertThat(errorSummary(empty.body())).contains("kosong");

    HttpResponse<String> none =
        resident.upload(
            "/status/" + code + "/kelengkapan",
            "files[" + UUID.randomUUID() + "]",
            "x.pdf",
            TestFiles.pdf(1));
    assertThat(errorSummary(none.body())).contains("Pilih file yang akan diunggah");

    byte[] oversized = Arrays.copyOf(TestFiles.pdf(1), 10 * 1024 * 1024 + 100_000);
    HttpResponse<String> big =
        resident.upload("/status/" + code + "/kelengkapan", field, "besar.pdf", oversized);
    assertThat(big.statusCode()).isEqualTo(302);
    HttpResponse<String> back = resident.get(location(big));
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(errorSummary(resident.get(location(back)).body()))
        .contains("harus lebih kecil dari 10 MB");

    assertThat(status(application)).isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
  }

  @Test
  void aFileOverTheLimitIsNamedAtTheRequirementItWasChosenFor() {
    Map<UUID, String> reasons = new java.util.LinkedHashMap<>();
    reasons.put(requirements.get(0), "Fotokopi buram");
    reasons.put(requirements.get(1), "Halaman kedua tidak ada");
    Application application = needingCompletion(reasons);
    String code = application.trackingCode().value();
    Browser resident = new Browser().opens(code);
    resident.get("/status/" + code);

    // without JavaScript both requirements go in one post; the second's file is too large
    String first = field(requirements.get(0));
    String second = field(requirements.get(1));
    byte[] oversized = Arrays.copyOf(TestFiles.pdf(1), 10 * 1024 * 1024 + 100_000);
    HttpResponse<String> big =
        resident.upload("/status/" + code + "/kelengkapan", second, "besar.pdf", oversized);
    assertThat(big.statusCode()).isEqualTo(302);
    HttpResponse<String> back = resident.get(location(big));
    assertThat(back.statusCode()).isEqualTo(302);
    String page = resident.get(location(back)).body();

    // the message stands at the second, not at the first, and says nothing was kept
    assertThat(errorSummary(page))
        .contains("harus lebih kecil dari 10 MB", "Tidak ada file yang tersimpan");
    assertThat(page)
        .contains("id=\"" + second + "-error\"")
        .doesNotContain("id=\"" + first + "-error\"");
    assertThat(status(application)).isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
  }

  @Test
  void theResidentWithdrawsOnTheConfirmationPage() {
    Application application = submitted();
    String code = application.trackingCode().value();
    Browser resident = new Browser().opens(code);

    HttpResponse<String> confirm = resident.get("/status/" + code + "/batalkan");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("Batalkan permohonan?").contains("name=\"alasan\"");

    HttpResponse<String> markup =
        resident.post("/status/" + code + "/batalkan", "alasan", "<script>alert(1)</script>");
    assertThat(markup.statusCode()).isEqualTo(200);
    assertThat(errorSummary(markup.body())).isNotBlank();
    assertThat(markup.body()).doesNotContain("<script>alert(1)");
    assertThat(status(application)).isEqualTo(ApplicationStatus.SUBMITTED);

    HttpResponse<String> done =
        resident.post("/status/" + code + "/batalkan", "alasan", "Sudah diurus di desa & <3");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(status(application)).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(resident.get("/status/" + code).body())
        .contains("Permohonan Anda sudah dibatalkan")
        .contains("Sudah diurus di desa &amp; &lt;3")
        .doesNotContain("/batalkan\"");
    assertThat(location(resident.get("/status/" + code + "/batalkan")))
        .isEqualTo("/status/" + code);
  }

  @Test
  void aScriptInAReasonGivenThroughTheApiIsShownAsText() {
    Application application = submitted();
    String code = application.trackingCode().value();
    tracked.withdraw(code, "7890", "<script>alert('x')</script>");
    String body = new Browser().opens(code).get("/status/" + code).body();
    assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
  }
}
