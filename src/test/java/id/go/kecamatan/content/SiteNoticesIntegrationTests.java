package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A regency administrator edits the accessibility statement; wrong and hostile texts are refused
 * with a message and lose nothing; every change is audited; nobody else may edit.
 */
@IntegrationTest
class SiteNoticesIntegrationTests {

  static final String EDIT = "/admin/kabupaten/pemberitahuan/aksesibilitas";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void backToTheDefault() {
    jdbc.sql("delete from site_notice where kind = 'ACCESSIBILITY'").update();
  }

  @Test
  void theRegencyAdministratorsTextReplacesTheDefaultAndIsAudited() {
    WebClient admin = WebClient.signedIn(port, "kab.3516");
    assertThat(admin.get(EDIT).body()).contains("Web Content Accessibility Guidelines");
    long audited = auditCount();

    HttpResponse<String> saved =
        admin.post(
            EDIT,
            "indonesian",
            "Pernyataan khusus Kabupaten Mojokerto.\n\n## Hubungi kami\n- Telepon 0321 123",
            "english",
            "");
    assertThat(WebClient.location(saved)).endsWith(EDIT);

    String page = new WebClient(port).get("/aksesibilitas?lang=id").body();
    assertThat(page)
        .contains("<p>Pernyataan khusus Kabupaten Mojokerto.</p>")
        .contains("<h2>Hubungi kami</h2>")
        .contains("<li>Telepon 0321 123</li>")
        .contains("Terakhir diubah")
        .doesNotContain("Web Content Accessibility Guidelines (WCAG) 2.2 tingkat AA");
    assertThat(new WebClient(port).get("/aksesibilitas?lang=en").body())
        .as("the English text left empty: the shipped one")
        .contains("Web Content Accessibility Guidelines (WCAG) 2.2 at level AA");
    assertThat(auditCount()).isEqualTo(audited + 1);
    assertThat(
            jdbc.sql(
                    "select details::text from audit_event where action = 'notice.updated'"
                        + " order by id desc limit 1")
                .query(String.class)
                .single())
        .contains("Pernyataan khusus Kabupaten Mojokerto.");
  }

  @Test
  void hostileOrOversizedTextIsRefusedWithAMessageAndNothingIsLost() {
    long before = jdbc.sql("select count(*) from site_notice").query(Long.class).single();
    WebClient admin = WebClient.signedIn(port, "kab.3516");
    admin.get(EDIT);
    String[][] cases = {
      {"Teks <script>alert(1)</script>", "Tidak boleh berisi tag HTML atau skrip"},
      {"Teks dengan NUL \u0000 di tengah", "Berisi karakter yang tidak diperbolehkan."},
      {"Teks \u202Eterbalik", "Berisi karakter tak terlihat (pengatur arah teks"},
      {"a".repeat(SiteNotices.MAX_LENGTH + 1), "Terlalu panjang: paling banyak 20.000 karakter."},
    };
    for (String[] hostile : cases) {
      HttpResponse<String> refused =
          admin.post(EDIT, "indonesian", hostile[0], "english", "Kept English text");
      assertThat(refused.statusCode()).as(hostile[1]).isEqualTo(200);
      assertThat(refused.body())
          .contains(hostile[1])
          .contains("Kept English text")
          .doesNotContain("<script>alert(1)</script>");
    }
    assertThat(jdbc.sql("select count(*) from site_notice").query(Long.class).single())
        .as("nothing saved")
        .isEqualTo(before);
  }

  @Test
  void onlyARegencyAdministratorMayEdit() {
    long before = jdbc.sql("select count(*) from site_notice").query(Long.class).single();
    WebClient officeAdmin = WebClient.signedIn(port, "admin.jetis");
    assertThat(officeAdmin.get(EDIT).statusCode()).isEqualTo(403);
    assertThat(officeAdmin.post(EDIT, "indonesian", "Diubah", "english", "").statusCode())
        .isEqualTo(403);
    assertThat(new WebClient(port).get(EDIT).statusCode()).isIn(302, 401);
    assertThat(jdbc.sql("select count(*) from site_notice").query(Long.class).single())
        .isEqualTo(before);
  }

  private long auditCount() {
    return jdbc.sql("select count(*) from audit_event where action = 'notice.updated'")
        .query(Long.class)
        .single();
  }
}
