package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** The application API through real HTTP, without a session or a CSRF token. */
@IntegrationTest
class ApplicationApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired LookupLimiter limiter;
  @Autowired java.time.Clock clock;

  final HttpClient http = HttpClient.newHttpClient();
  String slug;
  String village;
  List<String> requirements;

  record Part(String name, String fileName, String type, byte[] bytes) {}

  @BeforeEach
  void demo() {
    limiter.reset();
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    slug =
        jdbc.sql("select slug from office where id = ?").param(jetis).query(String.class).single();
    village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
  }

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  List<Part> form(String name) {
    List<Part> parts = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nik", "3516164101900001");
    fields.put("name", name);
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1990-01-01");
    fields.put("sex", "FEMALE");
    fields.put("villageId", village);
    fields.put("address", "Dusun Jetis RT 01 RW 02");
    fields.put("phone", "081234567890");
    fields.put("answers[jenis_dokumen]", "Surat keterangan");
    fields.put("answers[jumlah_lembar]", "2");
    fields.put("answers[keperluan]", "Melamar kerja");
    fields.forEach(
        (k, v) -> parts.add(new Part(k, null, null, v.getBytes(StandardCharsets.UTF_8))));
    for (String r : requirements) {
      parts.add(new Part("files[" + r + "]", "ktp.pdf", "application/pdf", TestFiles.pdf(1)));
    }
    return parts;
  }

  static List<Part> replace(List<Part> parts, String name, Part with) {
    List<Part> result = new ArrayList<>();
    for (Part p : parts) {
      result.add(p.name().equals(name) ? with : p);
    }
    return result;
  }

  HttpResponse<String> post(List<Part> parts, String... headers) throws Exception {
    String boundary = "----b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
      if (p.fileName() != null) {
        head.append("; filename=\"").append(p.fileName()).append('"');
      }
      head.append("\r\n");
      if (p.type() != null) {
        head.append("Content-Type: ").append(p.type()).append("\r\n");
      }
      head.append("\r\n");
      body.write(head.toString().getBytes(StandardCharsets.UTF_8));
      body.write(p.bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/v1/offices/"
                        + slug
                        + "/services/LEGALISIR/applications"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postEmpty(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String trackingCode(HttpResponse<String> response) {
    Matcher m = Pattern.compile("\"trackingCode\":\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return m.group(1);
  }

  static String unique() {
    return "Ani " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void submitFollowAndWithdrawWithoutASession() throws Exception {
    HttpResponse<String> created = post(form(unique()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String code = trackingCode(created);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/applications/" + code);
    assertThat(created.body()).contains("\"status\":\"SUBMITTED\"", "\"deadline\":");

    HttpResponse<String> status = get("/api/v1/applications/" + code + "?phone=7890");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body())
        .contains("\"status\":\"SUBMITTED\"", "\"clockPaused\":false", "\"timeline\":[{");
    assertThat(status.body()).doesNotContain("3516164101900001", "Dusun");

    HttpResponse<String> wrong = get("/api/v1/applications/" + code + "?phone=0000");
    HttpResponse<String> guessed = get("/api/v1/applications/351616-AAAAAAAA?phone=7890");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(guessed.statusCode()).isEqualTo(404);
    assertThat(wrong.body().replace(code, "X"))
        .as("no enumeration: the same answer")
        .isEqualTo(guessed.body().replace("351616-AAAAAAAA", "X"));
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

    HttpResponse<String> withdrawn =
        postEmpty("/api/v1/applications/" + code + "/withdraw?phone=7890");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
    assertThat(postEmpty("/api/v1/applications/" + code + "/withdraw?phone=7890").statusCode())
        .isEqualTo(409);
  }

  @Test
  void theSameIdempotencyKeyMakesOneApplication() throws Exception {
    String name = unique();
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post(form(name), "Idempotency-Key", key);
    HttpResponse<String> second = post(form(name), "Idempotency-Key", key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(trackingCode(second)).isEqualTo(trackingCode(first));
    // the same application, told the same: submittedAt as stored, not finer the first time
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(get("/api/v1/applications/" + trackingCode(first) + "?phone=7890").body())
        .contains(submittedAt(first));
    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(name)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  static String submittedAt(HttpResponse<String> response) {
    Matcher m = Pattern.compile("\"submittedAt\":\"[^\"]+\"").matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return m.group();
  }

  /**
   * A key sent again with another person's application (another NIK) used to return the first
   * application: the second was lost and its client got a stranger's tracking code.
   */
  @Test
  void aKeyUsedForAnotherApplicationIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = unique();
    assertThat(post(form(first), "Idempotency-Key", key).statusCode()).isEqualTo(201);
    String second = unique();
    List<Part> other =
        replace(
            form(second),
            "nik",
            new Part("nik", null, null, "3516164101900002".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> reused = post(other, "Idempotency-Key", key);
    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
    assertThat(reused.body())
        .contains(
            "\"field\":\"Idempotency-Key\"",
            "application.error.idempotencyKeyReused",
            "sudah dipakai untuk permohonan lain")
        .doesNotContain("trackingCode");
    assertThat(post(other, "Idempotency-Key", key, "Accept-Language", "en").body())
        .contains("was used for another application");
    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(second)
                .query(Integer.class)
                .single())
        .isZero();
    // with a key of its own it is made
    assertThat(post(other, "Idempotency-Key", UUID.randomUUID().toString()).statusCode())
        .isEqualTo(201);
  }

  /**
   * A file under another name than files[<requirementId>] (a typo, a shortened id) was dropped
   * without a word and the application made without it.
   */
  @Test
  void aFileUnderAnUnknownFieldIsNamedNotDropped() throws Exception {
    String name = unique();
    List<Part> parts = new ArrayList<>(form(name));
    parts.add(new Part("files[abc]", "kk.pdf", "application/pdf", TestFiles.pdf(1)));
    parts.add(new Part("file", "akta.pdf", "application/pdf", TestFiles.pdf(1)));
    HttpResponse<String> refused = post(parts);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "\"field\":\"files[abc]\"",
            "\"field\":\"file\"",
            "application.error.fileField",
            "files[<id persyaratan>]");
    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(name)
                .query(Integer.class)
                .single())
        .isZero();
  }

  /**
   * The withdrawal's reason was cut at 500 characters without a word and taken with markup, where
   * the withdrawal page refuses both with the field's message.
   */
  @Test
  void aWithdrawalReasonIsCheckedLikeOnThePage() throws Exception {
    String code = trackingCode(post(form(unique())));
    String base = "/api/v1/applications/" + code + "/withdraw?phone=7890&reason=";
    HttpResponse<String> tooLong = postEmpty(base + "x".repeat(501));
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
    assertThat(tooLong.body()).contains("\"field\":\"reason\"", "error.tooLong", "Terlalu panjang");
    HttpResponse<String> markup = postEmpty(base + "%3Cscript%3Ealert(1)%3C/script%3E");
    assertThat(markup.statusCode()).isEqualTo(422);
    assertThat(markup.body()).contains("\"field\":\"reason\"", "error.markup");
    assertThat(get("/api/v1/applications/" + code + "?phone=7890").body())
        .as("nothing changed")
        .contains("\"status\":\"SUBMITTED\"");

    String reason = "y".repeat(500);
    HttpResponse<String> withdrawn = postEmpty(base + reason);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"reason\":\"" + reason + "\"");
    assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
    // the answer is what a later look-up says: the step's time as stored, not finer
    assertThat(get("/api/v1/applications/" + code + "?phone=7890").body())
        .isEqualTo(withdrawn.body());
  }

  @Test
  void fieldErrorsAreProblemsInIndonesianOrEnglish() throws Exception {
    List<Part> parts =
        replace(
            form(unique()),
            "nik",
            new Part("nik", null, null, "3516160101900001".getBytes(StandardCharsets.UTF_8)));
    parts =
        replace(
            parts,
            "address",
            new Part("address", null, null, "<script>x</script>".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> indonesian = post(parts);
    assertThat(indonesian.statusCode()).isEqualTo(422);
    assertThat(indonesian.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(indonesian.body())
        .contains(
            "\"field\":\"nik\"",
            "tidak sesuai dengan jenis kelamin",
            "\"field\":\"address\"",
            "tag HTML");

    HttpResponse<String> english = post(parts, "Accept-Language", "en");
    assertThat(english.statusCode()).isEqualTo(422);
    assertThat(english.body()).contains("does not match the sex given");
  }

  @Test
  void filesAreCheckedByTheirContent() throws Exception {
    String field = "files[" + requirements.get(0) + "]";
    HttpResponse<String> empty =
        post(
            replace(
                form(unique()), field, new Part(field, "ktp.pdf", "application/pdf", new byte[0])));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("documents.error.empty", field);

    HttpResponse<String> executable =
        post(
            replace(
                form(unique()),
                field,
                new Part(field, "ktp.pdf", "application/pdf", TestFiles.windowsExecutable())));
    assertThat(executable.statusCode()).isEqualTo(422);
    assertThat(executable.body()).contains("documents.error.type");

    byte[] big = new byte[10 * 1024 * 1024 + 100_000];
    byte[] pdf = TestFiles.pdf(1);
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    HttpResponse<String> oversized =
        post(replace(form(unique()), field, new Part(field, "ktp.pdf", "application/pdf", big)));
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void submissionsOverTheAddressOrRecipientLimitAreRefusedAndSendNothing() throws Exception {
    ExhaustedLimits limits = new ExhaustedLimits(jdbc, clock);
    String name = unique();
    try {
      limits.exhaustLoopback("submissions-per-address");
      HttpResponse<String> fromAddress = post(form(name));
      assertThat(fromAddress.statusCode()).as(fromAddress.body()).isEqualTo(429);
      assertThat(fromAddress.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
      assertThat(fromAddress.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(fromAddress.body()).contains("Terlalu banyak permohonan dari alamat ini");
      assertThat(post(form(name), "Accept-Language", "en").body())
          .contains("Too many applications from this address");
      limits.refillLoopback("submissions-per-address");

      // the same phone number typed another way, from an address with room left
      limits.exhaust("messages-per-recipient", "tel:6281234567890");
      HttpResponse<String> toPhone =
          post(
              replace(
                  form(name),
                  "phone",
                  new Part("phone", null, null, "+62 812-3456-7890".getBytes())));
      assertThat(toPhone.statusCode()).as(toPhone.body()).isEqualTo(429);
      assertThat(
              jdbc.sql("select count(*) from application where name = ?")
                  .param(name)
                  .query(Integer.class)
                  .single())
          .isZero();
      assertThat(messagesNaming(name)).isZero();
    } finally {
      limits.refillLoopback("submissions-per-address");
      limits.refill("messages-per-recipient", "tel:6281234567890");
    }
    assertThat(post(form(name)).statusCode()).isEqualTo(201);
  }

  int messagesNaming(String name) {
    return jdbc.sql("select count(*) from notification where text like ?")
        .param("%" + name + "%")
        .query(Integer.class)
        .single();
  }

  @Test
  void invisibleFormattingIsRefusedAndNamesAreStoredInNfc() throws Exception {
    List<Part> reversed =
        replace(
            form(unique()),
            "name",
            new Part("name", null, null, "Ani \u202Eawidaw".getBytes(StandardCharsets.UTF_8)));
    reversed =
        replace(
            reversed,
            "answers[keperluan]",
            new Part(
                "answers[keperluan]",
                null,
                null,
                "Melamar\u200B kerja".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> refused = post(reversed);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body())
        .contains("\"field\":\"name\"", "\"field\":\"answers.keperluan\"", "error.invisible")
        .contains("Berisi karakter tak terlihat");
    HttpResponse<String> english = post(reversed, "Accept-Language", "en");
    assertThat(english.body()).contains("Contains invisible characters");

    // "René" typed with a combining accent (NFD) is stored as the one character é (NFC)
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String decomposed = "Rene\u0301 " + tag;
    HttpResponse<String> created =
        post(
            replace(
                form(unique()),
                "name",
                new Part("name", null, null, decomposed.getBytes(StandardCharsets.UTF_8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(
            jdbc.sql("select name from application where tracking_code = ?")
                .param(trackingCode(created))
                .query(String.class)
                .single())
        .isEqualTo("Ren\u00e9 " + tag);
  }

  @Test
  void aPhotoOf392MegabytesDecodedIsRefusedAndFourAtOnceLeaveTheNodeServing() throws Exception {
    String field = "files[" + requirements.get(0) + "]";
    Part deep = new Part(field, "ktp.png", "image/png", TestFiles.sixteenBitPng());

    HttpResponse<String> one = post(replace(form(unique()), field, deep));
    assertThat(one.statusCode()).as(one.body()).isEqualTo(422);
    assertThat(one.body())
        .contains("documents.error.depth", field)
        .contains("terlalu besar untuk diproses (7000 × 7000 piksel, 16 bit per warna)");

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> four = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        four.add(pool.submit(() -> post(replace(form(unique()), field, deep))));
      }
      for (var response : four) {
        HttpResponse<String> answer = response.get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
      }
    } finally {
      pool.shutdownNow();
    }
    // the node still serves, and still takes an ordinary application
    HttpResponse<String> created = post(form(unique()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void tooManyLookUpsAreRefusedForAWhile() throws Exception {
    for (int i = 0; i < LookupLimiter.PER_MINUTE; i++) {
      assertThat(get("/api/v1/applications/351616-AAAAAAAA?phone=1234").statusCode())
          .isEqualTo(404);
    }
    HttpResponse<String> limited = get("/api/v1/applications/351616-AAAAAAAA?phone=1234");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(postEmpty("/api/v1/applications/351616-AAAAAAAA/withdraw?phone=1234").statusCode())
        .isEqualTo(429);
  }

  @Test
  void otherApiWritesAreRefusedWithTheMethodsOffered() throws Exception {
    for (String path : List.of("/api/v1/offices", "/api/v1/applications/351616-AAAAAAAA")) {
      HttpResponse<String> refused = postEmpty(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(405);
      assertThat(refused.headers().firstValue("Allow")).as(path).contains("GET, HEAD, OPTIONS");
    }
  }
}
