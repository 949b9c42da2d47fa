package id.go.kecamatan.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officers file complaints for residents: at the front desk and from a telephone call, letter or
 * WhatsApp with the channel and the officer recorded and a printable receipt with the code and the
 * secret; a village operator for their own village only; wrong and hostile input refused with
 * nothing stored.
 */
@IntegrationTest
class AssistedFilingIntegrationTests {

  static final Pattern CODE = Pattern.compile("(351616-[2-9A-Z]{8})");
  static final Pattern SECRET = Pattern.compile("([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  String category() {
    return jdbc.sql(
            "select c.id from complaint_category c join office o on o.id = c.office_id where o.code = '35.16.16' and c.name = 'Ketertiban umum'")
        .query(UUID.class)
        .single()
        .toString();
  }

  /** The village operator's own village (0) or another village of the office (1). */
  String village(int index) {
    String own =
        jdbc.sql("select village_id from staff where username = 'desa.jetis'")
            .query(UUID.class)
            .single()
            .toString();
    if (index == 0) {
      return own;
    }
    return jdbc.sql(
            "select v.id from village v join office o on o.id = v.office_id where o.code = '35.16.16' and v.id <> ? order by v.code limit 1")
        .param(UUID.fromString(own))
        .query(UUID.class)
        .single()
        .toString();
  }

  Map<String, String> fields(String channel, String description, String village) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("channel", channel);
    f.put("kind", "COMPLAINT");
    f.put("categoryId", category());
    f.put("description", description);
    f.put("villageId", village);
    f.put("privacy", "RAHASIA");
    f.put("name", "Mbah Sarinah");
    f.put("phone", "");
    return f;
  }

  Map<String, Object> stored(String description) {
    return jdbc.sql(
            "select channel, assisted_by, village_id::text as village, status from complaint where description = ?")
        .param(description)
        .query()
        .singleRow();
  }

  long count(String description) {
    return jdbc.sql("select count(*) from complaint where description like ?")
        .param(description + "%")
        .query(Long.class)
        .single();
  }

  @Test
  void aLetterScanOver10MegabytesComesBackWithEverythingTheOfficerTyped() {
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    counter.get("/admin/pengaduan/baru");
    String text = "Surat warga: jembatan retak " + UUID.randomUUID();
    HttpResponse<String> refused =
        counter.upload(
            "/admin/pengaduan/baru",
            "lampiran",
            fields("LETTER", text, village(1)),
            new WebClient.FilePart("surat.pdf", "application/pdf", new byte[11 * 1024 * 1024]));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(refused))
        .endsWith("/admin/pengaduan/baru?terlalu-besar=lampiran");
    HttpResponse<String> back =
        counter.get(WebClient.location(refused).replaceFirst("^https?://[^/]+", ""));
    assertThat(back.body())
        .contains("Berkas terlalu besar. Setiap berkas paling besar 10 MB")
        .contains(text)
        .contains("value=\"Mbah Sarinah\"")
        .contains("value=\"LETTER\" checked")
        .contains(village(1) + "\" selected");
    assertThat(count(text)).isZero();
  }

  @Test
  void theFrontOfficeRecordsAComplaintWithALetterScanAndPrintsTheReceipt() {
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    HttpResponse<String> form = counter.get("/admin/pengaduan/baru");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Catat pengaduan warga")
        .contains("Diterima melalui")
        .contains("value=\"COUNTER\" checked")
        .contains("value=\"LETTER\"")
        .doesNotContain("value=\"VILLAGE\"")
        .doesNotContain("name=\"website\"");
    assertThat(counter.get("/admin/pengaduan").body()).contains("/admin/pengaduan/baru");

    String text = "Surat warga: jalan rusak " + UUID.randomUUID();
    HttpResponse<String> sent =
        counter.upload(
            "/admin/pengaduan/baru",
            "lampiran",
            fields("LETTER", text, ""),
            new WebClient.FilePart(
                "surat.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(60, 80))));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(WebClient.location(sent)).endsWith("/admin/pengaduan/tanda-terima");
    HttpResponse<String> receipt = counter.get("/admin/pengaduan/tanda-terima");
    assertThat(receipt.body())
        .contains("Tanda terima pengaduan")
        .contains("Kunci rahasia")
        .contains("Surat")
        .contains("Petugas Loket")
        .contains("Mbah Sarinah")
        .contains("/pengaduan/status");
    Matcher code = CODE.matcher(receipt.body());
    Matcher secret = SECRET.matcher(receipt.body());
    assertThat(code.find()).isTrue();
    assertThat(secret.find()).isTrue();
    // the secret is shown once: the receipt again is gone
    assertThat(counter.get("/admin/pengaduan/tanda-terima").statusCode()).isEqualTo(302);

    Map<String, Object> row = stored(text);
    assertThat(row.get("channel")).isEqualTo("LETTER");
    assertThat((String) row.get("assisted_by")).startsWith("Petugas Loket");
    assertThat(row.get("status")).isEqualTo("RECEIVED");
    assertThat(
            jdbc.sql(
                    "select count(*) from complaint_attachment a join complaint c on c.id = a.complaint_id where c.description = ?")
                .param(text)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // the resident follows it with the code and the secret of the receipt
    WebClient resident = new WebClient(port);
    resident.get("/pengaduan/status");
    HttpResponse<String> opened =
        resident.post("/pengaduan/status", "kode", code.group(1), "kunci", secret.group(1));
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(resident.get(WebClient.location(opened).replaceFirst("^https?://[^/]+", "")).body())
        .contains(text);
    // the case page shows the channel and the officer
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(verifier.get("/admin/pengaduan?q=" + code.group(1)).body()).contains(code.group(1));
  }

  @Test
  void aVillageOperatorRecordsForTheirOwnVillageOnly() {
    WebClient village = WebClient.signedIn(port, "desa.jetis");
    HttpResponse<String> form = village.get("/admin/pengaduan/baru");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("value=\"VILLAGE\" checked")
        .doesNotContain("value=\"COUNTER\"")
        .contains(village(0))
        .doesNotContain(village(1));

    String other = "Desa lain " + UUID.randomUUID();
    HttpResponse<String> refused =
        village.upload("/admin/pengaduan/baru", "lampiran", fields("COUNTER", other, village(1)));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("hanya dapat mencatat pengaduan dari desanya sendiri");
    assertThat(count(other)).isZero();

    String own = "Desa sendiri " + UUID.randomUUID();
    // whatever channel is posted, a village operator's is the village office
    HttpResponse<String> sent =
        village.upload("/admin/pengaduan/baru", "lampiran", fields("PHONE", own, village(0)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Map<String, Object> row = stored(own);
    assertThat(row.get("channel")).isEqualTo("VILLAGE");
    assertThat(row.get("village")).isEqualTo(village(0));
    assertThat((String) row.get("assisted_by")).startsWith("Operator Desa");
    assertThat(village.get("/admin/pengaduan/tanda-terima").body()).contains("Kantor desa");
  }

  @Test
  void aVillageOperatorOpensTheComplaintsOfTheirOwnVillageOnly() {
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    counter.get("/admin/pengaduan/baru");
    String other = "Desa tetangga " + UUID.randomUUID();
    HttpResponse<String> filed =
        counter.upload(
            "/admin/pengaduan/baru",
            "lampiran",
            fields("COUNTER", other, village(1)),
            new WebClient.FilePart(
                "surat.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(60, 80))));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    Map<String, Object> row =
        jdbc.sql(
                "select c.id::text as id, a.document_id::text as document from complaint c join complaint_attachment a on a.complaint_id = c.id where c.description = ?")
            .param(other)
            .query()
            .singleRow();
    String page = "/admin/pengaduan/" + row.get("id");

    // the worklist hid it; the case page, its attachment and a note by its id did not
    WebClient village = WebClient.signedIn(port, "desa.jetis");
    HttpResponse<String> opened = village.get(page);
    assertThat(opened.statusCode()).isEqualTo(404);
    assertThat(opened.body()).doesNotContain(other, "Mbah Sarinah");
    assertThat(village.get(page + "/lampiran/" + row.get("document")).statusCode()).isEqualTo(404);
    assertThat(village.post(page + "/catatan", "note", "Catatan dari desa lain").statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from complaint_entry where text = 'Catatan dari desa lain'")
                .query(Long.class)
                .single())
        .isZero();
    // the office's other staff still open it
    assertThat(counter.get(page).body()).contains(other);

    String own = "Desa sendiri dibuka " + UUID.randomUUID();
    village.get("/admin/pengaduan/baru");
    assertThat(
            village
                .upload("/admin/pengaduan/baru", "lampiran", fields("VILLAGE", own, village(0)))
                .statusCode())
        .isEqualTo(302);
    String ownId =
        jdbc.sql("select id::text from complaint where description = ?")
            .param(own)
            .query(String.class)
            .single();
    assertThat(village.get("/admin/pengaduan/" + ownId).body()).contains(own);
  }

  @Test
  void wrongAndHostileInputIsRefusedWithNothingStored() {
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    counter.get("/admin/pengaduan/baru");
    String text = "Salah " + UUID.randomUUID();
    Map<String, String> wrong = fields("ONLINE", text, "");
    HttpResponse<String> online = counter.upload("/admin/pengaduan/baru", "lampiran", wrong);
    assertThat(online.statusCode()).isEqualTo(422);
    assertThat(online.body()).contains("Pilih saluran dari daftar");

    Map<String, String> hostile = fields("PHONE", "<script>alert(1)</script> " + text, "");
    hostile.put("categoryId", "x");
    hostile.put("phone", "\u0000\u0007");
    HttpResponse<String> refused = counter.upload("/admin/pengaduan/baru", "lampiran", hostile);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Pilih kategori dari daftar")
        .doesNotContain("<script>alert(1)</script>");
    Map<String, String> oversized = fields("PHONE", text + "x".repeat(4001), "");
    assertThat(counter.upload("/admin/pengaduan/baru", "lampiran", oversized).statusCode())
        .isEqualTo(422);
    HttpResponse<String> notAPhoto =
        counter.upload(
            "/admin/pengaduan/baru",
            "lampiran",
            fields("PHONE", text, ""),
            new WebClient.FilePart("surat.jpg", "image/jpeg", "bukan gambar".getBytes()));
    assertThat(notAPhoto.statusCode()).isEqualTo(422);
    assertThat(count(text)).isZero();
    // without CSRF nothing happens
    assertThat(
            new WebClient(port)
                .postRaw("/admin/pengaduan/baru", "description", text, "channel", "PHONE")
                .statusCode())
        .isIn(302, 403);
    assertThat(count(text)).isZero();
  }
}
