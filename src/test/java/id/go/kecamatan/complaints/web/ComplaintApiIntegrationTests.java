package id.go.kecamatan.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaints JSON API: filing with a photo, following with the secret or the phone digits in a
 * header, replying when asked and giving feedback, with the same rules and Indonesian messages as
 * the pages; hostile and oversized input refused with nothing stored; another reporter's complaint
 * not reachable.
 */
@IntegrationTest
class ComplaintApiIntegrationTests {

  static final Pattern CODE = Pattern.compile("\"trackingCode\":\"(351616-[2-9A-Z]{8})\"");
  static final Pattern SECRET = Pattern.compile("\"secret\":\"([2-9A-Z-]{14})\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReporterLimits limits;

  @AfterEach
  void forget() {
    limits.reset();
  }

  String category() {
    return jdbc.sql(
            "select c.id from complaint_category c join office o on o.id = c.office_id where o.code = '35.16.16' and c.name = 'Ketertiban umum'")
        .query(UUID.class)
        .single()
        .toString();
  }

  Map<String, String> fields(String description, String phone) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("kind", "COMPLAINT");
    f.put("categoryId", category());
    f.put("description", description);
    f.put("place", "Pasar desa");
    f.put("privacy", "ANONIM");
    f.put("name", "Rina Wati");
    f.put("phone", phone);
    return f;
  }

  long stored(String text) {
    return jdbc.sql("select count(*) from complaint where description like ?")
        .param(text + "%")
        .query(Long.class)
        .single();
  }

  int version(String code) {
    return jdbc.sql("select version from complaint where tracking_code = ?")
        .param(code)
        .query(Integer.class)
        .single();
  }

  UUID id(String code) {
    return jdbc.sql("select id from complaint where tracking_code = ?")
        .param(code)
        .query(UUID.class)
        .single();
  }

  HttpResponse<String> json(WebClient client, String path, String key, String body) {
    return client.sendWithHeaders(
        "POST",
        path,
        body,
        "Content-Type",
        "application/json",
        ComplaintFollowingApi.KEY_HEADER,
        key);
  }

  HttpResponse<String> act(WebClient officer, String code, String action, String... fields) {
    UUID id = id(code);
    officer.get("/admin/pengaduan/" + id);
    List<String> all = new ArrayList<>(List.of("version", String.valueOf(version(code))));
    all.addAll(List.of(fields));
    return officer.post("/admin/pengaduan/" + id + "/" + action, all.toArray(String[]::new));
  }

  @Test
  void aReporterFilesWithAPhotoFollowsRepliesAndGivesFeedbackThroughTheApi() {
    WebClient api = new WebClient(port);
    assertThat(api.get("/api/v1/offices/jetis/complaint-categories").body())
        .contains("Ketertiban umum")
        .contains("\"tierDays\":");
    String text = "Lewat API: sampah di pasar " + UUID.randomUUID();
    HttpResponse<String> filed =
        api.upload(
            "/api/v1/offices/jetis/complaints",
            "lampiran",
            fields(text, "0812-4444-0303"),
            new WebClient.FilePart(
                "sampah.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(60, 40))));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    Matcher code = CODE.matcher(filed.body());
    Matcher secret = SECRET.matcher(filed.body());
    assertThat(code.find()).isTrue();
    assertThat(secret.find()).isTrue();
    assertThat(filed.body()).contains("\"status\":\"RECEIVED\"").contains("\"verifyDue\":\"");
    assertThat(WebClient.location(filed)).endsWith("/api/v1/complaints/" + code.group(1));
    assertThat(
            jdbc.sql(
                    "select count(*) from complaint_attachment a join complaint c on c.id = a.complaint_id where c.tracking_code = ?")
                .param(code.group(1))
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // following: the secret or the last 4 digits, in the header; one answer for wrong ones
    String path = "/api/v1/complaints/" + code.group(1);
    HttpResponse<String> bySecret =
        api.get(path, ComplaintFollowingApi.KEY_HEADER, secret.group(1));
    assertThat(bySecret.statusCode()).isEqualTo(200);
    assertThat(bySecret.body())
        .contains(text)
        .contains("\"status\":\"RECEIVED\"")
        // named as the application API and the catalogue name the office (it was "Jetis")
        .contains("\"officeName\":\"Kecamatan Jetis\"")
        .doesNotContain("Rina Wati")
        .doesNotContain("0812-4444-0303");
    assertThat(api.get(path, ComplaintFollowingApi.KEY_HEADER, "0303").statusCode()).isEqualTo(200);
    // the code as a reporter types it opens it too (it answered 404 "Kecamatan tidak ditemukan")
    HttpResponse<String> typed =
        api.get(
            "/api/v1/complaints/" + code.group(1).toLowerCase(java.util.Locale.ROOT),
            ComplaintFollowingApi.KEY_HEADER,
            secret.group(1).toLowerCase(java.util.Locale.ROOT));
    assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
    assertThat(typed.body()).contains("\"trackingCode\":\"" + code.group(1) + "\"");
    HttpResponse<String> wrong = api.get(path, ComplaintFollowingApi.KEY_HEADER, "9999");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).contains("Kode dan kunci tidak cocok");
    assertThat(api.get(path).statusCode()).isEqualTo(404);
    assertThat(api.get(path + "?key=0303").statusCode()).isEqualTo(404);

    // a reply before the office asks: 409
    HttpResponse<String> early =
        json(api, path + "/reply", "0303", "{\"text\":\"Saya tambahkan fotonya\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("tidak dapat dilakukan pada status pengaduan sekarang");

    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(act(verifier, code.group(1), "verifikasi", "categoryId", category()).statusCode())
        .isEqualTo(302);
    assertThat(
            act(verifier, code.group(1), "tanya", "question", "Di los sebelah mana?").statusCode())
        .isEqualTo(302);
    HttpResponse<String> asked = api.get(path, ComplaintFollowingApi.KEY_HEADER, "0303");
    assertThat(asked.body())
        .contains("\"status\":\"AWAITING_REPORTER\"")
        .contains("\"clockPaused\":true")
        .contains("\"canReply\":true")
        .contains("Di los sebelah mana?");

    // hostile and oversized replies: clear Indonesian messages, nothing stored
    HttpResponse<String> blank = json(api, path + "/reply", "0303", "{\"text\":\"   \"}");
    assertThat(blank.statusCode()).isEqualTo(422);
    // the field the request body names (it was "reply", the page's name, for {"text": ...})
    assertThat(blank.body()).contains("\"field\":\"text\"").contains("Pengaduan belum benar");
    HttpResponse<String> tooLong =
        json(api, path + "/reply", "0303", "{\"text\":\"" + "x".repeat(4001) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(json(api, path + "/reply", "0303", "{not json").statusCode()).isEqualTo(400);
    assertThat(json(api, path + "/reply", "0303", "[1,2]").statusCode()).isEqualTo(400);
    HttpResponse<String> control =
        json(api, path + "/reply", "0303", "{\"text\":\"ada \\u0000 nol\"}");
    assertThat(control.statusCode()).isIn(400, 422);
    HttpResponse<String> form =
        api.sendWithHeaders(
            "POST",
            path + "/reply",
            "text=halo",
            "Content-Type",
            "application/x-www-form-urlencoded",
            ComplaintFollowingApi.KEY_HEADER,
            "0303");
    assertThat(form.statusCode()).isEqualTo(415);
    // a problem that says what is wrong, like every other answer of the API (it was bare)
    assertThat(form.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(form.body()).contains("\"status\":415", "Content-Type", "tidak didukung");
    assertThat(form.headers().firstValue("Accept")).contains("application/json");
    assertThat(api.get(path, ComplaintFollowingApi.KEY_HEADER, "0303").body())
        .contains("\"status\":\"AWAITING_REPORTER\"");

    HttpResponse<String> markup =
        json(api, path + "/reply", "0303", "{\"text\":\"Los <script>alert(1)</script>\"}");
    assertThat(markup.statusCode()).isEqualTo(422);
    assertThat(markup.body()).contains("Tidak boleh berisi tag HTML");
    HttpResponse<String> replied =
        json(api, path + "/reply", secret.group(1), "{\"text\":\"Los ikan, paling timur\"}");
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
    assertThat(replied.body())
        .contains("\"status\":\"IN_PROGRESS\"")
        .contains("\"from\":\"REPORTER\"")
        .contains("Los ikan, paling timur");

    assertThat(act(verifier, code.group(1), "jawab", "answer", "Sudah dibersihkan.").statusCode())
        .isEqualTo(302);
    HttpResponse<String> missingReasons =
        json(api, path + "/feedback", "0303", "{\"satisfied\":false}");
    assertThat(missingReasons.statusCode()).isEqualTo(422);
    assertThat(missingReasons.body()).contains("\"field\":\"reasons\"");
    HttpResponse<String> noChoice = json(api, path + "/feedback", "0303", "{\"reasons\":\"x\"}");
    assertThat(noChoice.statusCode()).isEqualTo(422);
    assertThat(noChoice.body()).contains("Pilih puas atau tidak puas");
    assertThat(json(api, path + "/feedback", "0303", "{\"satisfied\":\"mungkin\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> reopen =
        json(
            api,
            path + "/feedback",
            "0303",
            "{\"satisfied\":false,\"reasons\":\"Masih ada sampah di los ikan\"}");
    assertThat(reopen.statusCode()).as(reopen.body()).isEqualTo(200);
    assertThat(reopen.body()).contains("\"status\":\"REOPEN_REQUESTED\"");
    // feedback twice: 409
    assertThat(json(api, path + "/feedback", "0303", "{\"satisfied\":true}").statusCode())
        .isEqualTo(409);
    // English on request
    HttpResponse<String> english =
        api.sendWithHeaders(
            "POST",
            path + "/reply",
            "{\"text\":\"\"}",
            "Content-Type",
            "application/json",
            "Accept-Language",
            "en",
            ComplaintFollowingApi.KEY_HEADER,
            "0303");
    assertThat(english.body()).contains("The complaint has errors");
  }

  @Test
  void wrongHostileAndOversizedFilingsAreRefusedWithNothingStored() {
    WebClient api = new WebClient(port);
    String text = "Tolak API " + UUID.randomUUID();
    Map<String, String> wrong = fields(text, "bukan-nomor");
    wrong.put("kind", "<script>");
    wrong.put("privacy", "SEMUA");
    wrong.put("categoryId", "' or 1=1 --");
    wrong.put("occurredOn", "2999-01-01");
    HttpResponse<String> refused =
        api.upload("/api/v1/offices/jetis/complaints", "lampiran", wrong);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Pengaduan belum benar")
        .contains("\"field\":\"kind\"")
        .contains("\"field\":\"privacy\"")
        .contains("\"field\":\"categoryId\"")
        .contains("\"field\":\"phone\"")
        .contains("Pilih kategori dari daftar");
    Map<String, String> long_ = fields(text + "x".repeat(4001), "");
    assertThat(api.upload("/api/v1/offices/jetis/complaints", "lampiran", long_).statusCode())
        .isEqualTo(422);
    // a file that is not a photo or PDF: refused, nothing stored
    HttpResponse<String> exe =
        api.upload(
            "/api/v1/offices/jetis/complaints",
            "lampiran",
            fields(text, ""),
            new WebClient.FilePart("foto.jpg", "image/jpeg", "MZ not an image".getBytes()));
    assertThat(exe.statusCode()).isEqualTo(422);
    assertThat(exe.body()).contains("\"field\":\"lampiran");
    // five files: too many
    WebClient.FilePart photo =
        new WebClient.FilePart("a.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(20, 20)));
    HttpResponse<String> five =
        api.upload(
            "/api/v1/offices/jetis/complaints",
            "lampiran",
            fields(text, ""),
            photo,
            photo,
            photo,
            photo,
            photo);
    assertThat(five.statusCode()).isIn(413, 422);
    // a photo under another name than lampiran: named, not dropped from a filed complaint
    HttpResponse<String> misnamed =
        api.upload("/api/v1/offices/jetis/complaints", "foto", fields(text, ""), photo);
    assertThat(misnamed.statusCode()).as(misnamed.body()).isEqualTo(422);
    assertThat(misnamed.body())
        .contains("\"field\":\"foto\"", "complaints.error.fileField", "sebagai lampiran");
    // the honeypot
    Map<String, String> robot = fields(text, "");
    robot.put("website", "http://spam");
    assertThat(api.upload("/api/v1/offices/jetis/complaints", "lampiran", robot).statusCode())
        .isEqualTo(422);
    // not multipart nor a form
    assertThat(
            api.send("POST", "/api/v1/offices/jetis/complaints", "application/json", "{}")
                .statusCode())
        .isEqualTo(415);
    assertThat(
            api.upload("/api/v1/offices/tidak-ada/complaints", "lampiran", fields(text, ""))
                .statusCode())
        .isEqualTo(404);
    assertThat(stored(text)).isZero();

    // the duplicate hint, then sent anyway when confirmed
    String same = "Duplikat API " + UUID.randomUUID();
    assertThat(
            api.upload(
                    "/api/v1/offices/jetis/complaints", "lampiran", fields(same, "0812-4444-0404"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> again =
        api.upload("/api/v1/offices/jetis/complaints", "lampiran", fields(same, "0812-4444-0404"));
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("complaints.error.duplicate");
    Map<String, String> confirmed = fields(same, "0812-4444-0404");
    confirmed.put("confirmDuplicate", "ya");
    assertThat(api.upload("/api/v1/offices/jetis/complaints", "lampiran", confirmed).statusCode())
        .isEqualTo(201);
    assertThat(stored(same)).isEqualTo(2);
  }

  @Test
  void theLimitsOfTheFormApplyAndAnotherReportersComplaintIsNotReachable() {
    WebClient api = new WebClient(port);
    String mine = "Milik saya " + UUID.randomUUID();
    HttpResponse<String> a =
        api.upload("/api/v1/offices/jetis/complaints", "lampiran", fields(mine, "0812-4444-0505"));
    HttpResponse<String> b =
        api.upload(
            "/api/v1/offices/jetis/complaints",
            "lampiran",
            fields("Milik orang lain " + UUID.randomUUID(), "0812-4444-0606"));
    Matcher codeA = CODE.matcher(a.body());
    Matcher codeB = CODE.matcher(b.body());
    Matcher secretA = SECRET.matcher(a.body());
    assertThat(codeA.find() && codeB.find() && secretA.find()).isTrue();
    // A's key opens A only
    assertThat(
            api.get(
                    "/api/v1/complaints/" + codeB.group(1),
                    ComplaintFollowingApi.KEY_HEADER,
                    secretA.group(1))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/complaints/" + codeB.group(1),
                    ComplaintFollowingApi.KEY_HEADER,
                    "0505")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            json(api, "/api/v1/complaints/" + codeB.group(1) + "/reply", "0505", "{\"text\":\"x\"}")
                .statusCode())
        .isEqualTo(404);

    // look-ups: 20 a minute per address, then 429 with Retry-After
    int status = 0;
    for (int i = 0; i < 25 && status != 429; i++) {
      status =
          api.get("/api/v1/complaints/" + codeA.group(1), ComplaintFollowingApi.KEY_HEADER, "0000")
              .statusCode();
    }
    assertThat(status).isEqualTo(429);
    HttpResponse<String> limited =
        api.get("/api/v1/complaints/" + codeA.group(1), ComplaintFollowingApi.KEY_HEADER, "0505");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Terlalu banyak percobaan");

    // filings: 10 a day per contact
    limits.reset();
    int filed = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 11; i++) {
      last =
          api.upload(
              "/api/v1/offices/jetis/complaints",
              "lampiran",
              fields("Banjir " + i + " " + UUID.randomUUID(), "0812-4444-0707"));
      if (last.statusCode() == 201) {
        filed++;
      }
    }
    assertThat(filed).isEqualTo(10);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("Terlalu banyak pengaduan");
  }
}
