package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.shared.web.Formats;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Announcements: an office administrator publishes one with a banner and a running text; residents
 * see it on the office's pages with "terakhir diperbarui", the review date, a WhatsApp share link
 * and Open Graph tags; a regency's announcement shows on its offices only; once over it is gone
 * from every page; hostile input is refused and saves nothing; another office finds nothing.
 */
@IntegrationTest
class AnnouncementsIntegrationTests {

  static final String OFFICE = "/admin/sosialisasi/pengumuman";
  static final String REGENCY = "/admin/kabupaten/pengumuman";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anOfficeAnnouncementShowsWithItsBannerTickerShareLinkAndPreview() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String id =
        publish(
            admin,
            OFFICE,
            "Loket tutup Jumat pagi",
            "URGENT",
            true,
            "Loket tutup Jumat 08.00-10.00");

    WebClient resident = new WebClient(port);
    String office = resident.get("/kecamatan/jetis").body();
    assertThat(office)
        .contains("class=\"banner banner-urgent\"")
        .contains("href=\"/kecamatan/jetis/pengumuman/" + id + "\">Loket tutup Jumat pagi</a>");
    assertThat(resident.get("/kecamatan/jetis/pengumuman").body())
        .contains("Loket tutup Jumat pagi");

    String page = resident.get("/kecamatan/jetis/pengumuman/" + id).body();
    String today = Formats.longDate(today(), java.util.Locale.forLanguageTag("id"));
    assertThat(page)
        .contains("<h1>Loket tutup Jumat pagi</h1>")
        .contains("<h2>Yang perlu diketahui</h2>")
        .contains("<li>Pengajuan daring tetap buka</li>")
        .contains("Terakhir diperbarui " + today)
        .contains("Ditinjau ulang ")
        .contains("<meta property=\"og:title\" content=\"Loket tutup Jumat pagi\">")
        .contains(
            "<meta property=\"og:url\" content=\"http://localhost:"
                + port
                + "/kecamatan/jetis/pengumuman/"
                + id
                + "\">")
        .contains("<meta property=\"og:description\" content=\"Pelayanan di loket");
    Matcher share = Pattern.compile("href=\"(https://wa\\.me/\\?text=[^\"]+)\"").matcher(page);
    assertThat(share.find()).isTrue();
    String text =
        URLDecoder.decode(
            share.group(1).substring("https://wa.me/?text=".length()).replace("&amp;", "&"),
            StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "Loket tutup Jumat pagi – Kecamatan Jetis\nhttp://localhost:"
                + port
                + "/kecamatan/jetis/pengumuman/"
                + id);

    HttpResponse<String> ticker = resident.get("/kecamatan/jetis/pengumuman/teks-berjalan.txt");
    assertThat(ticker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(ticker.body()).contains("Loket tutup Jumat 08.00-10.00\n");

    // another office shows nothing of it
    assertThat(resident.get("/kecamatan/purwokerto-utara").body())
        .doesNotContain("Loket tutup Jumat pagi");
    assertThat(resident.get("/kecamatan/purwokerto-utara/pengumuman/" + id).statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'announcement.created' and entity_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    end(admin, OFFICE, id);
  }

  @Test
  void aRegencyAnnouncementShowsOnEveryOfficeOfTheRegencyOnly() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    String id =
        publish(regency, REGENCY, "Jaringan internet kabupaten dipelihara", "IMPORTANT", false, "");
    WebClient resident = new WebClient(port);
    assertThat(resident.get("/kecamatan/jetis/pengumuman").body())
        .contains("Jaringan internet kabupaten dipelihara")
        .contains("Untuk semua kecamatan");
    assertThat(resident.get("/kecamatan/jetis/pengumuman/teks-berjalan.txt").body())
        .as("no ticker line: the title runs")
        .contains("Jaringan internet kabupaten dipelihara\n");
    assertThat(resident.get("/kecamatan/purwokerto-utara/pengumuman").body())
        .doesNotContain("Jaringan internet kabupaten dipelihara");
    // the office administrator cannot change it, another regency cannot see it
    assertThat(WebClient.signedIn(port, "admin.jetis").get(OFFICE + "/" + id).statusCode())
        .isEqualTo(404);
    assertThat(WebClient.signedIn(port, "kab.3302").get(REGENCY + "/" + id).statusCode())
        .isEqualTo(404);
    end(regency, REGENCY, id);
  }

  @Test
  void theOfficeAdministratorSeesTheRegencysAnnouncementsOnTheOfficesPagesAndWhoseBannerShows() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    String id = publish(regency, REGENCY, "Pemadaman listrik se-kabupaten", "URGENT", true, "");
    String list = WebClient.signedIn(port, "admin.jetis").get(OFFICE).body();
    assertThat(list)
        .contains("Pengumuman kabupaten di halaman kecamatan ini")
        .contains("href=\"/kecamatan/jetis/pengumuman/" + id + "\">Pemadaman listrik se-kabupaten")
        // the regency's urgent banner is the one on the office's home page, and the list says so
        .contains(
            "Spanduk di beranda kecamatan hari ini: <strong>Pemadaman listrik se-kabupaten</strong>"
                + " (Untuk semua kecamatan)");
    // no form of the office's acts on it
    assertThat(list).doesNotContain(OFFICE + "/" + id);
    end(regency, REGENCY, id);
    assertThat(WebClient.signedIn(port, "admin.jetis").get(OFFICE).body())
        .doesNotContain("Pemadaman listrik se-kabupaten");
  }

  @Test
  void anAnnouncementThatIsOverIsGoneFromEveryPage() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String id =
        publish(
            admin,
            OFFICE,
            "Posyandu lansia pindah ke aula kecamatan",
            "URGENT",
            true,
            "Posyandu lansia di aula");
    WebClient resident = new WebClient(port);
    assertThat(resident.get("/kecamatan/jetis").body())
        .contains("Posyandu lansia pindah ke aula kecamatan");

    end(admin, OFFICE, id);
    assertThat(resident.get("/kecamatan/jetis").body()).doesNotContain("Posyandu lansia pindah");
    assertThat(resident.get("/kecamatan/jetis/pengumuman").body())
        .doesNotContain("Posyandu lansia pindah");
    assertThat(resident.get("/kecamatan/jetis/pengumuman/" + id).statusCode()).isEqualTo(404);
    assertThat(resident.get("/kecamatan/jetis/pengumuman/teks-berjalan.txt").body())
        .doesNotContain("Posyandu lansia di aula");
    // the administrator still sees it, marked as over
    assertThat(admin.get(OFFICE).body())
        .contains("Posyandu lansia pindah ke aula kecamatan")
        .contains("Berakhir");
  }

  @Test
  void hostileOrWrongInputIsRefusedWithAMessageAndSavesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(OFFICE + "/baru");
    long before = count();
    LocalDate today = today();
    String[][] cases = {
      {"<script>alert(1)</script>", "Isi", "", "Tidak boleh berisi tag HTML"},
      {"Judul", "Isi \u0000", "", "karakter yang tidak diperbolehkan"},
      {"x".repeat(121), "Isi", "", "paling banyak 120"},
      {"Judul", "y".repeat(5001), "", "paling banyak 5.000"},
      {"Judul", "Isi", "z".repeat(161), "paling banyak 160"},
      {
        "Judul",
        "Daftar di https://evil.example/login",
        "",
        "Tautan ke situs lain tidak diperbolehkan"
      },
      {"Judul", "Lihat www.evil.com", "", "Tautan ke situs lain tidak diperbolehkan"},
      {"Judul", "Klik bit.ly/abc", "", "Tautan ke situs lain tidak diperbolehkan"},
      {"Judul", "Isi", "javascript://alert(1)", "Tautan ke situs lain tidak diperbolehkan"},
      {"", "Isi", "", "Wajib diisi."},
    };
    for (String[] c : cases) {
      HttpResponse<String> refused =
          post(admin, OFFICE, c[0], c[1], c[2], "NORMAL", today, today.plusDays(3), today);
      assertThat(refused.statusCode()).as(c[3]).isEqualTo(200);
      assertThat(refused.body()).as(c[3]).contains("error-summary").contains(c[3]);
      assertThat(refused.body()).doesNotContain("<script>alert(1)");
    }
    assertThat(
            post(admin, OFFICE, "Judul", "Isi", "", "NORMAL", today, today.minusDays(1), today)
                .body())
        .contains("Tanggal berakhir sudah lewat.");
    assertThat(
            post(
                    admin,
                    OFFICE,
                    "Judul",
                    "Isi",
                    "",
                    "NORMAL",
                    today.plusDays(5),
                    today.plusDays(2),
                    today)
                .body())
        .contains("Tanggal berakhir harus sama dengan atau sesudah tanggal mulai.");
    assertThat(post(admin, OFFICE, "Judul", "Isi", "", "LOUD", today, today, today).body())
        .contains("Pilih prioritas.");
    assertThat(
            admin
                .post(
                    OFFICE,
                    "title",
                    "Judul",
                    "body",
                    "Isi",
                    "priority",
                    "NORMAL",
                    "startsOn",
                    "31-12-2026",
                    "endsOn",
                    "kemarin",
                    "reviewOn",
                    today.toString(),
                    "version",
                    "0")
                .body())
        .contains("Tulis tanggal yang benar.");
    assertThat(count()).isEqualTo(before);

    // a path on this site is fine
    String id = publish(admin, OFFICE, "Survei kepuasan", "NORMAL", false, "");
    assertThat(new WebClient(port).get("/kecamatan/jetis/pengumuman/" + id).body())
        .contains("/kecamatan/jetis/survei");
    end(admin, OFFICE, id);
  }

  @Test
  void anotherOfficeFindsNothingAndOtherRolesMayNotWrite() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String id = publish(admin, OFFICE, "Hanya untuk Jetis", "NORMAL", false, "");
    WebClient other = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(other.get(OFFICE + "/" + id).statusCode()).isEqualTo(404);
    other.get(OFFICE);
    LocalDate today = today();
    assertThat(
            post(other, OFFICE + "/" + id, "Diubah", "Isi", "", "NORMAL", today, today, today)
                .statusCode())
        .isEqualTo(404);
    assertThat(other.post(OFFICE + "/" + id + "/akhiri").statusCode()).isEqualTo(404);
    assertThat(other.get(OFFICE).body()).doesNotContain("Hanya untuk Jetis");
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get(OFFICE).statusCode())
        .isEqualTo(403);
    assertThat(admin.get(REGENCY).statusCode()).isEqualTo(403);
    assertThat(new WebClient(port).get("/kecamatan/jetis/pengumuman").body())
        .contains("Hanya untuk Jetis");
    end(admin, OFFICE, id);
  }

  private String publish(
      WebClient admin, String base, String title, String priority, boolean banner, String ticker) {
    admin.get(base + "/baru");
    LocalDate today = today();
    String body =
        title.equals("Survei kepuasan")
            ? "Isi survei di /kecamatan/jetis/survei setelah dilayani."
            : "Pelayanan di loket berubah sementara.\n\n## Yang perlu diketahui\n- Pengajuan daring tetap buka\n- Status dapat dilihat di /status";
    HttpResponse<String> saved =
        admin.post(
            base,
            "title",
            title,
            "body",
            body,
            "ticker",
            ticker,
            "priority",
            priority,
            banner ? "banner" : "x",
            "true",
            "startsOn",
            today.toString(),
            "endsOn",
            today.plusDays(7).toString(),
            "reviewOn",
            today.plusDays(3).toString(),
            "version",
            "0");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    return jdbc.sql(
            "select id::text from announcement where title = ? order by created_at desc limit 1")
        .param(title)
        .query(String.class)
        .single();
  }

  private void end(WebClient admin, String base, String id) {
    admin.get(base);
    HttpResponse<String> ended = admin.post(base + "/" + id + "/akhiri");
    assertThat(ended.statusCode()).isEqualTo(302);
  }

  private static HttpResponse<String> post(
      WebClient admin,
      String path,
      String title,
      String body,
      String ticker,
      String priority,
      LocalDate starts,
      LocalDate ends,
      LocalDate review) {
    return admin.post(
        path,
        "title",
        title,
        "body",
        body,
        "ticker",
        ticker,
        "priority",
        priority,
        "startsOn",
        starts.toString(),
        "endsOn",
        ends.toString(),
        "reviewOn",
        review.toString(),
        "version",
        "0");
  }

  private long count() {
    return jdbc.sql("select count(*) from announcement").query(Long.class).single();
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Jakarta"));
  }
}
