package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second check (pemeriksaan kedua) over HTTP on the demo data: a service whose catalogue entry
 * asks the signer to check again. The verifier's approval is the first check; only another officer
 * with the configured role approves; a rejection or completion request starts over; who may do
 * what. Each test makes its own copy of the Domisili service and its own applications.
 */
@IntegrationTest
class CaseworkSecondCheckIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    village = fixtures.operatorVillage("desa.jetis");
  }

  Application submitted(String secondCheck) {
    String code = fixtures.copyOfDomisili(jetis, secondCheck);
    return fixtures.domisili(jetis, village, CaseworkFixtures.unique("Waris"), code);
  }

  static String url(Application a) {
    return "/admin/permohonan/" + a.id().value();
  }

  String status(Application a) {
    return jdbc.sql("select status from application where id = ?")
        .param(a.id().value())
        .query(String.class)
        .single();
  }

  int audits(Application a, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(a.id().toString(), action)
        .query(Integer.class)
        .single();
  }

  int firstChecks(Application a) {
    return jdbc.sql("select count(*) from casework_first_check where application_id = ?")
        .param(a.id().value())
        .query(Integer.class)
        .single();
  }

  /** Starts the review and accepts every requirement with files, as the verifier. */
  WebClient reviewedBy(Application a, String username) {
    WebClient officer = WebClient.signedIn(port, username);
    officer.get(url(a));
    assertThat(officer.post(url(a) + "/periksa").statusCode()).isEqualTo(302);
    acceptAll(officer, a);
    return officer;
  }

  void acceptAll(WebClient officer, Application a) {
    for (UUID requirement :
        jdbc.sql(
                "select distinct requirement_id from application_attachment where application_id = ?")
            .param(a.id().value())
            .query(UUID.class)
            .list()) {
      assertThat(
              officer
                  .post(url(a) + "/persyaratan/" + requirement, "verdict", "accept")
                  .statusCode())
          .isEqualTo(302);
    }
    // shows (and so clears) the notices of the checks
    officer.get(url(a));
  }

  /**
   * The signer has the second check open when the verifier checks a requirement again, which clears
   * the first check: approving from the page was answered 403 "Tidak diizinkan", as if the signer
   * had lost the right to approve.
   */
  @Test
  void aSecondCheckFromAPageDrawnBeforeTheFirstCheckWasClearedSaysTheApplicationChanged() {
    Application a = submitted("SIGNER");
    WebClient verifier = reviewedBy(a, "verifikator.jetis");
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    assertThat(signer.get(url(a)).body()).contains("Setujui (pemeriksaan kedua)");
    UUID requirement =
        jdbc.sql(
                "select requirement_id from application_attachment where application_id = ? limit 1")
            .param(a.id().value())
            .query(UUID.class)
            .single();
    verifier.get(url(a));
    assertThat(
            verifier
                .post(
                    url(a) + "/persyaratan/" + requirement,
                    "verdict",
                    "reject",
                    "reasonKey",
                    "unreadable")
                .statusCode())
        .isEqualTo(302);
    assertThat(firstChecks(a)).isZero();

    HttpResponse<String> late = signer.post(url(a) + "/setujui");
    assertThat(late.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(late)).contains("?konflik");
    assertThat(signer.get(url(a) + "?konflik").body())
        .contains("Permohonan ini baru saja diubah oleh petugas lain")
        .doesNotContain("Setujui (pemeriksaan kedua)");
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    assertThat(audits(a, "casework.secondCheck.passed")).isZero();
  }

  @Test
  void theVerifiersApprovalIsTheFirstCheckAndTheSignerApproves() {
    Application a = submitted("SIGNER");
    WebClient verifier = reviewedBy(a, "verifikator.jetis");
    assertThat(verifier.get(url(a)).body()).contains("Setujui (pemeriksaan pertama)");

    HttpResponse<String> first = verifier.post(url(a) + "/setujui");
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    assertThat(firstChecks(a)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    """
                    select s.username from casework_first_check f join staff s on s.id = f.staff_id
                    where f.application_id = ?
                    """)
                .param(a.id().value())
                .query(String.class)
                .single())
        .isEqualTo("verifikator.jetis");
    assertThat(audits(a, "casework.firstCheck.passed")).isEqualTo(1);
    assertThat(audits(a, "application.approved")).isZero();
    String page = verifier.get(url(a)).body();
    assertThat(page)
        .contains("Pemeriksaan pertama dicatat")
        .contains("Menunggu pemeriksaan kedua")
        .doesNotContain("Setujui (pemeriksaan");
    // the worklist marks it, and its filter finds it (and not one waiting for the first check)
    assertThat(verifier.get("/admin/permohonan?q=" + a.trackingCode().value()).body())
        .contains("tag-second-check");
    Application notYet = submitted("SIGNER");
    reviewedBy(notYet, "verifikator.jetis");
    String waiting =
        verifier.get("/admin/permohonan?status=kedua&q=" + a.trackingCode().value()).body();
    assertThat(waiting).contains(a.trackingCode().value()).contains("tag-second-check");
    assertThat(
            verifier
                .get("/admin/permohonan?status=kedua&q=" + notYet.trackingCode().value())
                .body())
        .doesNotContain("/admin/permohonan/" + notYet.id().value());
    assertThat(verifier.get("/admin/permohonan?status=kedua'--").body())
        .contains("class=\"error-summary\"");

    // the same verifier again: refused with the reason, nothing changes
    HttpResponse<String> again = verifier.post(url(a) + "/setujui");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("menunggu pemeriksaan kedua");
    assertThat(status(a)).isEqualTo("IN_REVIEW");

    // the front office may not, by the URL rules
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    counter.get(url(a));
    assertThat(counter.post(url(a) + "/setujui").statusCode()).isEqualTo(403);
    assertThat(status(a)).isEqualTo("IN_REVIEW");

    // the signer sees the second check and approves
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    String signerPage = signer.get(url(a)).body();
    assertThat(signerPage).contains("Setujui (pemeriksaan kedua)").doesNotContain("/tolak\"");
    HttpResponse<String> second = signer.post(url(a) + "/setujui");
    assertThat(second.statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("APPROVED");
    assertThat(audits(a, "casework.secondCheck.passed")).isEqualTo(1);
    assertThat(audits(a, "application.approved")).isEqualTo(1);
    assertThat(signer.get(url(a)).body()).contains("Permohonan disetujui");
    // the first check stays on record
    assertThat(firstChecks(a)).isEqualTo(1);
  }

  @Test
  void theSameOfficerCannotGiveBothChecks() {
    // the office admin checks first; the second check is also the office admin's role
    Application a = submitted("OFFICE_ADMIN");
    WebClient admin = reviewedBy(a, "admin.jetis");
    assertThat(admin.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(firstChecks(a)).isEqualTo(1);
    HttpResponse<String> again = admin.post(url(a) + "/setujui");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("harus dilakukan oleh petugas lain");
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    // a signer is not the configured role here
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    signer.get(url(a));
    assertThat(signer.post(url(a) + "/setujui").statusCode()).isEqualTo(403);
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    assertThat(audits(a, "application.approved")).isZero();
  }

  @Test
  void theSignerMayNotApproveWithoutAFirstCheckNorAServiceWithoutASecondCheck() {
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    // before the first check (no page offers it: a page drawn before a first check was cleared)
    Application a = submitted("SIGNER");
    reviewedBy(a, "verifikator.jetis");
    signer.get(url(a));
    assertThat(WebClient.location(signer.post(url(a) + "/setujui"))).contains("?konflik");
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    assertThat(firstChecks(a)).isZero();
    // a service with one-step approval: checked in the service, not only by the URL rules
    Application plain = fixtures.domisili(jetis, village, CaseworkFixtures.unique("Satu"));
    reviewedBy(plain, "verifikator.jetis");
    signer.get(url(plain));
    assertThat(signer.post(url(plain) + "/setujui").statusCode()).isEqualTo(403);
    assertThat(status(plain)).isEqualTo("IN_REVIEW");
    // a signer still does not decide otherwise
    for (String post : List.of("/tolak", "/kelengkapan", "/periksa", "/ambil")) {
      assertThat(signer.post(url(a) + post, "rejectReason", "x").statusCode())
          .as(post)
          .isEqualTo(403);
    }
  }

  @Test
  void aCompletionRequestOrARejectionStartsOver() {
    Application a = submitted("SIGNER");
    WebClient verifier = reviewedBy(a, "verifikator.jetis");
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(firstChecks(a)).isEqualTo(1);
    // a requirement rejected after the first check: the first check is gone
    UUID requirement =
        jdbc.sql(
                "select requirement_id from application_attachment where application_id = ? limit 1")
            .param(a.id().value())
            .query(UUID.class)
            .single();
    assertThat(
            verifier
                .post(
                    url(a) + "/persyaratan/" + requirement,
                    "verdict",
                    "reject",
                    "reasonKey",
                    "unreadable")
                .statusCode())
        .isEqualTo(302);
    assertThat(firstChecks(a)).isZero();
    assertThat(audits(a, "casework.firstCheck.cleared")).isEqualTo(1);
    // the signer has nothing to approve now: told the application changed, nothing saved
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    signer.get(url(a));
    assertThat(WebClient.location(signer.post(url(a) + "/setujui"))).contains("?konflik");
    assertThat(status(a)).isEqualTo("IN_REVIEW");
    // first check again, then a completion request clears it
    acceptAll(verifier, a);
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(firstChecks(a)).isEqualTo(1);
    verifier.post(
        url(a) + "/persyaratan/" + requirement, "verdict", "reject", "reasonKey", "expired");
    assertThat(verifier.post(url(a) + "/kelengkapan").statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("NEEDS_COMPLETION");
    assertThat(firstChecks(a)).isZero();

    // a rejection while waiting for the second check clears it too
    Application b = submitted("SIGNER");
    WebClient other = reviewedBy(b, "verifikator.jetis");
    assertThat(other.post(url(b) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(firstChecks(b)).isEqualTo(1);
    assertThat(other.post(url(b) + "/tolak", "rejectReason", "Data tidak sesuai").statusCode())
        .isEqualTo(302);
    assertThat(status(b)).isEqualTo("REJECTED");
    assertThat(firstChecks(b)).isZero();
    assertThat(audits(b, "casework.firstCheck.cleared")).isEqualTo(1);
    // nothing left to approve for the signer: a decision on a finished application
    signer.get(url(b));
    HttpResponse<String> late = signer.post(url(b) + "/setujui");
    assertThat(late.statusCode()).isIn(302, 403);
    assertThat(status(b)).isEqualTo("REJECTED");
  }

  @Test
  void hostileInputChangesNothing() {
    Application a = submitted("SIGNER");
    WebClient verifier = reviewedBy(a, "verifikator.jetis");
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    WebClient signer = WebClient.signedIn(port, "camat.jetis");
    signer.get(url(a));
    // without the CSRF token
    assertThat(signer.postRaw(url(a) + "/setujui").statusCode()).isEqualTo(403);
    // malformed and unknown ids
    assertThat(signer.post("/admin/permohonan/not-an-id/setujui").statusCode()).isIn(400, 404);
    assertThat(signer.post("/admin/permohonan/" + UUID.randomUUID() + "/setujui").statusCode())
        .isEqualTo(404);
    // the signer of another office does not see it
    WebClient stranger = WebClient.signedIn(port, "camat.batunadua");
    stranger.get("/admin");
    assertThat(stranger.post(url(a) + "/setujui").statusCode()).isEqualTo(404);
    // extra fields are ignored: the second check is still the signer's own
    assertThat(
            signer
                .post(url(a) + "/setujui", "staffId", UUID.randomUUID().toString(), "status", "X")
                .statusCode())
        .isEqualTo(302);
    assertThat(status(a)).isEqualTo("APPROVED");
    assertThat(audits(a, "application.approved")).isEqualTo(1);
  }
}
