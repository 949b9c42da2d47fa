package id.go.kecamatan.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public register: an Anonim or Publik complaint appears only after an officer approved (and
 * redacted) its text, without the reporter's name or contact; a Rahasia complaint appears on no
 * public page, export or API of the office, whatever an officer tries.
 */
@IntegrationTest
class RegisterIntegrationTests {

  static final Pattern CODE = Pattern.compile("(351616-[2-9A-Z]{8})");

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

  /** Files a complaint through the form; its id. */
  UUID file(String description, String privacy, String name, String phone) {
    return file(description, privacy, name, phone, category());
  }

  UUID file(String description, String privacy, String name, String phone, String category) {
    WebClient browser = new WebClient(port);
    browser.get("/kecamatan/jetis/pengaduan");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("kind", "COMPLAINT");
    f.put("categoryId", category);
    f.put("description", description);
    f.put("place", "Pasar desa");
    f.put("privacy", privacy);
    f.put("name", name);
    f.put("phone", phone);
    f.put("website", "");
    HttpResponse<String> sent = browser.upload("/kecamatan/jetis/pengaduan", "lampiran", f);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String page = browser.get("/pengaduan/terkirim").body();
    Matcher code = CODE.matcher(page);
    assertThat(code.find()).isTrue();
    return jdbc.sql("select id from complaint where tracking_code = ?")
        .param(code.group(1))
        .query(UUID.class)
        .single();
  }

  int version(UUID id) {
    return jdbc.sql("select version from complaint where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  HttpResponse<String> act(WebClient officer, UUID id, String action, String... fields) {
    officer.get("/admin/pengaduan/" + id);
    List<String> all = new ArrayList<>(List.of("version", String.valueOf(version(id))));
    all.addAll(List.of(fields));
    return officer.post("/admin/pengaduan/" + id + "/" + action, all.toArray(String[]::new));
  }

  void verifyAndAnswer(WebClient officer, UUID id, String answer) {
    assertThat(act(officer, id, "verifikasi", "categoryId", category()).statusCode())
        .isEqualTo(302);
    assertThat(act(officer, id, "jawab", "answer", answer).statusCode()).isEqualTo(302);
  }

  @Test
  void anAnonimComplaintAppearsOnlyOnceApprovedWithTheRedactedTextAndWithoutTheReporter() {
    String marker = "ANONIM-" + UUID.randomUUID();
    String original =
        marker
            + " Lampu jalan di depan rumah Pak Joko Santoso mati sejak dua minggu, hubungi 0812-7777-1234.";
    UUID id = file(original, "ANONIM", "Joko Santoso", "0812-7777-1234");
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    WebClient visitor = new WebClient(port);

    // received: not in the register, and cannot be published before verification
    assertThat(visitor.get("/kecamatan/jetis/pengaduan/register").body()).doesNotContain(marker);
    HttpResponse<String> early = act(verifier, id, "terbitkan", "publishedText", original);
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(early.body()).contains("belum atau tidak dapat diterbitkan");

    verifyAndAnswer(verifier, id, "Lampu sudah diganti petugas desa " + marker + ".");
    // answered, not yet approved: still absent
    assertThat(visitor.get("/kecamatan/jetis/pengaduan/register").body()).doesNotContain(marker);
    String casePage = verifier.get("/admin/pengaduan/" + id).body();
    assertThat(casePage).contains("Register publik").contains("Setujui dan terbitkan");

    // hostile and oversized published texts are refused, nothing published
    assertThat(act(verifier, id, "terbitkan", "publishedText", "  ").statusCode()).isEqualTo(422);
    assertThat(act(verifier, id, "terbitkan", "publishedText", "x".repeat(4001)).statusCode())
        .isEqualTo(422);
    HttpResponse<String> script =
        act(verifier, id, "terbitkan", "publishedText", "<script>alert(1)</script> \u0007 teks");
    assertThat(script.statusCode()).isEqualTo(422);
    assertThat(script.body()).contains("Tidak boleh berisi tag HTML");
    assertThat(visitor.get("/kecamatan/jetis/pengaduan/register").body())
        .doesNotContain("<script>alert(1)</script>");

    String redacted = marker + " Lampu jalan di depan rumah warga mati sejak dua minggu.";
    HttpResponse<String> published = act(verifier, id, "terbitkan", "publishedText", redacted);
    assertThat(published.statusCode()).isEqualTo(302);

    String register = visitor.get("/kecamatan/jetis/pengaduan/register").body();
    assertThat(register)
        .contains(redacted)
        .contains("Lampu sudah diganti petugas desa " + marker)
        .contains("Ketertiban umum")
        .contains("Dijawab pada hari yang sama")
        .doesNotContain("Joko Santoso")
        .doesNotContain("0812-7777-1234")
        .doesNotContain("7777")
        .doesNotContain(code(id));
    // the original is kept untouched for the office
    assertThat(
            jdbc.sql("select description from complaint where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(original);
    assertThat(verifier.get("/admin/pengaduan/" + id).body())
        .contains("Diterbitkan di register publik");
    // the API register says the same
    String api = visitor.get("/api/v1/offices/jetis/complaints/register").body();
    assertThat(api).contains(redacted).doesNotContain("Joko Santoso").doesNotContain("7777");
    // the audit trail has the approval
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'complaint.published' and entity_id = ?")
                .param(id.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // withdrawn: gone again
    assertThat(act(verifier, id, "tarik").statusCode()).isEqualTo(302);
    assertThat(visitor.get("/kecamatan/jetis/pengaduan/register").body()).doesNotContain(marker);

    // another office's officer cannot publish it
    WebClient stranger = WebClient.signedIn(port, "admin.purwokertoutara");
    stranger.get("/admin/pengaduan");
    assertThat(
            stranger
                .post(
                    "/admin/pengaduan/" + id + "/terbitkan",
                    "version",
                    String.valueOf(version(id)),
                    "publishedText",
                    "x")
                .statusCode())
        .isEqualTo(404);
    // the front office reads but does not publish
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    counter.get("/admin/pengaduan/" + id);
    assertThat(
            counter
                .post(
                    "/admin/pengaduan/" + id + "/terbitkan",
                    "version",
                    String.valueOf(version(id)),
                    "publishedText",
                    "x")
                .statusCode())
        .isEqualTo(403);
  }

  String code(UUID id) {
    return jdbc.sql("select tracking_code from complaint where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void aRahasiaComplaintIsAbsentFromEveryPublicPageExportAndApiOfTheOffice() throws Exception {
    String secretMarker = "RAHASIA-" + UUID.randomUUID();
    String publicMarker = "PUBLIK-" + UUID.randomUUID();
    UUID rahasia =
        file(secretMarker + " Pungutan liar di loket", "RAHASIA", "Budi Rahasia", "0812-9999-0001");
    UUID publik = file(publicMarker + " Antrean lama", "PUBLIK", "Ani Publik", "0812-9999-0002");
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    verifyAndAnswer(verifier, rahasia, "Jawaban " + secretMarker);
    verifyAndAnswer(verifier, publik, "Jawaban " + publicMarker);

    // an officer cannot publish a Rahasia complaint: the case page offers nothing, the action is
    // refused, and the database forbids it
    assertThat(verifier.get("/admin/pengaduan/" + rahasia).body())
        .contains("tidak pernah diterbitkan")
        .doesNotContain("Setujui dan terbitkan");
    HttpResponse<String> refused =
        act(verifier, rahasia, "terbitkan", "publishedText", secretMarker);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Pengaduan Rahasia tidak dapat diterbitkan");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update complaint set published_text = 'x', published_at = now() where id = ?")
                    .param(rahasia)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(
            act(verifier, publik, "terbitkan", "publishedText", publicMarker + " Antrean lama")
                .statusCode())
        .isEqualTo(302);

    String regency =
        jdbc.sql(
                "select r.code from regency r join office o on o.regency_id = r.id where o.code = '35.16.16'")
            .query(String.class)
            .single();
    YearMonth month = YearMonth.now(ZoneId.of("Asia/Jakarta"));
    WebClient visitor = new WebClient(port);
    List<String> pages =
        List.of(
            "/",
            "/kecamatan/jetis",
            "/kecamatan/jetis/pengaduan",
            "/kecamatan/jetis/pengaduan/register",
            "/kecamatan/jetis/pengaduan/register?halaman=2",
            "/kecamatan/jetis/statistik",
            "/kecamatan/jetis/statistik/" + month + ".csv",
            "/kecamatan/jetis/ikm",
            "/kabupaten/" + regency + "/statistik",
            "/pengaduan",
            "/pengaduan/status?kode=" + code(rahasia),
            "/pengaduan/status/" + code(rahasia),
            "/api/v1/offices",
            "/api/v1/offices/jetis",
            "/api/v1/offices/jetis/services",
            "/api/v1/offices/jetis/complaint-categories",
            "/api/v1/offices/jetis/complaints/register",
            "/api/v1/offices/jetis/complaints/register?page=2",
            "/api/v1/complaints/" + code(rahasia),
            "/api/openapi.json");
    StringBuilder everything = new StringBuilder();
    for (String path : pages) {
      HttpResponse<String> response = visitor.get(path);
      assertThat(response.statusCode()).as(path).isLessThan(500);
      assertThat(response.body()).as(path).doesNotContain(secretMarker);
      everything.append(response.body());
    }
    HttpResponse<byte[]> xlsx = visitor.getBytes("/kecamatan/jetis/statistik/" + month + ".xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      for (Row row : wb.getFirstSheet().read()) {
        for (int i = 0; i < row.getCellCount(); i++) {
          assertThat(String.valueOf(row.getCellText(i))).doesNotContain(secretMarker);
        }
      }
    }
    assertThat(new String(xlsx.body(), StandardCharsets.ISO_8859_1)).doesNotContain(secretMarker);
    // the sweep sees what is public: the published Publik complaint is on the register and the API
    assertThat(everything).contains(publicMarker);
    assertThat(everything.toString()).doesNotContain("Budi Rahasia").doesNotContain("Ani Publik");
  }

  @Test
  void theCountsPerCategoryAndMonthShowSmallNumbersAsLessThanFive() {
    // two categories of their own: one with a single complaint this month, one with five
    UUID parent =
        jdbc.sql("select parent_id from complaint_category where id = ?")
            .param(UUID.fromString(category()))
            .query(UUID.class)
            .single();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID few = category(parent, "Uji sedikit " + suffix);
    UUID many = category(parent, "Uji banyak " + suffix);
    file("Satu pengaduan " + suffix, "RAHASIA", "", "", few.toString());
    for (int i = 0; i < 5; i++) {
      file("Pengaduan ke-" + i + " " + suffix, "RAHASIA", "", "", many.toString());
      limits.reset();
    }
    WebClient visitor = new WebClient(port);
    String page = visitor.get("/kecamatan/jetis/pengaduan/register").body();
    assertThat(page).contains("Jumlah pengaduan per kategori");
    assertThat(row(page, "Uji sedikit " + suffix)).endsWith("<td>&lt; 5</td>");
    assertThat(row(page, "Uji banyak " + suffix)).endsWith("<td>5</td>");
    // counted, never shown: the Rahasia texts are not on the page
    assertThat(page).doesNotContain("Satu pengaduan " + suffix);
    assertThat(visitor.get("/api/v1/offices/jetis/complaints/register").body())
        .contains("{\"categoryName\":\"Uji sedikit " + suffix + "\",\"month\":\"")
        .containsPattern("Uji sedikit " + suffix + "\",\"month\":\"[0-9-]+\",\"count\":null")
        .containsPattern("Uji banyak " + suffix + "\",\"month\":\"[0-9-]+\",\"count\":5");
    assertThat(
            visitor
                .get("/kecamatan/jetis/pengaduan/register?halaman=abc&kategori=%3Cx%3E")
                .statusCode())
        .isEqualTo(200);
    assertThat(visitor.get("/kecamatan/jetis/pengaduan/register?kategori=" + many).body())
        .contains("Belum ada pengaduan yang diterbitkan");
    assertThat(visitor.get("/kecamatan/tidak-ada/pengaduan/register").statusCode()).isEqualTo(404);
  }

  /** The cells of a category's row of the counts, up to the row's end. */
  static String row(String page, String category) {
    int start = page.indexOf("<th scope=\"row\">" + category + "</th>");
    assertThat(start).as(category).isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  UUID category(UUID parent, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into complaint_category (id, office_id, parent_id, name, tier_days, active)
            select ?, office_id, ?, ?, 5, true from complaint_category where id = ?
            """)
        .params(id, parent, name, parent)
        .update();
    return id;
  }
}
