package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office admin's signer positions and the Camat's delegations, over HTTP. */
@IntegrationTest
class SignersAndDelegationsIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private UUID staff(String username) {
    return jdbc.sql("select id from staff where username = ?")
        .param(username)
        .query(UUID.class)
        .single();
  }

  private String position(UUID staffId) {
    return jdbc.sql("select position || '|' || title from signer_profile where staff_id = ?")
        .param(staffId)
        .query(String.class)
        .single();
  }

  @Test
  void theOfficeAdminSetsASignersPositionAndBadInputChangesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.purwokertoutara");
    UUID sekcam = staff("sekcam.purwokertoutara");

    HttpResponse<String> page = admin.get("/admin/surat/penandatangan");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Penandatangan surat", "Sekretaris Kecamatan");

    HttpResponse<String> hostile =
        admin.post(
            "/admin/surat/penandatangan/" + sekcam,
            "position",
            "RAJA",
            "title",
            "<script>alert(1)</script>",
            "rank",
            "x".repeat(100_000));
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body()).contains("error-summary").doesNotContain("<script>alert(1)");
    assertThat(position(sekcam)).isEqualTo("SEKCAM|Sekretaris Kecamatan");
    HttpResponse<String> nul =
        admin.post(
            "/admin/surat/penandatangan/" + sekcam, "position", "SEKCAM", "title", "Sek\u0000cam");
    assertThat(nul.statusCode()).isEqualTo(200);
    assertThat(position(sekcam)).isEqualTo("SEKCAM|Sekretaris Kecamatan");

    HttpResponse<String> saved =
        admin.post(
            "/admin/surat/penandatangan/" + sekcam,
            "position",
            "SEKCAM",
            "title",
            "Sekretaris Kecamatan Purwokerto Utara",
            "rank",
            "Penata Tingkat I (III/d)");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(position(sekcam)).isEqualTo("SEKCAM|Sekretaris Kecamatan Purwokerto Utara");
    admin.post(
        "/admin/surat/penandatangan/" + sekcam,
        "position",
        "SEKCAM",
        "title",
        "Sekretaris Kecamatan",
        "rank",
        "Penata Tingkat I (III/d)");

    // another office's signer, a verifier, a signer
    assertThat(
            admin
                .post(
                    "/admin/surat/penandatangan/" + staff("sekcam.jetis"),
                    "position",
                    "CAMAT",
                    "title",
                    "Camat")
                .statusCode())
        .isEqualTo(404);
    assertThat(position(staff("sekcam.jetis"))).startsWith("SEKCAM|");
    assertThat(
            admin
                .post(
                    "/admin/surat/penandatangan/" + staff("verifikator.purwokertoutara"),
                    "position",
                    "OTHER",
                    "title",
                    "Kasi")
                .body())
        .contains("bukan penandatangan");
    assertThat(
            WebClient.signedIn(port, "verifikator.purwokertoutara")
                .get("/admin/surat/penandatangan")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            WebClient.signedIn(port, "camat.purwokertoutara")
                .get("/admin/surat/penandatangan")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theCamatDelegatesAndCancelsTheSekcamOnlyReads() {
    WebClient camat = WebClient.signedIn(port, "camat.purwokertoutara");
    WebClient sekcam = WebClient.signedIn(port, "sekcam.purwokertoutara");
    UUID sekcamId = staff("sekcam.purwokertoutara");
    LocalDate today = LocalDate.now(clock);

    HttpResponse<String> page = camat.get("/admin/surat/delegasi");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Delegasi baru");
    assertThat(sekcam.get("/admin/surat/delegasi").body()).doesNotContain("Delegasi baru");

    HttpResponse<String> hostile =
        camat.post(
            "/admin/surat/delegasi",
            "delegate",
            "../../etc/passwd",
            "kind",
            "<b>",
            "startsOn",
            "kemarin",
            "endsOn",
            "9".repeat(10_000),
            "note",
            "n".repeat(100_000));
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body())
        .contains("Pilih penandatangan yang bukan Camat", "format tttt-bb-hh", "paling banyak");
    assertThat(
            jdbc.sql("select count(*) from signing_delegation where delegate_id = ?")
                .param(sekcamId)
                .query(Integer.class)
                .single())
        .isZero();

    HttpResponse<String> bySekcam =
        sekcam.post(
            "/admin/surat/delegasi",
            "delegate",
            sekcamId.toString(),
            "kind",
            "PLH",
            "startsOn",
            today.toString(),
            "endsOn",
            today.toString());
    assertThat(bySekcam.statusCode()).isEqualTo(403);

    HttpResponse<String> given =
        camat.post(
            "/admin/surat/delegasi",
            "delegate",
            sekcamId.toString(),
            "kind",
            "PLH",
            "startsOn",
            today.plusDays(20).toString(),
            "endsOn",
            today.plusDays(22).toString(),
            "note",
            "Camat cuti");
    assertThat(given.statusCode()).isEqualTo(302);
    UUID id =
        jdbc.sql("select id from signing_delegation where delegate_id = ? and cancelled_at is null")
            .param(sekcamId)
            .query(UUID.class)
            .single();
    assertThat(sekcam.get("/admin/surat/delegasi").body())
        .contains("Pelaksana harian (Plh.) Camat", "Camat cuti");
    assertThat(sekcam.post("/admin/surat/delegasi/" + id + "/batalkan").statusCode())
        .isEqualTo(403);
    assertThat(
            WebClient.signedIn(port, "camat.jetis")
                .post("/admin/surat/delegasi/" + id + "/batalkan")
                .statusCode())
        .isEqualTo(404);
    assertThat(camat.post("/admin/surat/delegasi/" + id + "/batalkan").statusCode()).isEqualTo(302);
    assertThat(camat.get("/admin/surat/delegasi").body()).contains("Dibatalkan");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_id = ? and action like 'signing-delegation.%'")
                .param(id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(
            WebClient.signedIn(port, "verifikator.purwokertoutara")
                .get("/admin/surat/delegasi")
                .statusCode())
        .isEqualTo(403);
  }
}
