package id.go.kecamatan.counter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.counter.Calling;
import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.ServiceGroup;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From the ticket being served at a counter the officer starts the assisted intake: the application
 * records the visit ("dari antrean J-001" on its page) and the ticket the application (a link on
 * the ticket's page and at the counter). A ticket that is not being served there, or a service not
 * offered at the counter, starts nothing; another office's officer reaches neither.
 */
@IntegrationTest
class TicketApplicationIntegrationTests {

  static final Pattern DRAFT = Pattern.compile("/admin/loket/([0-9a-f\\-]{36})/data");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceGroups groups;
  @Autowired Desks desks;
  @Autowired Tickets tickets;
  @Autowired Calling calling;

  UUID jetis() {
    return jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
  }

  /** Jetis's group J and its Loket 9, only for this class (no other test's tickets are there). */
  UUID loket9(UUID office) {
    UUID group =
        groups.of(office).stream()
            .filter(g -> g.prefix().equals("J"))
            .map(ServiceGroup::id)
            .findFirst()
            .orElseGet(
                () ->
                    groups
                        .save(
                            office,
                            null,
                            new ServiceGroups.Form(
                                "J", "Uji permohonan", "1", "999", "true", "", "5", "true"))
                        .value());
    return desks.of(office).stream()
        .filter(d -> d.number() == 9)
        .map(Desks.Desk::id)
        .findFirst()
        .orElseGet(
            () ->
                desks
                    .save(office, null, "9", "Loket 9", List.of(group.toString()), "true")
                    .value());
  }

  @Test
  void anApplicationStartedFromATicketRecordsTheVisitAndTheTicketTheApplication() {
    UUID office = jetis();
    UUID desk = loket9(office);
    UUID group = desks.get(office, desk).orElseThrow().groupIds().iterator().next();
    Tickets.Issued issued =
        tickets.issue(
            Tickets.Request.walkIn(
                office, group, TicketSource.FRONT_OFFICE, null, "Pak Darmo", null, null));
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    String base = "/admin/antrean/loket/" + desk + "/tiket/" + issued.id() + "/permohonan";

    // only the ticket being served at this counter
    calling.callNext(office, desk);
    officer.get("/admin/antrean/loket/" + desk);
    HttpResponse<String> early = officer.post(base, "service", "DOMISILI");
    assertThat(WebClient.location(early)).endsWith("/admin/antrean/loket/" + desk);
    assertThat(officer.get("/admin/antrean/loket/" + desk).body())
        .contains("Tiket ini sudah berubah")
        .doesNotContain("Buat permohonan untuk warga ini");
    calling.serve(office, desk, issued.id());
    String page = officer.get("/admin/antrean/loket/" + desk).body();
    assertThat(page).contains("Buat permohonan untuk warga ini", "value=\"DOMISILI\"");
    officer.post(base, "service", "<script>");
    assertThat(officer.get("/admin/antrean/loket/" + desk).body())
        .contains("Pilih layanan yang dapat diajukan di loket.")
        .doesNotContain("<script>");
    assertThat(
            WebClient.signedIn(port, "loket.purwokertoutara")
                .post(base, "service", "DOMISILI")
                .statusCode())
        .as("another office's officer")
        .isEqualTo(404);

    HttpResponse<String> started = officer.post(base, "service", "DOMISILI");
    Matcher draft = DRAFT.matcher(WebClient.location(started));
    assertThat(draft.find()).as(WebClient.location(started)).isTrue();
    String trackingCode = submit(officer, draft.group(1), office);

    UUID application =
        jdbc.sql("select id from application where tracking_code = ?")
            .param(trackingCode)
            .query(UUID.class)
            .single();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                application.equals(
                    jdbc.sql("select application_id from ticket where id = ?")
                        .param(issued.id())
                        .query(UUID.class)
                        .single()));
    assertThat(officer.get("/admin/antrean/tiket/" + issued.id()).body())
        .contains("href=\"/admin/permohonan/" + application + "\">" + trackingCode + "<");
    assertThat(officer.get("/admin/antrean/loket/" + desk).body())
        .contains("id=\"current-application\"", trackingCode)
        .doesNotContain("Buat permohonan untuk warga ini");
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .get("/admin/permohonan/" + application)
                .body())
        .contains("dari antrean " + issued.number());
    calling.finish(office, desk, issued.id(), id.go.kecamatan.counter.VisitOutcome.APPLICATION);
  }

  /** Fills the draft as the intake's pages do and submits it; returns the tracking code. */
  private String submit(WebClient officer, String draft, UUID office) {
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(office)
            .query(String.class)
            .single();
    officer.get("/admin/loket/" + draft + "/data");
    HttpResponse<String> data =
        officer.post(
            "/admin/loket/" + draft + "/data",
            "nik",
            "3516161203850042",
            "name",
            "Darmo",
            "birthPlace",
            "Mojokerto",
            "birthDate",
            "1985-03-12",
            "sex",
            "MALE",
            "villageId",
            village,
            "address",
            "Dusun Sumber RT 02 RW 01",
            "keperluan",
            "pribadi",
            "keterangan",
            "Persyaratan bank");
    assertThat(data.statusCode()).as(data.body()).isEqualTo(302);
    for (String requirement :
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'DOMISILI' and r.required order by r.position
                """)
            .param(office)
            .query(String.class)
            .list()) {
      officer.get("/admin/loket/" + draft + "/berkas");
      assertThat(
              officer
                  .upload(
                      "/admin/loket/" + draft + "/berkas/" + requirement,
                      "files",
                      Map.of(),
                      new WebClient.FilePart("pindaian.pdf", "application/pdf", TestFiles.pdf(1)))
                  .statusCode())
          .isEqualTo(302);
    }
    officer.get("/admin/loket/" + draft + "/berkas");
    assertThat(officer.post("/admin/loket/" + draft + "/kirim", "consent", "yes").statusCode())
        .isEqualTo(302);
    Matcher code =
        Pattern.compile("id=\"tracking-code\">([0-9]+-[A-Z0-9]+)<")
            .matcher(officer.get("/admin/loket/" + draft + "/selesai").body());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }
}
