package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The back office's navigation in sections: the office admin's is short, every page it led to is
 * still reachable from it or a section's landing page (each answers 200), and other roles see only
 * what they may open, the admin's pages being refused to them.
 */
@IntegrationTest
class AdminNavigationIntegrationTests {

  private static final Pattern NAV =
      Pattern.compile("<nav class=\"admin-nav\".*?</nav>", Pattern.DOTALL);
  private static final Pattern MAIN = Pattern.compile("<main.*?</main>", Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)\"");

  /** Every page the office admin's navigation of 19 links led to. */
  private static final List<String> ADMIN_PAGES =
      List.of(
          "/admin",
          "/admin/dasbor",
          "/admin/loket",
          "/admin/permohonan",
          "/admin/surat/delegasi",
          "/admin/surat/terbit",
          "/admin/surat/penandatangan",
          "/admin/kantor",
          "/admin/pejabat",
          "/admin/layanan",
          "/admin/surat/templat",
          "/admin/pesan/templat",
          "/admin/kalender",
          "/admin/surat/penomoran",
          "/admin/staf",
          "/admin/pesan",
          "/admin/audit",
          "/admin/desa",
          "/akun/kata-sandi");

  @LocalServerPort int port;

  private static Set<String> links(Pattern area, String page) {
    Matcher m = area.matcher(page);
    Set<String> links = new LinkedHashSet<>();
    if (m.find()) {
      Matcher h = HREF.matcher(m.group());
      while (h.find()) {
        links.add(h.group(1));
      }
    }
    return links;
  }

  /** The navigation's links and those of its section landing pages, each opened once. */
  private Set<String> reachable(WebClient officer) {
    Set<String> nav = links(NAV, officer.get("/admin").body());
    Set<String> all = new LinkedHashSet<>(nav);
    for (String link : nav) {
      var response = officer.get(link);
      assertThat(response.statusCode()).as(link).isEqualTo(200);
      if (link.startsWith("/admin/bagian/")) {
        for (String inner : links(MAIN, response.body())) {
          all.add(inner);
        }
      }
    }
    for (String link : all) {
      assertThat(officer.get(link).statusCode()).as(link).isEqualTo(200);
    }
    return all;
  }

  @Test
  void theOfficeAdminsNavigationIsShortAndReachesEveryPage() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    Set<String> nav = links(NAV, admin.get("/admin").body());
    assertThat(nav).hasSizeLessThanOrEqualTo(10);
    assertThat(nav)
        .contains(
            "/admin/bagian/layanan",
            "/admin/bagian/surat",
            "/admin/bagian/kantor",
            "/admin/bagian/staf",
            "/admin/bagian/statistik");
    assertThat(reachable(admin)).containsAll(ADMIN_PAGES);
    String landing = admin.get("/admin/bagian/surat").body();
    assertThat(landing)
        .contains("<h1>Surat</h1>", "Format nomor surat dan urutannya per tahun.")
        .contains("aria-current=\"page\"");
    assertThat(admin.get("/admin/bagian/tidak-ada").statusCode()).isEqualTo(404);
    assertThat(admin.get("/admin/bagian/kabupaten").statusCode()).isEqualTo(404);
  }

  @Test
  void otherRolesSeeOnlyWhatTheyMayOpen() {
    for (String user : List.of("verifikator.jetis", "loket.jetis", "camat.jetis", "desa.jetis")) {
      WebClient officer = WebClient.signedIn(port, user);
      Set<String> reachable = reachable(officer);
      for (String adminOnly :
          List.of("/admin/staf", "/admin/audit", "/admin/surat/penomoran", "/admin/pesan")) {
        assertThat(reachable).as(user).doesNotContain(adminOnly);
        assertThat(officer.get(adminOnly).statusCode()).as(user + " " + adminOnly).isEqualTo(403);
      }
      assertThat(officer.get("/admin/bagian/kabupaten").statusCode()).as(user).isEqualTo(404);
    }
    // the signer reaches the signing queue and the key through the letters section
    assertThat(reachable(WebClient.signedIn(port, "camat.jetis")))
        .contains("/admin/surat/tanda-tangan", "/admin/surat/kunci");
  }
}
