package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.statistics.Statistics;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff dashboard and the registers: an office's own figures and files only, the regency
 * administrator's offices only, hostile filters ignored with a message, the chosen months respected
 * by the registers.
 */
@IntegrationTest
class StaffStatisticsIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  @Test
  void officeDashboardShowsFullFiguresWithDrillDownToTheWorklist() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    HttpResponse<String> page = admin.get("/admin/statistik?kanal=online");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Statistik pelayanan", "Kecamatan Jetis")
        .contains("/admin/permohonan?status=rejected&amp;kanal=online")
        .contains("/admin/statistik/register/permohonan.xlsx?dari=")
        .doesNotContain("&lt; 5"); // staff see every count
    // the reasons the demo officers wrote are shown to staff
    assertThat(admin.get("/admin/statistik").body())
        .contains("Pemohon tidak berdomisili di wilayah kecamatan ini menurut KK.");
  }

  @Test
  void hostileFiltersAreIgnoredWithAMessage() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID otherOfficesService =
        jdbc.sql(
                "select s.id from service_type s join office o on o.id = s.office_id"
                    + " where o.code = '33.02.27' limit 1")
            .query(UUID.class)
            .single();
    for (String query :
        List.of(
            "dari=%3Cscript%3Ealert(1)%3C/script%3E",
            "sampai=2026-13",
            "layanan=" + otherOfficesService,
            "layanan=not-a-uuid",
            "desa=" + "a".repeat(5000),
            "kanal=%00%1B",
            "kanal=DROP%20TABLE")) {
      HttpResponse<String> page = admin.get("/admin/statistik?" + query);
      assertThat(page.statusCode()).as(query).isIn(200, 400);
      if (page.statusCode() == 200) {
        assertThat(page.body()).as(query).contains("Sebagian saringan tidak dikenal");
        assertThat(page.body()).doesNotContain("<script>alert");
      }
    }
    assertThat(admin.get("/admin/statistik?dari=2020-01&sampai=2026-12").body())
        .contains("Periode paling panjang 36 bulan");
  }

  @Test
  void aPeriodTypedTheWrongWayRoundIsSwappedAndAMonthToComeIsSaid() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    YearMonth now = statistics.currentMonth();
    String reversed =
        admin.get("/admin/statistik?dari=" + now + "&sampai=" + now.minusMonths(2)).body();
    assertThat(reversed)
        .contains("keduanya ditukar")
        .contains("id=\"dari\" name=\"dari\" type=\"month\" value=\"" + now.minusMonths(2) + "\"")
        .contains("id=\"sampai\" name=\"sampai\" type=\"month\" value=\"" + now + "\"");
    String ahead =
        admin
            .get("/admin/statistik?dari=" + now.minusMonths(1) + "&sampai=" + now.plusMonths(3))
            .body();
    assertThat(ahead)
        .contains("periode diakhiri bulan ini")
        .contains("id=\"dari\" name=\"dari\" type=\"month\" value=\"" + now.minusMonths(1) + "\"")
        .contains("id=\"sampai\" name=\"sampai\" type=\"month\" value=\"" + now + "\"");
  }

  @Test
  void registersAreTheOfficesOwnAndRespectTheChosenMonths() throws Exception {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID office = fixtures.jetis();
    Application a =
        fixtures.domisili(office, fixtures.operatorVillage("desa.jetis"), "Register Statistik");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from stat_application where application_id = ?")
                        .param(a.id().value())
                        .query(Long.class)
                        .single()
                    == 1);
    YearMonth month = statistics.currentMonth();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");

    List<Row> rows =
        read(
            admin.getBytes(
                "/admin/statistik/register/permohonan.xlsx?dari=" + month + "&sampai=" + month));
    assertThat(rows.get(0).getCellText(0)).isEqualTo("Kode lacak");
    assertThat(rows)
        .anySatisfy(r -> assertThat(r.getCellText(0)).isEqualTo(a.trackingCode().value()));
    // no other office's application
    List<String> jetisCodes =
        jdbc.sql("select tracking_code from application where office_id = ?")
            .param(office)
            .query(String.class)
            .list();
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(r -> assertThat(jetisCodes).contains(r.getCellText(0)));

    List<Row> earlier =
        read(
            admin.getBytes(
                "/admin/statistik/register/permohonan.xlsx?dari="
                    + month.minusMonths(14)
                    + "&sampai="
                    + month.minusMonths(13)));
    assertThat(earlier).hasSize(1); // the headings only

    List<Row> letters =
        read(
            admin.getBytes(
                "/admin/statistik/register/surat-keluar.xlsx?dari=" + month + "&sampai=" + month));
    assertThat(letters.get(0).getCellText(0)).isEqualTo("Nomor surat");
    assertThat(letters.size()).isGreaterThan(1);
    assertThat(letters.subList(1, letters.size()))
        .allSatisfy(r -> assertThat(r.getCellText(3)).contains("*"));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'statistics.register.letters'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theOfficerFilterNarrowsTheFiguresAndTheDrillDown() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID verifier =
        jdbc.sql("select id from staff where username = 'verifikator.jetis'")
            .query(UUID.class)
            .single();
    String page = admin.get("/admin/statistik?petugas=" + verifier).body();
    assertThat(page)
        .contains("id=\"petugas\"")
        .contains("value=\"" + verifier + "\" selected")
        .contains("Angka seorang petugas")
        .contains("petugas=" + verifier);
    // another office's officer, or nonsense, is dropped with a notice
    UUID stranger =
        jdbc.sql(
                "select s.id from staff s join office o on o.id = s.office_id"
                    + " where o.code = '33.02.27' limit 1")
            .query(UUID.class)
            .single();
    for (String wrong : List.of(stranger.toString(), "%3Cscript%3E", "x".repeat(500))) {
      HttpResponse<String> response = admin.get("/admin/statistik?petugas=" + wrong);
      assertThat(response.statusCode()).as(wrong).isEqualTo(200);
      assertThat(response.body())
          .as(wrong)
          .doesNotContain("Angka seorang petugas")
          .doesNotContain("<script>");
    }
  }

  @Test
  void theApplicationsRegisterFollowsTheOfficerFilter() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID verifier =
        jdbc.sql("select id from staff where username = 'verifikator.jetis'")
            .query(UUID.class)
            .single();
    UUID jetis = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    YearMonth to = statistics.currentMonth();
    YearMonth from = to.minusMonths(11);
    // three of the period's applications are now assigned to the verifier (as the casework's
    // ApplicationAssigned events record it)
    List<UUID> chosen =
        jdbc.sql(
                "select application_id from stat_application where office_id = ?"
                    + " and assignee_id is null"
                    + " and submitted_at >= cast(? as date)::timestamp at time zone 'Asia/Jakarta'"
                    + " order by submitted_at limit 3")
            .params(jetis, from.atDay(1))
            .query(UUID.class)
            .list();
    assertThat(chosen).hasSize(3);
    jdbc.sql("update stat_application set assignee_id = ? where application_id = any(?)")
        .params(verifier, chosen.toArray(UUID[]::new))
        .update();
    try {
      List<String> assigned =
          jdbc.sql(
                  "select tracking_code from stat_application where office_id = ?"
                      + " and assignee_id = ?"
                      + " and submitted_at >= cast(? as date)::timestamp at time zone"
                      + " 'Asia/Jakarta'")
              .params(jetis, verifier, from.atDay(1))
              .query(String.class)
              .list();
      registerFollowsOfficer(admin, verifier, from, to, assigned);
    } finally {
      jdbc.sql("update stat_application set assignee_id = null where application_id = any(?)")
          .param(chosen.toArray(UUID[]::new))
          .update();
    }
  }

  private void registerFollowsOfficer(
      WebClient admin, UUID verifier, YearMonth from, YearMonth to, List<String> assigned)
      throws Exception {
    String query = "?dari=" + from + "&sampai=" + to;
    List<Row> all = read(admin.getBytes("/admin/statistik/register/permohonan.xlsx" + query));
    List<Row> mine =
        read(
            admin.getBytes(
                "/admin/statistik/register/permohonan.xlsx" + query + "&petugas=" + verifier));
    assertThat(mine.get(0).getCellText(0)).isEqualTo("Kode lacak");
    assertThat(mine.subList(1, mine.size()))
        .extracting(r -> r.getCellText(0))
        .containsExactlyInAnyOrderElementsOf(assigned);
    assertThat(all.size()).isGreaterThan(mine.size());
    // an officer of another office is ignored (the whole register), as on the dashboard
    UUID stranger =
        jdbc.sql(
                "select s.id from staff s join office o on o.id = s.office_id"
                    + " where o.code = '33.02.27' limit 1")
            .query(UUID.class)
            .single();
    // read side by side until they agree: the whole register may grow between two reads while
    // listeners of other classes' applications (or resubmitted publications) still count
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        read(admin.getBytes(
                                "/admin/statistik/register/permohonan.xlsx"
                                    + query
                                    + "&petugas="
                                    + stranger))
                            .size())
                    .isEqualTo(
                        read(admin.getBytes("/admin/statistik/register/permohonan.xlsx" + query))
                            .size()));
  }

  @Test
  void theAuditTrailExtractIsTheOfficeAdminsOfTheirOfficeAndItselfAudited() throws Exception {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    UUID other =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    YearMonth month = statistics.currentMonth();
    String marker = "<script>alert(1)</script>\u0007 jejak " + System.nanoTime();
    jdbc.sql(
            """
            insert into audit_event (actor_name, office_id, action, entity_type, entity_id, details)
            values ('Uji Jejak', ?, 'test.marked', 'office', ?, cast(? as jsonb))
            """)
        .params(jetis, jetis.toString(), "{\"note\": \"" + marker.replace("\u0007", "") + "\"}")
        .update();
    jdbc.sql(
            """
            insert into audit_event (actor_name, office_id, action, entity_type, entity_id)
            values ('Rahasia Purwokerto', ?, 'test.other', 'office', ?)
            """)
        .params(other, other.toString())
        .update();
    // an action the system did: named in words (as on the audit page), not by its code
    jdbc.sql(
            """
            insert into audit_event (actor_name, office_id, action, entity_type, entity_id)
            values ('sistem', ?, 'statistics.register.audit', 'office', ?)
            """)
        .params(jetis, jetis.toString())
        .update();
    String path = "/admin/statistik/register/jejak-audit.xlsx?dari=" + month + "&sampai=" + month;
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/statistik").body()).contains("register/jejak-audit.xlsx");
    List<Row> rows = read(admin.getBytes(path));
    assertThat(rows.get(0).getCellText(1)).isEqualTo("Pelaku");
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.getCellText(1)).isEqualTo("Uji Jejak");
              assertThat(r.getCellText(2)).isEqualTo("test.marked");
              assertThat(r.getCellText(5)).contains("<script>alert(1)</script>");
            })
        .anySatisfy(
            r -> {
              assertThat(r.getCellText(1)).isEqualTo("sistem");
              assertThat(r.getCellText(2)).isEqualTo("Jejak audit kantor diunduh");
            })
        .noneSatisfy(r -> assertThat(r.getCellText(2)).isEqualTo("statistics.register.audit"))
        .noneSatisfy(r -> assertThat(r.getCellText(1)).isEqualTo("Rahasia Purwokerto"));
    assertThat(read(admin.getBytes(path + "&lang=en")))
        .anySatisfy(
            r -> {
              assertThat(r.getCellText(1)).isEqualTo("system");
              assertThat(r.getCellText(2)).isEqualTo("Office audit trail downloaded");
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'statistics.register.audit'"
                        + " and office_id = ?")
                .param(jetis)
                .query(Long.class)
                .single())
        .isPositive();
    // a month long ago: the headings only
    assertThat(
            read(
                admin.getBytes(
                    "/admin/statistik/register/jejak-audit.xlsx?dari=2021-01&sampai=2021-02")))
        .hasSize(1);
    // the verifier and the signer read the other registers, not the audit trail
    for (String user : List.of("verifikator.jetis", "loket.jetis", "desa.jetis")) {
      assertThat(WebClient.signedIn(port, user).getBytes(path).statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get("/admin/statistik").body())
        .doesNotContain("jejak-audit.xlsx");
  }

  @Test
  void onlyTheOfficesDecidersReadRegistersAndVillageOperatorsSeeTheirVillage() {
    for (String user : List.of("loket.jetis", "desa.jetis")) {
      WebClient client = WebClient.signedIn(port, user);
      assertThat(client.getBytes("/admin/statistik/register/permohonan.xlsx").statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(client.getBytes("/admin/statistik/register/surat-keluar.xlsx").statusCode())
          .as(user)
          .isEqualTo(403);
    }
    WebClient village = WebClient.signedIn(port, "desa.jetis");
    String page = village.get("/admin/statistik").body();
    assertThat(page).doesNotContain("id=\"desa\"").doesNotContain("register/permohonan.xlsx");
  }

  @Test
  void theRegencyAdministratorSeesTheirOfficesOnly() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    HttpResponse<String> page = regency.get("/admin/kabupaten/statistik");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Jetis").doesNotContain("Purwokerto");
    assertThat(regency.get("/admin/kabupaten/statistik?kantor=jetis").statusCode()).isEqualTo(200);
    assertThat(regency.get("/admin/kabupaten/statistik?kantor=" + purwokerto()).statusCode())
        .isEqualTo(404);
    assertThat(regency.getBytes("/admin/statistik/register/permohonan.xlsx").statusCode())
        .isEqualTo(404);

    WebClient officeAdmin = WebClient.signedIn(port, "admin.jetis");
    // an office's staff name another office in vain: their dashboard stays their own
    assertThat(officeAdmin.get("/admin/statistik?kantor=" + purwokerto()).body())
        .contains("Kecamatan Jetis")
        .doesNotContain("Purwokerto");
    assertThat(officeAdmin.get("/admin/kabupaten/statistik").statusCode()).isEqualTo(403);
    assertThat(officeAdmin.get("/admin/kabupaten/statistik?kantor=" + purwokerto()).statusCode())
        .isEqualTo(403);
  }

  private String purwokerto() {
    return jdbc.sql("select slug from office where code = '33.02.27'").query(String.class).single();
  }

  private static List<Row> read(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
      return wb.getFirstSheet().read();
    }
  }
}
