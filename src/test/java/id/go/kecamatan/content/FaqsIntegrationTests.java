package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questions and answers: an office writes its own, general and per service; the regency writes for
 * all its offices and an office hides or adapts the regency's (its copy stands in, deleting the
 * copy brings the regency's back); residents search them by words and per service, and see them in
 * the service's guide; hostile input is refused and saves nothing; another office finds nothing.
 */
@IntegrationTest
class FaqsIntegrationTests {

  static final String OFFICE = "/admin/sosialisasi/tanya-jawab";
  static final String REGENCY = "/admin/kabupaten/tanya-jawab";
  private static final Pattern ID = Pattern.compile("tanya-jawab/([0-9a-f-]{36})\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anOfficesQuestionsAreSearchableAndShownPerService() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String general =
        write(admin, OFFICE, "", "Apakah loket buka hari Sabtu kliwon?", "Tidak, loket tutup.");
    String waris =
        write(
            admin,
            OFFICE,
            "SKW",
            "Berapa saksi untuk pernyataan ahli waris gunungsari?",
            "Dua saksi.\n\n- Saksi dewasa\n- Membawa KTP");
    WebClient resident = new WebClient(port);
    String page = resident.get("/kecamatan/jetis/tanya-jawab").body();
    assertThat(page)
        .contains("<summary>Apakah loket buka hari Sabtu kliwon?</summary>")
        .contains("<summary>Berapa saksi untuk pernyataan ahli waris gunungsari?</summary>")
        .contains("<li>Membawa KTP</li>");
    assertThat(page.indexOf("Sabtu kliwon")).isLessThan(page.indexOf("gunungsari"));

    String found = resident.get("/kecamatan/jetis/tanya-jawab?q=gunungsari").body();
    assertThat(found)
        .contains("1 pertanyaan untuk \"gunungsari\"")
        .contains("gunungsari?</summary>")
        .doesNotContain("Sabtu kliwon");
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab?q=kliwon+tutup").body())
        .contains("Sabtu kliwon")
        .doesNotContain("gunungsari?</summary>");
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab?q=tidakadakatainisamasekali").body())
        .contains("Tidak ada pertanyaan yang cocok");
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab?layanan=SKW").body())
        .contains("gunungsari?</summary>")
        .doesNotContain("Sabtu kliwon");
    assertThat(resident.get("/kecamatan/jetis/layanan/SKW/panduan").body())
        .contains("<h3>Berapa saksi untuk pernyataan ahli waris gunungsari?</h3>")
        .doesNotContain("Sabtu kliwon");
    // hostile search words are shown escaped and find nothing
    HttpResponse<String> hostile =
        resident.get("/kecamatan/jetis/tanya-jawab?q=%3Cscript%3Ealert(1)%3C/script%3E");
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body()).doesNotContain("<script>alert(1)");
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab?q=" + "a".repeat(5000)).statusCode())
        .isEqualTo(200);
    // a control character in a query is refused before any page, as everywhere
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab?q=a%00b").statusCode()).isEqualTo(400);
    // another office shows nothing of it
    assertThat(resident.get("/kecamatan/purwokerto-utara/tanya-jawab").body())
        .doesNotContain("Sabtu kliwon");
    assertThat(audits("faq.created", general)).isEqualTo(1);
    delete(admin, OFFICE, general);
    delete(admin, OFFICE, waris);
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body()).doesNotContain("Sabtu kliwon");
  }

  @Test
  void anOfficeHidesOrAdaptsTheRegencysQuestions() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    String item =
        write(
            regency,
            REGENCY,
            "",
            "Apakah surat elektronik sah tanpa cap basah mojosari?",
            "Sah, bertanda tangan elektronik.");
    WebClient resident = new WebClient(port);
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body()).contains("mojosari?");
    assertThat(resident.get("/kecamatan/purwokerto-utara/tanya-jawab").body())
        .as("another regency")
        .doesNotContain("mojosari?");

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get(OFFICE).body()).contains("Dari kabupaten, tampil");
    assertThat(admin.post(OFFICE + "/" + item + "/sembunyikan").statusCode()).isEqualTo(302);
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body()).doesNotContain("mojosari?");
    assertThat(admin.get(OFFICE).body()).contains("Dari kabupaten, disembunyikan");
    admin.post(OFFICE + "/" + item + "/tampilkan");
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body()).contains("mojosari?");

    // adapting: the office's copy replaces the regency's on its pages only
    assertThat(admin.get(OFFICE + "/baru?sesuaikan=" + item).body())
        .contains("Sesuaikan tanya jawab kabupaten")
        .contains("value=\"Apakah surat elektronik sah tanpa cap basah mojosari?\"");
    HttpResponse<String> adapted =
        admin.post(
            OFFICE,
            "serviceCode",
            "",
            "question",
            "Apakah surat elektronik sah tanpa cap basah mojosari di Jetis?",
            "answer",
            "Sah. Tunjukkan kode QR-nya.",
            "adaptsId",
            item,
            "version",
            "0");
    assertThat(adapted.statusCode()).isEqualTo(302);
    String copy = idOf(admin, "mojosari di Jetis?");
    String jetis = resident.get("/kecamatan/jetis/tanya-jawab").body();
    assertThat(jetis).contains("mojosari di Jetis?").doesNotContain("cap basah mojosari?<");
    assertThat(admin.get(OFFICE).body()).contains("Dari kabupaten, diganti salinan kecamatan");
    // a second copy of the same item is refused
    assertThat(
            admin
                .post(
                    OFFICE, "question", "Lagi", "answer", "Lagi", "adaptsId", item, "version", "0")
                .body())
        .contains("sudah punya salinan kecamatan");
    // the office cannot change or delete the regency's item itself
    assertThat(admin.get(OFFICE + "/" + item).statusCode()).isEqualTo(404);
    assertThat(admin.post(OFFICE + "/" + item + "/hapus").statusCode()).isEqualTo(404);
    // deleting the copy brings the regency's back
    delete(admin, OFFICE, copy);
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body())
        .contains("cap basah mojosari?</summary>");
    delete(regency, REGENCY, item);
    assertThat(resident.get("/kecamatan/jetis/tanya-jawab").body()).doesNotContain("mojosari");
  }

  @Test
  void hostileOrWrongInputIsRefusedWithAMessageAndSavesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(OFFICE + "/baru");
    long before = count();
    String[][] cases = {
      {"", "<script>alert(1)</script>", "Isi", "Tidak boleh berisi tag HTML"},
      {"", "Tanya", "Isi \u0000", "karakter yang tidak diperbolehkan"},
      {"", "Tanya\u202E", "Isi", "tak terlihat"},
      {"", "x".repeat(201), "Isi", "paling banyak 200"},
      {"", "Tanya", "y".repeat(3001), "paling banyak 3.000"},
      {"", "Tanya", "Lihat https://evil.example/login", "Tautan ke situs lain"},
      {"", "Tanya", "Klik bit.ly/abc", "Tautan ke situs lain"},
      {"TIDAKADA", "Tanya", "Isi", "Pilih layanan dari daftar."},
      {"", "", "Isi", "Wajib diisi."},
    };
    for (String[] c : cases) {
      HttpResponse<String> refused =
          admin.post(OFFICE, "serviceCode", c[0], "question", c[1], "answer", c[2], "version", "0");
      assertThat(refused.statusCode()).as(c[3]).isEqualTo(200);
      assertThat(refused.body()).as(c[3]).contains("error-summary").contains(c[3]);
      assertThat(refused.body()).doesNotContain("<script>alert(1)");
    }
    // adapting an item that is not the regency's, or a made-up id
    assertThat(
            admin
                .post(
                    OFFICE,
                    "question",
                    "Tanya",
                    "answer",
                    "Isi",
                    "adaptsId",
                    "00000000-0000-0000-0000-000000000000",
                    "version",
                    "0")
                .statusCode())
        .isEqualTo(404);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void anotherOfficeFindsNothingAndOtherRolesMayNotWrite() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String id = write(admin, OFFICE, "", "Hanya untuk Jetis tanya?", "Ya.");
    WebClient other = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(other.get(OFFICE + "/" + id).statusCode()).isEqualTo(404);
    other.get(OFFICE);
    assertThat(
            other
                .post(OFFICE + "/" + id, "question", "Diubah", "answer", "Isi", "version", "0")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.post(OFFICE + "/" + id + "/hapus").statusCode()).isEqualTo(404);
    assertThat(other.post(OFFICE + "/" + id + "/sembunyikan").statusCode()).isEqualTo(404);
    assertThat(other.get(OFFICE).body()).doesNotContain("Hanya untuk Jetis tanya?");
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get(OFFICE).statusCode())
        .isEqualTo(403);
    assertThat(admin.get(REGENCY).statusCode()).isEqualTo(403);
    assertThat(WebClient.signedIn(port, "kab.3302").get(REGENCY + "/" + id).statusCode())
        .isEqualTo(404);
    delete(admin, OFFICE, id);
  }

  private String write(
      WebClient admin, String base, String service, String question, String answer) {
    admin.get(base + "/baru");
    HttpResponse<String> saved =
        admin.post(
            base, "serviceCode", service, "question", question, "answer", answer, "version", "0");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(admin.get(base).body()).contains("Tanya jawab disimpan.");
    return idOf(admin, base, question);
  }

  private String idOf(WebClient admin, String question) {
    return idOf(admin, OFFICE, question);
  }

  private String idOf(WebClient admin, String base, String question) {
    String list = admin.get(base).body();
    int at = list.indexOf(question);
    assertThat(at).as(question).isPositive();
    Matcher m = ID.matcher(list.substring(Math.max(0, at - 200), at + 1));
    String id = null;
    while (m.find()) {
      id = m.group(1);
    }
    assertThat(id).isNotNull();
    return id;
  }

  private void delete(WebClient admin, String base, String id) {
    assertThat(admin.post(base + "/" + id + "/hapus").statusCode()).isEqualTo(302);
  }

  private long audits(String action, String id) {
    return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
        .params(action, id)
        .query(Long.class)
        .single();
  }

  private long count() {
    return jdbc.sql("select count(*) from faq_item").query(Long.class).single();
  }
}
