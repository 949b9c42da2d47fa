package id.go.kecamatan;

import static id.go.kecamatan.portal.PortalResidents.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceForm;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.catalog.web.PublicSiteCachingIntegrationTests;
import id.go.kecamatan.counter.CounterFixtures;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.portal.PortalResidents;
import id.go.kecamatan.portal.internal.PortalLimits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application on one database, as behind a load balancer: the tests' shared
 * application (node A) and a second one started here on another port (node B). A browser's requests
 * may land on either: staff and resident sessions, sign-out everywhere and the rate limits hold
 * across both, and a change made on one node shows on the other's public pages.
 */
@IntegrationTest
class TwoNodesIntegrationTests {

  private static ConfigurableApplicationContext nodeB;

  @LocalServerPort int portA;
  @Autowired DataSource dataSource;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;
  @Autowired Catalog catalog;
  @Autowired Offices offices;

  int portB;
  PortalResidents residents;

  @BeforeEach
  void startNodeB() {
    if (nodeB == null) {
      HikariDataSource database = (HikariDataSource) dataSource;
      nodeB =
          new SpringApplicationBuilder(LayananKecamatanApplication.class)
              .profiles("test")
              .properties(
                  "spring.datasource.url=" + database.getJdbcUrl(),
                  "spring.datasource.username=" + database.getUsername(),
                  "server.port=0",
                  // node A loaded the demo data already
                  "layanan.demo.enabled=false")
              .run();
    }
    portB = Integer.parseInt(nodeB.getEnvironment().getRequiredProperty("local.server.port"));
    assertThat(portB).as("node B serves on a port of its own").isNotEqualTo(portA);
    residents = new PortalResidents(applications, jdbc);
    limits.reset();
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
      nodeB = null;
    }
  }

  @Test
  void anOfficerSignedInOnOneNodeWorksOnTheOtherAndSignsOutOfBoth() {
    WebClient onA = WebClient.signedIn(portA, "verifikator.jetis");
    WebClient onB = onA.onPort(portB);

    HttpResponse<String> worklist = onB.get("/admin/permohonan");
    assertThat(worklist.statusCode()).isEqualTo(200);
    assertThat(worklist.body()).contains("action=\"/keluar\"");

    onB.post("/keluar");
    assertThat(WebClient.location(onA.get("/admin/permohonan"))).contains("/masuk");
  }

  @Test
  void aResidentAsksForTheCodeOnOneNodeAndTypesItOnTheOther() {
    String phone = newPhone();
    Application application = residents.applyFrom("Warga Dua Node", phone, null);
    WebClient onA = new WebClient(portA);
    onA.get("/masuk-warga");
    assertThat(onA.post("/masuk-warga", "kontak", phone).statusCode()).isEqualTo(302);

    WebClient onB = onA.onPort(portB);
    onB.get("/masuk-warga/kode");
    HttpResponse<String> signIn = onB.post("/masuk-warga/kode", "kode", residents.lastCode(phone));
    assertThat(WebClient.location(signIn)).endsWith("/portal");
    assertThat(onA.get("/portal").body()).contains(application.trackingCode().value());
  }

  @Test
  void signingOutEverywhereOnOneNodeEndsTheSessionsServedByTheOther() {
    String phone = newPhone();
    residents.applyFrom("Warga Dua Node", phone, null);
    WebClient laptopOnA = residents.signIn(new WebClient(portA), phone);
    limits.reset();
    WebClient phoneOnB = residents.signIn(new WebClient(portB), phone);
    assertThat(phoneOnB.get("/portal").statusCode()).isEqualTo(200);

    laptopOnA.get("/portal");
    laptopOnA.post("/portal/keluar-semua");

    assertThat(WebClient.location(phoneOnB.get("/portal"))).contains("/masuk-warga");
    assertThat(WebClient.location(phoneOnB.onPort(portA).get("/portal"))).contains("/masuk-warga");
  }

  @Test
  void aServiceChangedOnOneNodeShowsAtOnceOnTheOthersPublicPage() {
    String page = "/kecamatan/jetis/layanan/SKTM";
    WebClient onB = new WebClient(portB);
    // node B keeps the page's data in memory from this view on
    assertThat(onB.get(page).statusCode()).isEqualTo(200);
    Office jetis = offices.bySlug("jetis").orElseThrow();
    ServiceType before = catalog.activeService(jetis.id(), "SKTM").orElseThrow();
    String original = ServiceForm.of(before).description();
    String description = "Diubah di node A " + UUID.randomUUID();
    try {
      assertThat(
              catalog
                  .update(
                      jetis.id(),
                      before.id(),
                      PublicSiteCachingIntegrationTests.describing(before, description))
                  .ok())
          .isTrue();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(onB.get(page).body()).contains(description));
    } finally {
      ServiceType changed = catalog.activeService(jetis.id(), "SKTM").orElseThrow();
      catalog.update(
          jetis.id(),
          changed.id(),
          PublicSiteCachingIntegrationTests.describing(changed, original));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(onB.get(page).body()).doesNotContain(description));
  }

  @Test
  void anApplicationSubmittedOnOneNodeShowsOnTheOthersOfficePageWithinASecondOrTwo() {
    // an office of its own (Kemlagi), with one service copied from Jetis: its page marks the
    // service as most asked for only once it was applied for
    Office office = CounterFixtures.office(offices, jdbc, "35.16.15");
    Office jetis = offices.bySlug("jetis").orElseThrow();
    if (catalog.activeService(office.id(), "DOMISILI").isEmpty()) {
      assertThat(
              catalog
                  .create(
                      office.id(),
                      ServiceForm.of(catalog.activeService(jetis.id(), "DOMISILI").orElseThrow()))
                  .ok())
          .isTrue();
    }
    String page = "/kecamatan/" + office.slug();
    String popular = "<strong class=\"tag\">";
    WebClient onA = new WebClient(portA);
    WebClient onB = new WebClient(portB);
    boolean appliedBefore = onA.get(page).body().contains(popular);
    if (!appliedBefore) {
      // both nodes keep the figures (and the page) in memory from these views on
      assertThat(onB.get(page).body()).doesNotContain(popular);
      assertThat(onB.get(page).body()).doesNotContain(popular);
    }
    UUID village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(office.id())
            .query(UUID.class)
            .single();
    new CaseworkFixtures(applications, jdbc)
        .domisiliFrom(office.id(), village, "Warga Dua Node", newPhone(), null);

    assertThat(onA.get(page).body()).as("at once on the node that took it").contains(popular);
    long start = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(onB.get(page).body()).contains(popular));
    if (!appliedBefore) {
      // the figures and the rendered page are each kept at most a second
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void theCodeLimitPerContactCountsTheRequestsOfBothNodes() {
    String phone = newPhone();
    residents.applyFrom("Warga Dua Node", phone, null);
    // three requests a minute per contact, whichever node takes them
    int[] nodes = {portA, portB, portA};
    for (int port : nodes) {
      WebClient browser = new WebClient(port);
      browser.get("/masuk-warga");
      assertThat(browser.post("/masuk-warga", "kontak", phone).statusCode()).isEqualTo(302);
    }
    WebClient fourth = new WebClient(portB);
    fourth.get("/masuk-warga");
    HttpResponse<String> limited = fourth.post("/masuk-warga", "kontak", phone);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Terlalu banyak permintaan kode");
  }
}
