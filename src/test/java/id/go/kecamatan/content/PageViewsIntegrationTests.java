package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.office.Offices;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visits of an office's public pages: a person's visits are counted per kind of page and day,
 * written by the minute's flush and not by the visit; crawlers, link previews and signed-in staff
 * are not counted; no cookie is set for it; the office administrator sees the figures, and another
 * office sees none of them.
 */
@IntegrationTest
class PageViewsIntegrationTests {

  static final String PHONE =
      "Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0 Mobile Safari/537.36";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PageViews views;
  @Autowired Offices offices;

  @Test
  void aPersonsVisitsAreCountedByTheMinuteNotByTheVisit() {
    views.flush();
    UUID jetis = offices.bySlug("jetis").orElseThrow().id();
    long before = stored(jetis, "FAQ");
    WebClient resident = new WebClient(port);
    for (int i = 0; i < 3; i++) {
      var page = resident.get("/kecamatan/jetis/tanya-jawab", "User-Agent", PHONE);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    }
    // not counted: a crawler, a link preview, no user agent at all, staff signed in, a 404
    resident.get("/kecamatan/jetis/tanya-jawab", "User-Agent", "Googlebot/2.1");
    resident.get("/kecamatan/jetis/tanya-jawab", "User-Agent", "WhatsApp/2.23.20.0");
    resident.get("/kecamatan/jetis/tanya-jawab");
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/kecamatan/jetis/tanya-jawab", "User-Agent", PHONE);
    resident.get("/kecamatan/jetis/layanan/TIDAKADA", "User-Agent", PHONE);

    assertThat(stored(jetis, "FAQ")).as("nothing written by the visits").isEqualTo(before);
    assertThat(views.flush()).isGreaterThanOrEqualTo(3);
    assertThat(stored(jetis, "FAQ")).isEqualTo(before + 3);
    assertThat(views.flush()).as("counted once").isZero();

    String figures = admin.get("/admin/sosialisasi/kunjungan?hari=7").body();
    assertThat(figures).contains("Kunjungan halaman").contains("Tanya jawab");
    assertThat(admin.get("/admin/sosialisasi/kunjungan?hari=%3Cscript%3E").statusCode())
        .isEqualTo(200);
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .get("/admin/sosialisasi/kunjungan")
                .statusCode())
        .isEqualTo(403);
  }

  private long stored(UUID office, String kind) {
    return jdbc.sql(
            "select coalesce(sum(views), 0) from page_view_day where office_id = ? and page_kind = ?")
        .params(office, kind)
        .query(Long.class)
        .single();
  }
}
