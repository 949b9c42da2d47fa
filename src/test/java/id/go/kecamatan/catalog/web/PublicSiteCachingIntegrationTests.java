package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceForm;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.content.PageViews;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public office and service pages are kept by the browser and revalidated ({@code ETag}, {@code
 * 304}) for anonymous visitors only, are served from data kept in memory, and still show a change
 * at once: made through the application, or by anyone in the database. Stylesheets and scripts
 * carry their content's hash and are kept a year.
 */
@IntegrationTest
public class PublicSiteCachingIntegrationTests {

  static final String SERVICE_PAGE = "/kecamatan/jetis/layanan/SKTM";

  @LocalServerPort int port;
  @Autowired Catalog catalog;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired PageViews views;

  @Test
  void anAnonymousVisitorRevalidatesAnUnchangedPageAndGetsNotModified() {
    WebClient visitor = new WebClient(port);
    for (String path : new String[] {"/", "/kecamatan/jetis", SERVICE_PAGE}) {
      HttpResponse<String> first = visitor.get(path);
      assertThat(first.statusCode()).as(path).isEqualTo(200);
      assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
      assertThat(first.headers().allValues("Set-Cookie")).as(path).isEmpty();
      String tag = first.headers().firstValue("ETag").orElseThrow();
      assertThat(tag).startsWith("W/\"");

      HttpResponse<String> again = visitor.get(path, "If-None-Match", tag);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).hasValue(tag);

      HttpResponse<String> otherCopy = visitor.get(path, "If-None-Match", "W/\"0123\"");
      assertThat(otherCopy.statusCode()).isEqualTo(200);
      assertThat(otherCopy.body()).isEqualTo(first.body());
    }
  }

  @Test
  void aPersonsRevalidatedVisitStillCounts() {
    String phone =
        "Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0 Mobile Safari/537.36";
    views.flush();
    UUID jetis = offices.bySlug("jetis").orElseThrow().id();
    long before = serviceViews(jetis);
    WebClient resident = new WebClient(port);
    HttpResponse<String> first = resident.get(SERVICE_PAGE, "User-Agent", phone);
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(resident.get(SERVICE_PAGE, "User-Agent", phone, "If-None-Match", tag).statusCode())
        .isEqualTo(304);
    views.flush();
    assertThat(serviceViews(jetis)).isEqualTo(before + 2);
  }

  private long serviceViews(UUID office) {
    return jdbc.sql(
            "select coalesce(sum(views), 0) from page_view_day where office_id = ?"
                + " and page_kind = 'SERVICE'")
        .param(office)
        .query(Long.class)
        .single();
  }

  @Test
  void aPageInEnglishHasATagOfItsOwn() {
    WebClient visitor = new WebClient(port);
    String indonesian = visitor.get(SERVICE_PAGE).headers().firstValue("ETag").orElseThrow();
    // choosing the language sets its cookie: that answer is not kept
    HttpResponse<String> switched = visitor.get(SERVICE_PAGE + "?lang=en");
    assertThat(switched.headers().firstValue("ETag")).isEmpty();
    assertThat(switched.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    HttpResponse<String> english = visitor.get(SERVICE_PAGE, "If-None-Match", indonesian);
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body()).contains("lang=\"en\"");
    assertThat(english.headers().firstValue("ETag"))
        .hasValueSatisfying(tag -> assertThat(tag).isNotEqualTo(indonesian));
  }

  @Test
  void aSignedInOfficerAlwaysGetsTheWholePageAndNothingIsKept() {
    String tag = new WebClient(port).get(SERVICE_PAGE).headers().firstValue("ETag").orElseThrow();
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    HttpResponse<String> page = officer.get(SERVICE_PAGE, "If-None-Match", tag);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("action=\"/keluar\"");
    assertThat(page.headers().firstValue("ETag")).isEmpty();
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void aChangeThroughTheApplicationShowsOnTheNextView() {
    Office jetis = offices.bySlug("jetis").orElseThrow();
    ServiceType before = catalog.activeService(jetis.id(), "SKTM").orElseThrow();
    String original = ServiceForm.of(before).description();
    WebClient visitor = new WebClient(port);
    HttpResponse<String> cached = visitor.get(SERVICE_PAGE);
    String description = "Diubah lewat aplikasi " + UUID.randomUUID();
    try {
      assertThat(catalog.update(jetis.id(), before.id(), describing(before, description)).ok())
          .isTrue();
      HttpResponse<String> after =
          visitor.get(
              SERVICE_PAGE, "If-None-Match", cached.headers().firstValue("ETag").orElseThrow());
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains(description);
    } finally {
      ServiceType changed = catalog.activeService(jetis.id(), "SKTM").orElseThrow();
      catalog.update(jetis.id(), changed.id(), describing(changed, original));
    }
    assertThat(visitor.get(SERVICE_PAGE).body()).isEqualTo(cached.body());
  }

  @Test
  void aChangeMadeInTheDatabaseByAnyoneShowsWithinMoments() {
    WebClient visitor = new WebClient(port);
    assertThat(visitor.get("/kecamatan/jetis").body()).contains("Kecamatan Jetis");
    String address = "Jl. Dicatat Langsung " + UUID.randomUUID();
    String old =
        jdbc.sql("select address from office where slug = 'jetis'").query(String.class).single();
    try {
      jdbc.sql("update office set address = ? where slug = 'jetis'").param(address).update();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(visitor.get("/kecamatan/jetis").body()).contains(address));
    } finally {
      jdbc.sql("update office set address = ? where slug = 'jetis'").param(old).update();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(visitor.get("/kecamatan/jetis").body()).doesNotContain(address));
  }

  @Test
  void stylesheetsAndScriptsCarryTheirContentsHashAndAreKeptAYear() {
    WebClient visitor = new WebClient(port);
    Matcher link =
        Pattern.compile("href=\"(/css/app-([0-9a-f]{32})\\.css)\"")
            .matcher(visitor.get("/kecamatan/jetis").body());
    assertThat(link.find()).isTrue();
    HttpResponse<String> css = visitor.get(link.group(1));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000")
        .contains("immutable");
    assertThat(css.body()).isEqualTo(visitor.get("/css/app.css").body());
    assertThat(visitor.get("/css/app.css").headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("immutable");
    // a hash that is not the file's content names nothing
    String wrong = link.group(2).startsWith("0") ? "1" : "0";
    assertThat(visitor.get("/css/app-" + wrong + link.group(2).substring(1) + ".css").statusCode())
        .isEqualTo(404);
  }

  /** The service's form with another description. */
  public static ServiceForm describing(ServiceType service, String description) {
    ServiceForm f = ServiceForm.of(service);
    return new ServiceForm(
        f.code(),
        f.name(),
        f.category(),
        description,
        f.procedureSteps(),
        f.completionDays(),
        f.cost(),
        f.product(),
        f.complaintChannel(),
        f.legalBasis(),
        f.facilities(),
        f.competence(),
        f.supervision(),
        f.staffCount(),
        f.serviceGuarantee(),
        f.securityGuarantee(),
        f.performanceEvaluation(),
        f.classificationCode(),
        f.online(),
        f.counter(),
        f.village(),
        f.secondCheck(),
        service.version());
  }
}
