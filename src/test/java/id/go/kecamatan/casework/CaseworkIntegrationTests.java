package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ApplicationStatusView;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.TrackedApplications;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The back office over HTTP on the demo data: worklist, case page, files, checks, notes, assignment
 * and decisions; who may see and do what (office, village, role); bad and hostile input; the audit
 * records. Every test makes its own applications.
 */
@IntegrationTest
class CaseworkIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID operatorVillage;
  UUID ktp;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    operatorVillage = fixtures.operatorVillage("desa.jetis");
    ktp = fixtures.requirement(jetis, "DOMISILI", "KTP");
  }

  Application submitted() {
    return fixtures.domisili(jetis, operatorVillage, CaseworkFixtures.unique("Siti"));
  }

  static String url(Application a) {
    return "/admin/permohonan/" + a.id().value();
  }

  int audits(Application a, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(a.id().toString(), action)
        .query(Integer.class)
        .single();
  }

  List<UUID> requirementsWithFiles(Application a) {
    return jdbc.sql(
            "select distinct requirement_id from application_attachment where application_id = ?")
        .param(a.id().value())
        .query(UUID.class)
        .list();
  }

  UUID firstDocument(Application a, UUID requirement) {
    return jdbc.sql(
            """
            select document_id from application_attachment
            where application_id = ? and requirement_id = ? order by position limit 1
            """)
        .params(a.id().value(), requirement)
        .query(UUID.class)
        .single();
  }

  String status(Application a) {
    return jdbc.sql("select status from application where id = ?")
        .param(a.id().value())
        .query(String.class)
        .single();
  }

  @Test
  void theWorklistFindsAnApplicationByCodeWithTheNikMasked() {
    Application a = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    HttpResponse<String> list = verifier.get("/admin/permohonan?q=" + a.trackingCode().value());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(a.trackingCode().value(), a.applicant().name());
    assertThat(list.body()).contains("••••••••••••0001").doesNotContain("3516164101900001");
    assertThat(list.body()).contains("/admin/permohonan/" + a.id().value());
    // by name prefix, case-insensitive, and by NIK: the code is among the rows
    assertThat(
            verifier
                .get("/admin/permohonan?q=" + a.applicant().name().toLowerCase().replace(' ', '+'))
                .body())
        .contains(a.trackingCode().value());
    assertThat(verifier.get("/admin/permohonan?status=SUBMITTED&petugas=belum").statusCode())
        .isEqualTo(200);
    // the navigation offers the worklist
    assertThat(verifier.get("/admin").body()).contains("href=\"/admin/permohonan\"");
  }

  @Test
  void aVerifierChecksAsksForCompletionAndTheResidentReadsTheReason() {
    Application a = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    HttpResponse<String> page = verifier.get(url(a));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(a.applicant().name(), "3516164101900001", "Persyaratan bank");
    assertThat(audits(a, "casework.viewed")).isEqualTo(1);

    assertThat(verifier.post(url(a) + "/periksa").statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    verifier.get(url(a));
    // nothing rejected yet: no completion to ask for
    assertThat(verifier.post(url(a) + "/kelengkapan").statusCode()).isEqualTo(400);
    HttpResponse<String> rejected =
        verifier.post(
            url(a) + "/persyaratan/" + ktp,
            "verdict",
            "reject",
            "reasonKey",
            "",
            "reasonText",
            "Foto KTP tidak terbaca");
    assertThat(rejected.statusCode()).isEqualTo(302);
    // approval is refused while a requirement is rejected
    verifier.get(url(a));
    assertThat(verifier.post(url(a) + "/setujui").body())
        .contains("setiap persyaratan yang berkasnya ada sudah diterima");
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    assertThat(verifier.post(url(a) + "/kelengkapan").statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("NEEDS_COMPLETION");

    ApplicationStatusView seen = tracked.status(a.trackingCode().value(), "7890").orElseThrow();
    assertThat(seen.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo("Foto KTP tidak terbaca"));
    assertThat(audits(a, "application.in_review")).isEqualTo(1);
    assertThat(audits(a, "casework.requirement.checked")).isEqualTo(1);
    assertThat(audits(a, "application.needs_completion")).isEqualTo(1);
  }

  @Test
  void approvalNeedsEveryRequirementAcceptedAndRecordsTheDeadline() {
    Application a = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    verifier.get(url(a));
    verifier.post(url(a) + "/periksa");
    verifier.get(url(a));
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(400);
    // a reason picked from the list is stored in the resident's words
    verifier.post(url(a) + "/persyaratan/" + ktp, "verdict", "reject", "reasonKey", "expired");
    assertThat(
            jdbc.sql("select reason from requirement_check where application_id = ?")
                .param(a.id().value())
                .query(String.class)
                .single())
        .isEqualTo("Dokumen sudah tidak berlaku");
    for (UUID requirement : requirementsWithFiles(a)) {
      verifier.post(url(a) + "/persyaratan/" + requirement, "verdict", "accept");
    }
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("APPROVED");
    Map<String, Object> finished =
        jdbc.sql("select finished_at, met_deadline from application where id = ?")
            .param(a.id().value())
            .query()
            .singleRow();
    assertThat(finished.get("finished_at")).isNotNull();
    assertThat(finished.get("met_deadline")).isEqualTo(true);
    assertThat(audits(a, "application.approved")).isEqualTo(1);
    assertThat(verifier.get(url(a)).body()).contains("tepat waktu");
    // a decision on a finished application changes nothing and says why
    HttpResponse<String> late = verifier.post(url(a) + "/tolak", "rejectReason", "Terlambat");
    assertThat(late.statusCode()).isEqualTo(302);
    assertThat(late.headers().firstValue("Location").orElseThrow()).endsWith("?konflik");
    assertThat(verifier.get(url(a) + "?konflik").body())
        .contains("baru saja diubah oleh petugas lain");
    assertThat(status(a)).isEqualTo("APPROVED");
  }

  @Test
  void filesAreServedAsAttachmentsAndOnlyThoseOfTheApplication() {
    Application a = submitted();
    Application other = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    UUID photo = firstDocument(a, ktp);
    HttpResponse<byte[]> download = verifier.getBytes(url(a) + "/berkas/" + photo);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<byte[]> thumbnail = verifier.getBytes(url(a) + "/berkas/" + photo + "/pratinjau");
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    assertThat(audits(a, "casework.document.viewed")).isEqualTo(1);
    // a document of another application, through this one's address
    assertThat(verifier.getBytes(url(a) + "/berkas/" + firstDocument(other, ktp)).statusCode())
        .isEqualTo(404);
    assertThat(verifier.getBytes(url(a) + "/berkas/not-a-uuid").statusCode()).isEqualTo(404);
  }

  @Test
  void anOfficerOfAnotherOfficeGetsNotFoundForEveryAddress() {
    Application a = submitted();
    UUID photo = firstDocument(a, ktp);
    for (String user :
        List.of("verifikator.purwokertoutara", "admin.purwokertoutara", "loket.batunadua")) {
      WebClient stranger = WebClient.signedIn(port, user);
      assertThat(stranger.get(url(a)).statusCode()).as(user).isEqualTo(404);
      assertThat(stranger.getBytes(url(a) + "/berkas/" + photo).statusCode()).isEqualTo(404);
      assertThat(stranger.getBytes(url(a) + "/berkas/" + photo + "/pratinjau").statusCode())
          .isEqualTo(404);
      assertThat(stranger.get("/admin/permohonan?q=" + a.trackingCode().value()).body())
          .doesNotContain(url(a));
      stranger.get("/admin/permohonan");
      for (String post :
          List.of(
              "/periksa",
              "/kelengkapan",
              "/setujui",
              "/tolak",
              "/ambil",
              "/tugaskan",
              "/catatan",
              "/persyaratan/" + ktp)) {
        int code =
            stranger
                .post(
                    url(a) + post,
                    "rejectReason",
                    "x",
                    "note",
                    "x",
                    "verdict",
                    "accept",
                    "assignee",
                    UUID.randomUUID().toString())
                .statusCode();
        assertThat(code).as(user + " POST " + post).isIn(403, 404);
      }
    }
    assertThat(status(a)).isEqualTo("SUBMITTED");
    assertThat(audits(a, "casework.viewed")).isZero();
    assertThat(
            jdbc.sql("select count(*) from casework_note where application_id = ?")
                .param(a.id().value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aVillageOperatorSeesOnlyTheApplicationsOfTheirVillage() {
    Application own = submitted();
    Application elsewhere =
        fixtures.domisili(
            jetis, fixtures.otherVillage(jetis, operatorVillage), CaseworkFixtures.unique("Budi"));
    WebClient operator = WebClient.signedIn(port, "desa.jetis");
    assertThat(operator.get(url(own)).statusCode()).isEqualTo(200);
    assertThat(operator.get(url(elsewhere)).statusCode()).isEqualTo(404);
    assertThat(
            operator
                .getBytes(url(elsewhere) + "/berkas/" + firstDocument(elsewhere, ktp))
                .statusCode())
        .isEqualTo(404);
    assertThat(operator.get("/admin/permohonan?q=" + own.trackingCode().value()).body())
        .contains(own.trackingCode().value());
    assertThat(operator.get("/admin/permohonan?q=" + elsewhere.trackingCode().value()).body())
        .doesNotContain(url(elsewhere));
    // asking for the other village by filter changes nothing
    assertThat(
            operator
                .get(
                    "/admin/permohonan?desa="
                        + fixtures.otherVillage(jetis, operatorVillage)
                        + "&q="
                        + elsewhere.trackingCode().value())
                .body())
        .doesNotContain(url(elsewhere));
    // and may not decide
    operator.get(url(own));
    assertThat(operator.post(url(own) + "/periksa").statusCode()).isEqualTo(403);
  }

  @Test
  void theFrontOfficeMayViewButNotDecide() {
    Application a = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    verifier.get(url(a));
    verifier.post(url(a) + "/periksa");
    for (UUID requirement : requirementsWithFiles(a)) {
      verifier.post(url(a) + "/persyaratan/" + requirement, "verdict", "accept");
    }
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    HttpResponse<String> page = counter.get(url(a));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("/setujui");
    for (String post :
        List.of(
            "/setujui", "/tolak", "/kelengkapan", "/periksa", "/ambil", "/persyaratan/" + ktp)) {
      assertThat(counter.post(url(a) + post, "rejectReason", "x").statusCode())
          .as(post)
          .isEqualTo(403);
    }
    assertThat(counter.post(url(a) + "/tugaskan", "assignee", "x").statusCode()).isEqualTo(403);
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    // notes are for every officer who may see it
    assertThat(counter.post(url(a) + "/catatan", "note", "Pemohon menelepon").statusCode())
        .isEqualTo(302);
  }

  @Test
  void anAdminAssignsOnlyToAVerifierOfTheOffice() {
    Application a = submitted();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID verifier =
        jdbc.sql("select id from staff where username = 'verifikator.jetis'")
            .query(UUID.class)
            .single();
    UUID foreign =
        jdbc.sql("select id from staff where username = 'verifikator.purwokertoutara'")
            .query(UUID.class)
            .single();
    UUID counter =
        jdbc.sql("select id from staff where username = 'loket.jetis'").query(UUID.class).single();
    admin.get(url(a));
    for (String bad :
        List.of(
            foreign.toString(),
            counter.toString(),
            UUID.randomUUID().toString(),
            "<script>alert(1)</script>",
            "x".repeat(5000),
            "")) {
      HttpResponse<String> response = admin.post(url(a) + "/tugaskan", "assignee", bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.body())
          .contains("Pilih verifikator kantor ini")
          .doesNotContain("<script>");
    }
    assertThat(admin.post(url(a) + "/tugaskan", "assignee", verifier.toString()).statusCode())
        .isEqualTo(302);
    WebClient v = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(v.get("/admin/permohonan?petugas=saya&q=" + a.trackingCode().value()).body())
        .contains(a.trackingCode().value());
    assertThat(v.get("/admin/permohonan?petugas=belum&q=" + a.trackingCode().value()).body())
        .doesNotContain(url(a));
    assertThat(audits(a, "casework.assigned")).isEqualTo(1);
    // the case is the verifier's own now: nothing to claim on its page
    assertThat(v.get(url(a)).body())
        .contains("Verifikator Jetis")
        .doesNotContain("Ambil permohonan ini");
    // another verifier's case is offered; a verifier may claim, but not assign to someone else
    jdbc.sql("update casework_assignment set staff_id = ? where application_id = ?")
        .params(
            jdbc.sql("select id from staff where username = 'admin.jetis'")
                .query(UUID.class)
                .single(),
            a.id().value())
        .update();
    assertThat(v.get(url(a)).body()).contains("Ambil permohonan ini");
    assertThat(v.post(url(a) + "/ambil").statusCode()).isEqualTo(302);
    assertThat(v.post(url(a) + "/tugaskan", "assignee", verifier.toString()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void badAndHostileInputIsRefusedOrShownEscaped() {
    Application a = submitted();
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    // filters: unknown values are named and ignored, the text comes back escaped
    HttpResponse<String> list =
        verifier.get(
            "/admin/permohonan?status=%3Cscript%3E&layanan=abc&desa="
                + UUID.randomUUID()
                + "&kanal=FAX&petugas=zz&tenggat=kemarin&setelah=garbage&q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("Saringan ini tidak dikenal")
        .doesNotContain("<script>alert(1)")
        .contains("&#34;>&lt;script>alert(1)&lt;/script>");
    HttpResponse<String> longSearch = verifier.get("/admin/permohonan?q=" + "a".repeat(3000));
    assertThat(longSearch.statusCode()).isEqualTo(200);
    assertThat(longSearch.body()).contains("Terlalu panjang");
    // LIKE wildcards are taken literally
    assertThat(verifier.get("/admin/permohonan?q=%25").body()).contains("Tidak ada permohonan");

    verifier.get(url(a));
    verifier.post(url(a) + "/periksa");
    verifier.get(url(a));
    // reasons: none, unknown, markup, too long, a bad verdict
    assertThat(verifier.post(url(a) + "/persyaratan/" + ktp, "verdict", "reject").body())
        .contains("Pilih atau tulis alasan penolakan");
    assertThat(
            verifier
                .post(url(a) + "/persyaratan/" + ktp, "verdict", "reject", "reasonKey", "lain")
                .body())
        .contains("Alasan ini tidak ada di daftar");
    HttpResponse<String> markup =
        verifier.post(
            url(a) + "/persyaratan/" + ktp,
            "verdict",
            "reject",
            "reasonText",
            "<img src=x onerror=alert(1)>");
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body())
        .contains("tag HTML")
        .doesNotContain("<img src=x")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(
            verifier
                .post(
                    url(a) + "/persyaratan/" + ktp,
                    "verdict",
                    "reject",
                    "reasonText",
                    "x".repeat(501))
                .body())
        .contains("paling banyak 500");
    assertThat(verifier.post(url(a) + "/persyaratan/" + ktp, "verdict", "maybe").statusCode())
        .isEqualTo(400);
    assertThat(
            verifier
                .post(url(a) + "/persyaratan/" + UUID.randomUUID(), "verdict", "accept")
                .statusCode())
        .isEqualTo(404);
    // notes: empty, too long, markup; quotes and ampersands are kept and shown escaped
    assertThat(verifier.post(url(a) + "/catatan", "note", "   ").statusCode()).isEqualTo(400);
    assertThat(verifier.post(url(a) + "/catatan", "note", "n".repeat(2001)).body())
        .contains("paling banyak 2.000");
    assertThat(verifier.post(url(a) + "/catatan", "note", "<script>alert(1)</script>").statusCode())
        .isEqualTo(400);
    assertThat(
            verifier
                .post(url(a) + "/catatan", "note", "Pak \"RT\" & Bu 'RW' bilang a<3 > b")
                .statusCode())
        .isEqualTo(302);
    String page = verifier.get(url(a)).body();
    assertThat(page).contains("Pak \"RT\" &amp; Bu 'RW' bilang a&lt;3 &gt; b");
    // rejection reason: empty and too long
    assertThat(verifier.post(url(a) + "/tolak", "rejectReason", "").statusCode()).isEqualTo(400);
    assertThat(verifier.post(url(a) + "/tolak", "rejectReason", "r".repeat(501)).statusCode())
        .isEqualTo(400);
    // without the CSRF token nothing happens
    assertThat(verifier.postRaw(url(a) + "/setujui").statusCode()).isEqualTo(403);
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    // malformed ids are pages that do not exist
    assertThat(verifier.get("/admin/permohonan/not-an-id").statusCode()).isEqualTo(404);
    assertThat(verifier.get("/admin/permohonan/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(audits(a, "casework.note.added")).isEqualTo(1);
    assertThat(ApplicationStatus.valueOf(status(a))).isEqualTo(ApplicationStatus.IN_REVIEW);
  }
}
