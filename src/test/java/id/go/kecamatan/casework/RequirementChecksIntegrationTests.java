package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one form for all requirement checks on the case page ({@code POST
 * /admin/permohonan/{id}/persyaratan}): several checks saved by one submit, "accept all remaining",
 * all or nothing with an error per requirement, hostile input, only changed checks recorded and
 * audited, the first check cleared, and two officers at once.
 */
@IntegrationTest
class RequirementChecksIntegrationTests {

  private static final Pattern VERSION =
      Pattern.compile("<input type=\"hidden\" name=\"versi\" value=\"(\\d+)\">");

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.application.Completions completions;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID ktp;
  UUID kk;
  UUID pengantar;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    ktp = fixtures.requirement(jetis, "DOMISILI", "KTP");
    kk = fixtures.requirement(jetis, "DOMISILI", "Kartu Keluarga");
    pengantar = fixtures.requirement(jetis, "DOMISILI", "Surat pengantar");
  }

  /** An application in review, the verifier on its case page. */
  private Application inReview(WebClient verifier) {
    Application a =
        fixtures.domisili(
            jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("Wati"));
    verifier.get(url(a));
    assertThat(verifier.post(url(a) + "/periksa").statusCode()).isEqualTo(302);
    return a;
  }

  private static String url(Application a) {
    return "/admin/permohonan/" + a.id().value();
  }

  private static String version(String page) {
    Matcher m = VERSION.matcher(page);
    assertThat(m.find()).as("the form carries the version of the checks").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> submit(WebClient officer, Application a, String... fields) {
    String page = officer.get(url(a)).body();
    List<String> all = new ArrayList<>(List.of("versi", version(page)));
    all.addAll(List.of(fields));
    return officer.post(url(a) + "/persyaratan", all.toArray(String[]::new));
  }

  private List<String> checks(Application a) {
    return jdbc.sql(
            """
            select requirement_id || ':' || accepted || ':' || coalesce(reason, '')
            from requirement_check where application_id = ? order by id
            """)
        .param(a.id().value())
        .query(String.class)
        .list();
  }

  private int audits(Application a, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(a.id().toString(), action)
        .query(Integer.class)
        .single();
  }

  @Test
  void oneSubmitSavesSeveralChecksAndOnlyTheChangedOnesAreRecorded() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    Application a = inReview(verifier);
    HttpResponse<String> saved =
        submit(
            verifier,
            a,
            "verdict-" + ktp,
            "reject",
            "reasonKey-" + ktp,
            "expired",
            "verdict-" + kk,
            "accept",
            "verdict-" + pengantar,
            "",
            "aksi",
            "simpan");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(saved)).endsWith(url(a) + "#persyaratan");
    assertThat(checks(a))
        .containsExactly(ktp + ":false:Dokumen sudah tidak berlaku", kk + ":true:");
    assertThat(audits(a, "casework.requirement.checked")).isEqualTo(2);
    String page = verifier.get(url(a)).body();
    assertThat(page).contains("Hasil pemeriksaan sudah disimpan");

    // the same form again, the rejected one kept with its reason: nothing changes, nothing recorded
    HttpResponse<String> again =
        submit(
            verifier,
            a,
            "verdict-" + ktp,
            "reject",
            "reason-" + ktp,
            "Dokumen sudah tidak berlaku",
            "verdict-" + kk,
            "accept",
            "aksi",
            "simpan");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(checks(a)).hasSize(2);
    assertThat(verifier.get(url(a)).body()).contains("Tidak ada pemeriksaan yang berubah.");

    // accept all remaining: the KTP changed to accepted and every unchecked one with files
    HttpResponse<String> rest =
        submit(verifier, a, "verdict-" + ktp, "accept", "aksi", "terimaSisa");
    assertThat(rest.statusCode()).isEqualTo(302);
    List<String> after = checks(a);
    assertThat(after).contains(ktp + ":true:", pengantar + ":true:");
    // the optional requirements without files are not accepted in passing
    int withFiles =
        jdbc.sql(
                "select count(distinct requirement_id) from application_attachment"
                    + " where application_id = ?")
            .param(a.id().value())
            .query(Integer.class)
            .single();
    assertThat(after).hasSize(2 + withFiles - 1);
    assertThat(verifier.get(url(a)).body()).doesNotContain("value=\"terimaSisa\"");
    // every requirement with files accepted: the application can be approved
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select status from application where id = ?")
                .param(a.id().value())
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");
  }

  @Test
  void oneInvalidCheckSavesNothingAndEachErrorNamesItsRequirement() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    Application a = inReview(verifier);
    HttpResponse<String> bad =
        submit(
            verifier,
            a,
            "verdict-" + kk,
            "accept",
            "verdict-" + ktp,
            "reject",
            "verdict-" + pengantar,
            "reject",
            "reason-" + pengantar,
            "x".repeat(501),
            "aksi",
            "terimaSisa");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(checks(a)).isEmpty();
    assertThat(audits(a, "casework.requirement.checked")).isZero();
    assertThat(bad.body())
        .contains("Pilih atau tulis alasan penolakan untuk KTP elektronik.")
        .contains(
            "Alasan penolakan Surat pengantar dari desa/kelurahan terlalu panjang: paling banyak"
                + " 500 karakter.")
        // the summary links to each requirement's field
        .contains("href=\"#reason-" + ktp + "\"", "href=\"#reason-" + pengantar + "\"")
        // what was chosen and typed is shown again
        .containsPattern("id=\"verdict-" + kk + "-accept\" name=\"verdict-" + kk + "\"[^>]*checked")
        .contains("x".repeat(501));

    // hostile: a NUL, a bidi control, a script, an unknown reason key, an unknown verdict
    HttpResponse<String> hostile =
        submit(
            verifier,
            a,
            "verdict-" + ktp,
            "reject",
            "reason-" + ktp,
            "Foto\u0000buram",
            "verdict-" + kk,
            "reject",
            "reason-" + kk,
            "tidak \u202Eterbaca",
            "verdict-" + pengantar,
            "reject",
            "reason-" + pengantar,
            "<script>alert(1)</script>",
            "aksi",
            "simpan");
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(hostile.body())
        .contains("Alasan penolakan KTP elektronik berisi karakter yang tidak diperbolehkan.")
        .contains(
            "Alasan penolakan Surat pengantar dari desa/kelurahan tidak boleh berisi tag HTML")
        .doesNotContain("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(
            submit(
                    verifier,
                    a,
                    "verdict-" + ktp,
                    "reject",
                    "reasonKey-" + ktp,
                    "lain",
                    "verdict-" + kk,
                    "maybe")
                .body())
        .contains("Alasan ini tidak ada di daftar: pilih alasan penolakan KTP elektronik")
        .contains("Pilih terima atau tolak untuk Kartu Keluarga.");
    // a requirement the service does not have: the form is not of the service as it is (409,
    // nothing saved); a garbled field name is ignored
    assertThat(submit(verifier, a, "verdict-" + UUID.randomUUID(), "accept").statusCode())
        .isEqualTo(409);
    assertThat(submit(verifier, a, "verdict-nope", "accept", "aksi", "simpan").statusCode())
        .isEqualTo(302);
    assertThat(checks(a)).isEmpty();
  }

  @Test
  void twoOfficersAtOnceTheSecondIsToldAndNothingOfTheirsIsSaved() {
    WebClient first = WebClient.signedIn(port, "verifikator.jetis");
    Application a = inReview(first);
    WebClient second = WebClient.signedIn(port, "admin.jetis");
    // both draw the form from the same checks
    String version = version(first.get(url(a)).body());
    assertThat(version(second.get(url(a)).body())).isEqualTo(version);
    assertThat(
            first
                .post(
                    url(a) + "/persyaratan",
                    "versi",
                    version,
                    "verdict-" + ktp,
                    "accept",
                    "aksi",
                    "simpan")
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> late =
        second.post(
            url(a) + "/persyaratan",
            "versi",
            version,
            "verdict-" + ktp,
            "reject",
            "reasonKey-" + ktp,
            "unreadable",
            "reason-" + ktp,
            "Foto KTP buram di bagian NIK",
            "verdict-" + kk,
            "accept",
            "aksi",
            "simpan");
    assertThat(checks(a)).containsExactly(ktp + ":true:");
    // told at once, with the latest checks and what they chose and typed still in the form (the
    // page was a redirect that dropped the reason typed)
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body())
        .contains("petugas lain memeriksa persyaratan, pemohon mengirim berkas pengganti")
        .contains("Pilihan dan alasan yang Anda isi masih ada di formulir")
        .contains(">Foto KTP buram di bagian NIK</textarea>")
        .contains("value=\"unreadable\" selected")
        .containsPattern("id=\"verdict-" + ktp + "-reject\"[^>]*checked")
        .containsPattern("id=\"verdict-" + kk + "-accept\"[^>]*checked");
    // saved again from that page, against the latest checks, it goes through
    String current = version(late.body());
    assertThat(current).isNotEqualTo(version);
    assertThat(
            second
                .post(
                    url(a) + "/persyaratan",
                    "versi",
                    current,
                    "verdict-" + ktp,
                    "reject",
                    "reason-" + ktp,
                    "Foto KTP buram di bagian NIK")
                .statusCode())
        .isEqualTo(302);
    assertThat(checks(a)).hasSize(2);
    // a missing or garbled version is stale too
    HttpResponse<String> garbled =
        second.post(url(a) + "/persyaratan", "versi", "x", "verdict-" + kk, "accept");
    assertThat(garbled.statusCode()).isEqualTo(409);
    assertThat(checks(a)).hasSize(2);
  }

  @Test
  void aFormDrawnBeforeTheResidentSentReplacementFilesSavesNothing() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    Application a = inReview(verifier);
    assertThat(
            submit(verifier, a, "verdict-" + ktp, "reject", "reasonKey-" + ktp, "unreadable")
                .statusCode())
        .isEqualTo(302);
    // a second officer has the case open, with the unreadable KTP ...
    WebClient second = WebClient.signedIn(port, "admin.jetis");
    String drawn = version(second.get(url(a)).body());
    // ... while the first asks for completion and the resident sends a new KTP: no check is
    // recorded by either, so the number of checks alone did not tell the form was stale
    verifier.get(url(a));
    assertThat(verifier.post(url(a) + "/kelengkapan").statusCode()).isEqualTo(302);
    assertThat(
            completions
                .complete(
                    a.trackingCode(),
                    java.util.Map.of(
                        ktp.toString(),
                        List.of(
                            new id.go.kecamatan.documents.Upload(
                                "ktp-baru.pdf",
                                "application/pdf",
                                new java.io.ByteArrayInputStream(
                                    id.go.kecamatan.documents.TestFiles.pdf(1))))))
                .orElseThrow()
                .ok())
        .isTrue();
    // the second accepts the KTP they looked at: it would have accepted the new file unseen
    HttpResponse<String> late =
        second.post(
            url(a) + "/persyaratan", "versi", drawn, "verdict-" + ktp, "accept", "aksi", "simpan");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("pemohon mengirim berkas pengganti", "ktp-baru.pdf");
    assertThat(checks(a)).hasSize(1).allMatch(c -> c.startsWith(ktp + ":false:"));
  }

  @Test
  void filesForARequirementRemovedFromTheServiceStayOnTheCasePageAndDoNotBlockApproval() {
    String code = fixtures.copyOfDomisili(jetis, null);
    Application a =
        fixtures.domisili(
            jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("Rini"), code);
    UUID copyKk = fixtures.requirement(jetis, code, "Kartu Keluarga");
    UUID kkFile = a.attachments().get(copyKk).get(0);
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    verifier.get(url(a));
    assertThat(verifier.post(url(a) + "/periksa").statusCode()).isEqualTo(302);
    // the administrator drops "Kartu Keluarga" from the service while the case is open
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(jetis, code)
            .query(UUID.class)
            .single();
    String drawn = version(verifier.get(url(a)).body());
    admin.get("/admin/layanan/" + service);
    assertThat(
            admin
                .post("/admin/layanan/" + service + "/persyaratan/" + copyKk + "/hapus")
                .statusCode())
        .isEqualTo(302);
    // the checks form drawn before, with a verdict for the removed requirement: it was a bare
    // "Halaman tidak ditemukan", every reason typed lost
    UUID copyKtp = fixtures.requirement(jetis, code, "KTP");
    HttpResponse<String> stale =
        verifier.post(
            url(a) + "/persyaratan",
            "versi",
            drawn,
            "verdict-" + copyKk,
            "accept",
            "verdict-" + copyKtp,
            "reject",
            "reason-" + copyKtp,
            "Foto KTP terpotong");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("admin mengubah persyaratan layanan")
        .contains(">Foto KTP terpotong</textarea>");
    assertThat(checks(a)).isEmpty();
    // the resident's family card was no longer on the case page at all
    String page = verifier.get(url(a)).body();
    assertThat(page)
        .contains("Berkas untuk persyaratan yang sudah dihapus")
        .contains(url(a) + "/berkas/" + kkFile)
        .doesNotContain("name=\"verdict-" + copyKk);
    assertThat(verifier.get(url(a) + "/berkas/" + kkFile).statusCode()).isEqualTo(200);
    // the requirements still in the service are checked and the application approved
    assertThat(submit(verifier, a, "aksi", "terimaSisa").statusCode()).isEqualTo(302);
    assertThat(verifier.post(url(a) + "/setujui").statusCode()).isEqualTo(302);
    assertThat(applications.get(jetis, a.id()).status())
        .isEqualTo(id.go.kecamatan.application.ApplicationStatus.APPROVED);
  }

  @Test
  void onlyADeciderOfTheOfficeChecks() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    Application a = inReview(verifier);
    WebClient front = WebClient.signedIn(port, "loket.jetis");
    front.get(url(a));
    assertThat(
            front
                .post(url(a) + "/persyaratan", "versi", "0", "verdict-" + ktp, "accept")
                .statusCode())
        .isEqualTo(403);
    // another office's officer: not found
    WebClient other = WebClient.signedIn(port, "verifikator.purwokertoutara");
    other.get("/admin");
    assertThat(
            other
                .post(url(a) + "/persyaratan", "versi", "0", "verdict-" + ktp, "accept")
                .statusCode())
        .isEqualTo(404);
    assertThat(checks(a)).isEmpty();
  }
}
