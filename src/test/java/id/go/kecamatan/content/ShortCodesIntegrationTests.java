package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.DraftStarted;
import id.go.kecamatan.application.DraftSubmitted;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An office administrator makes a short code for a poster at a village; a scan of {@code /q/<code>}
 * is counted for the day without a cookie and leads to the service with the code as {@code
 * ?sumber=}, which the start page carries into the draft; started and submitted applications are
 * counted once each. Wrong and hostile input is refused with a message and saves nothing; another
 * office's administrator finds nothing.
 */
@IntegrationTest
class ShortCodesIntegrationTests {

  private static final Pattern CODE = Pattern.compile("/admin/sosialisasi/kode/([A-Z2-9]{6})$");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;
  @Autowired id.go.kecamatan.shared.web.RateLimits limits;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @Test
  void aScanIsCountedWithoutACookieAndLeadsToTheServiceWithTheCode() {
    Office jetis = offices.bySlug("jetis").orElseThrow();
    String code = create(WebClient.signedIn(port, "admin.jetis"), "DOMISILI");

    WebClient phone = new WebClient(port);
    HttpResponse<String> scan = phone.get("/q/" + code.toLowerCase());
    assertThat(scan.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(scan))
        .isEqualTo("/kecamatan/jetis/layanan/DOMISILI?sumber=" + code);
    assertThat(scan.headers().allValues("Set-Cookie")).as("no cookie").isEmpty();
    assertThat(scan.headers().firstValue("Cache-Control")).hasValue("no-store");
    phone.get("/q/" + code);
    assertThat(day(jetis, code, "scans")).isEqualTo(2);

    // the service page and the start page carry the code to the draft
    String service = phone.get("/kecamatan/jetis/layanan/DOMISILI?sumber=" + code).body();
    assertThat(service).contains("/kecamatan/jetis/layanan/DOMISILI/ajukan?sumber=" + code);
    String start = phone.get("/kecamatan/jetis/layanan/DOMISILI/ajukan?sumber=" + code).body();
    assertThat(start).contains("<input type=\"hidden\" name=\"sumber\" value=\"" + code + "\">");
    HttpResponse<String> begun =
        phone.post("/kecamatan/jetis/layanan/DOMISILI/ajukan", "sumber", code);
    String draftId = WebClient.location(begun).replaceAll(".*/permohonan/([^/]+)/.*", "$1");
    assertThat(
            jdbc.sql("select campaign from application_draft where id = ?")
                .param(UUID.fromString(draftId))
                .query(String.class)
                .single())
        .isEqualTo(code);

    // a tampered parameter never reaches a page or a draft
    assertThat(phone.get("/kecamatan/jetis/layanan/DOMISILI?sumber=%22%3E%3Cscript%3E").body())
        .doesNotContain("<script>")
        .doesNotContain("sumber=%22");
    HttpResponse<String> tampered =
        phone.post("/kecamatan/jetis/layanan/DOMISILI/ajukan", "sumber", "<script>");
    String other = WebClient.location(tampered).replaceAll(".*/permohonan/([^/]+)/.*", "$1");
    assertThat(
            jdbc.sql("select campaign from application_draft where id = ?")
                .param(UUID.fromString(other))
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void anAddressThatScansOnAndOnIsRedirectedButCountedOnlyUpToItsLimit() {
    Office jetis = offices.bySlug("jetis").orElseThrow();
    String code = create(WebClient.signedIn(port, "admin.jetis"), "SKTM");
    limits.perMinute("short-code-scans-per-address", 30).reset();
    WebClient script = new WebClient(port);
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> scan = script.get("/q/" + code);
      assertThat(scan.statusCode()).isEqualTo(302);
      assertThat(WebClient.location(scan)).endsWith("?sumber=" + code);
    }
    assertThat(day(jetis, code, "scans")).isEqualTo(30);
    limits.perMinute("short-code-scans-per-address", 30).reset();
  }

  @Test
  void startedAndSubmittedApplicationsAreCountedOnceForTheirOfficesCodeOnly() {
    Office jetis = offices.bySlug("jetis").orElseThrow();
    Office purwokerto = offices.bySlug("purwokerto-utara").orElseThrow();
    String code = create(WebClient.signedIn(port, "admin.jetis"), "");
    UUID draft = UUID.randomUUID();
    UUID serviceId =
        jdbc.sql("select id from service_type where office_id = ? limit 1")
            .param(jetis.id())
            .query(UUID.class)
            .single();
    DraftStarted started =
        new DraftStarted(
            draft,
            jetis.id(),
            serviceId,
            "ABCDEFGH",
            "Siti",
            null,
            null,
            null,
            Instant.now(),
            code);
    publish(started);
    publish(started); // delivered again
    publish(
        new DraftSubmitted(
            draft,
            jetis.id(),
            serviceId,
            new ApplicationId(UUID.randomUUID()),
            Instant.now(),
            code));
    await().atMost(Duration.ofSeconds(10)).until(() -> day(jetis, code, "submitted") == 1);
    publish(
        new DraftSubmitted(
            draft,
            jetis.id(),
            serviceId,
            new ApplicationId(UUID.randomUUID()),
            Instant.now(),
            code));
    // another office's draft naming this code counts nothing
    publish(
        new DraftStarted(
            UUID.randomUUID(),
            purwokerto.id(),
            serviceId,
            "ABCDEFGJ",
            "Budi",
            null,
            null,
            null,
            Instant.now(),
            code));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> day(jetis, code, "started") == 1 && day(jetis, code, "submitted") == 1);

    String page =
        WebClient.signedIn(port, "admin.jetis").get("/admin/sosialisasi/kode/" + code).body();
    assertThat(page)
        .contains("<span id=\"started\">1</span>")
        .contains("<span id=\"submitted\">1</span>");
  }

  @Test
  void wrongOrHostileInputIsRefusedWithAMessageAndSavesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/sosialisasi/kode/baru");
    Office jetis = offices.bySlug("jetis").orElseThrow();
    String village = offices.villages(jetis.id()).get(0).id().toString();
    String otherVillage =
        offices
            .villages(offices.bySlug("purwokerto-utara").orElseThrow().id())
            .get(0)
            .id()
            .toString();
    long before = codes(jetis);
    String[][] cases = {
      {"<script>alert(1)</script>", "OFFICE_POSTER", "", "", "Tidak boleh berisi tag HTML"},
      {"Poster \u0000", "OFFICE_POSTER", "", "", "karakter yang tidak diperbolehkan"},
      {"x".repeat(ShortCodes.MAX_LABEL + 1), "OFFICE_POSTER", "", "", "paling banyak 120"},
      {"", "OFFICE_POSTER", "", "", "Wajib diisi."},
      {"Poster", "HACKED", "", "", "Pilih sumber kode."},
      {"Poster", "VILLAGE_POSTER", "", "", "Pilih desa/kelurahan tempat poster dipasang."},
      {"Poster", "VILLAGE_POSTER", otherVillage, "", "Pilih desa/kelurahan dari daftar"},
      {"Poster", "VILLAGE_POSTER", "not-a-uuid", "", "Pilih desa/kelurahan dari daftar"},
      {"Poster", "OFFICE_POSTER", "", "TIDAKADA", "Pilih layanan dari daftar"},
      {"Poster", "OFFICE_POSTER", village, "x".repeat(5000), "Pilih layanan dari daftar"},
    };
    for (String[] c : cases) {
      HttpResponse<String> refused =
          admin.post(
              "/admin/sosialisasi/kode",
              "label",
              c[0],
              "source",
              c[1],
              "village",
              c[2],
              "service",
              c[3]);
      assertThat(refused.statusCode()).as(c[4]).isEqualTo(200);
      assertThat(refused.body()).as(c[4]).contains("error-summary").contains(c[4]);
      assertThat(refused.body()).doesNotContain("<script>alert(1)");
    }
    assertThat(codes(jetis)).isEqualTo(before);
  }

  @Test
  void anotherOfficeFindsNothingAndOtherRolesMayNotOpenThePages() {
    String code = create(WebClient.signedIn(port, "admin.jetis"), "SKTM");
    WebClient other = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(other.get("/admin/sosialisasi/kode/" + code).statusCode()).isEqualTo(404);
    assertThat(other.getBytes("/admin/sosialisasi/kode/" + code + "/poster-a4.pdf").statusCode())
        .isEqualTo(404);
    assertThat(other.get("/admin/sosialisasi/kode").body()).doesNotContain(code);
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .get("/admin/sosialisasi/kode")
                .statusCode())
        .isEqualTo(403);
    assertThat(new WebClient(port).get("/q/ZZZZZZ").statusCode()).isEqualTo(404);
    assertThat(new WebClient(port).get("/q/%3Cscript%3E").statusCode()).isEqualTo(404);
  }

  /** Makes a code for a poster at the first village, for a service (or the office page). */
  private String create(WebClient admin, String service) {
    Office office = offices.bySlug("jetis").orElseThrow();
    admin.get("/admin/sosialisasi/kode/baru");
    HttpResponse<String> created =
        admin.post(
            "/admin/sosialisasi/kode",
            "label",
            "Poster balai desa",
            "source",
            "VILLAGE_POSTER",
            "village",
            offices.villages(office.id()).get(0).id().toString(),
            "service",
            service);
    Matcher m = CODE.matcher(WebClient.location(created));
    assertThat(m.find()).as(WebClient.location(created)).isTrue();
    String code = m.group(1);
    String page = admin.get("/admin/sosialisasi/kode/" + code).body();
    assertThat(page).contains("Kode dibuat.").contains("/q/" + code).contains("Poster balai desa");
    return code;
  }

  private void publish(Object event) {
    transactions.executeWithoutResult(t -> events.publishEvent(event));
  }

  private long day(Office office, String code, String column) {
    return jdbc.sql(
            "select coalesce(sum("
                + column
                + "), 0) from short_code_day d join short_code c on c.id = d.short_code_id"
                + " where d.office_id = ? and c.code = ?")
        .params(office.id(), code)
        .query(Long.class)
        .single();
  }

  private long codes(Office office) {
    return jdbc.sql("select count(*) from short_code where office_id = ?")
        .param(office.id())
        .query(Long.class)
        .single();
  }
}
