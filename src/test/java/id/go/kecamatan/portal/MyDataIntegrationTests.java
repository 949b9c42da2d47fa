package id.go.kecamatan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Draft;
import id.go.kecamatan.application.DraftFiles;
import id.go.kecamatan.application.DraftSubmissions;
import id.go.kecamatan.application.Drafts;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.portal.internal.PortalLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Data saya" (UU 27/2022): a signed-in resident downloads everything held about them as one ZIP
 * and deletes what the retention rules allow (ADR 0019); another resident reaches none of it.
 */
@IntegrationTest
class MyDataIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired Drafts drafts;
  @Autowired DraftFiles draftFiles;
  @Autowired DraftSubmissions submissions;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;

  PortalResidents residents;

  @BeforeEach
  void setUp() {
    limits.reset();
    residents = new PortalResidents(applications, jdbc);
  }

  @Test
  void aResidentDownloadsEverythingHeldAboutThemAndNothingOfOthers() throws IOException {
    String phone = PortalResidents.newPhone();
    Application first = residents.applyFrom("Sri Data Saya", phone, null);
    Application second = residents.applyFrom("Sri Data Saya", phone, null);
    Application stranger = residents.applyFrom("Orang Lain", PortalResidents.newPhone(), null);
    draftOf(phone);
    WebClient browser = residents.signIn(new WebClient(port), phone);
    long exports = audits("resident.data.exported");

    HttpResponse<byte[]> download = browser.getBytes("/portal/data-saya/unduh");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("data-saya-");
    Map<String, byte[]> zip = unzip(download.body());
    String json = new String(zip.get("data.json"), StandardCharsets.UTF_8);
    String summary = new String(zip.get("ringkasan.txt"), StandardCharsets.UTF_8);
    for (Application mine : List.of(first, second)) {
      assertThat(json).contains(mine.trackingCode().value());
      assertThat(summary).contains(mine.trackingCode().value());
      assertThat(zip.keySet())
          .as("the documents of %s", mine.trackingCode())
          .anyMatch(name -> name.startsWith("permohonan/" + mine.trackingCode().value() + "/"));
    }
    assertThat(json)
        .containsPattern("\"nik\"\\s*:\\s*\"3516164101900001\"")
        .contains("Persyaratan bank")
        .containsPattern("\"menjadi\"\\s*:\\s*\"SUBMITTED\"")
        .containsPattern("\"jenis\"\\s*:\\s*\"otp\"")
        .contains("Dusun Draf RT 03");
    assertThat(summary).contains("PESAN YANG DIKIRIM KEPADA ANDA").contains("Sri Data Saya");
    assertThat(zip.keySet()).anyMatch(name -> name.startsWith("draf/1/"));
    byte[] aDocument =
        zip.entrySet().stream()
            .filter(e -> e.getKey().startsWith("permohonan/") && e.getKey().endsWith(".pdf"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(new String(aDocument, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(json + summary + zip.keySet())
        .as("another resident's application")
        .doesNotContain(stranger.trackingCode().value())
        .doesNotContain("Orang Lain");
    assertThat(audits("resident.data.exported")).isEqualTo(exports + 1);
  }

  @Test
  void documentsAreDeletedOnlyOnceTheApplicationIsFinishedAndTheRecordStays() {
    String phone = PortalResidents.newPhone();
    Application application = residents.applyFrom("Budi Hapus", phone, null);
    String code = application.trackingCode().value();
    WebClient browser = residents.signIn(new WebClient(port), phone);
    int documents = attachments(code);
    assertThat(documents).isPositive();

    assertThat(browser.get("/portal/data-saya/hapus-berkas/" + code).body())
        .contains("Berkas tidak dapat dihapus selama permohonan masih diproses.")
        .doesNotContain("Ya, hapus berkas");
    HttpResponse<String> refused = browser.post("/portal/data-saya/hapus-berkas/" + code);
    assertThat(WebClient.location(refused)).endsWith("/portal/data-saya");
    assertThat(browser.get("/portal/data-saya").body())
        .contains("Berkas tidak dapat dihapus selama permohonan masih diproses.");
    assertThat(attachments(code)).isEqualTo(documents);

    tracked.withdraw(application.trackingCode(), "Tidak jadi");
    assertThat(browser.get("/portal/data-saya/hapus-berkas/" + code).body())
        .contains("Hapus berkas persyaratan?")
        .contains("akan dihapus untuk selamanya");
    HttpResponse<String> deleted = browser.post("/portal/data-saya/hapus-berkas/" + code);
    assertThat(WebClient.location(deleted)).endsWith("/portal/data-saya");
    assertThat(browser.get("/portal/data-saya").body())
        .contains("Berkas persyaratan sudah dihapus.")
        .contains("Tidak ada berkas persyaratan yang tersimpan.");
    assertThat(attachments(code)).isZero();
    assertThat(
            jdbc.sql("select status from application where tracking_code = ?")
                .param(code)
                .query(String.class)
                .single())
        .as("the application record stays")
        .isEqualTo("WITHDRAWN");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action ="
                        + " 'application.documents.deletedByResident' and details->>'tracking_code'"
                        + " = ?")
                .param(code)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theDocumentsOfAnApplicationSubmittedOnlineFromADraftAreDeletedToo() {
    String phone = PortalResidents.newPhone();
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    Draft draft = drafts.start(fixtures.jetis(), "LEGALISIR");
    drafts.saveIdentity(draft, identity(fixtures, phone));
    for (var requirement : drafts.service(draft).requirements()) {
      if (requirement.required()) {
        draftFiles.addFiles(
            draft,
            requirement.id(),
            List.of(
                new Upload(
                    "surat.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf(1)))));
      }
    }
    drafts.saveAnswers(
        drafts.find(draft.id()).orElseThrow(),
        Map.of(
            "jenis_dokumen", List.of("Surat keterangan"),
            "jumlah_lembar", List.of("2"),
            "keperluan", List.of("Melamar kerja")));
    var submitted = submissions.submit(draft.id(), true);
    assertThat(submitted.ok()).as("%s", submitted.errors().all()).isTrue();
    String code = submitted.value().trackingCode().value();
    tracked.withdraw(submitted.value().trackingCode(), "Tidak jadi");
    WebClient browser = residents.signIn(new WebClient(port), phone);

    browser.get("/portal/data-saya/hapus-berkas/" + code);
    HttpResponse<String> deleted = browser.post("/portal/data-saya/hapus-berkas/" + code);

    assertThat(WebClient.location(deleted)).endsWith("/portal/data-saya");
    assertThat(attachments(code)).isZero();
    assertThat(
            jdbc.sql("select count(*) from application_draft_file where draft_id = ?")
                .param(draft.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDraftIsDeletedAtOnceWithItsFiles() {
    String phone = PortalResidents.newPhone();
    residents.applyFrom("Dewi Draf", phone, null);
    Draft draft = draftOf(phone);
    WebClient browser = residents.signIn(new WebClient(port), phone);

    assertThat(browser.get("/portal/data-saya/hapus-draf/" + draft.id()).body())
        .contains("Hapus draf?");
    HttpResponse<String> deleted = browser.post("/portal/data-saya/hapus-draf/" + draft.id());
    assertThat(WebClient.location(deleted)).endsWith("/portal/data-saya");
    assertThat(browser.get("/portal/data-saya").body()).contains("Draf sudah dihapus.");
    assertThat(drafts.find(draft.id())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from application_draft_file where draft_id = ?")
                .param(draft.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anotherResidentReachesNeitherTheApplicationNorTheDraft() {
    String phone = PortalResidents.newPhone();
    Application application = residents.applyFrom("Pemilik Asli", phone, null);
    tracked.withdraw(application.trackingCode(), "Tidak jadi");
    Draft draft = draftOf(phone);
    String code = application.trackingCode().value();
    int documents = attachments(code);
    String otherPhone = PortalResidents.newPhone();
    residents.applyFrom("Tetangga", otherPhone, null);
    WebClient other = residents.signIn(new WebClient(port), otherPhone);

    assertThat(other.get("/portal/data-saya/hapus-berkas/" + code).statusCode()).isEqualTo(404);
    assertThat(other.post("/portal/data-saya/hapus-berkas/" + code).statusCode()).isEqualTo(404);
    assertThat(other.get("/portal/data-saya/hapus-draf/" + draft.id()).statusCode()).isEqualTo(404);
    assertThat(other.post("/portal/data-saya/hapus-draf/" + draft.id()).statusCode())
        .isEqualTo(404);
    assertThat(other.post("/portal/data-saya/hapus-draf/bukan-uuid").statusCode()).isEqualTo(404);
    assertThat(other.get("/portal/data-saya").body()).doesNotContain(code);
    assertThat(attachments(code)).isEqualTo(documents);
    assertThat(drafts.find(draft.id())).isPresent();

    WebClient nobody = new WebClient(port);
    assertThat(WebClient.location(nobody.get("/portal/data-saya/unduh"))).contains("/masuk-warga");
  }

  private static ApplicantForm identity(CaseworkFixtures fixtures, String phone) {
    return new ApplicantForm(
        "3516164101900001",
        "Sri Data Saya",
        "Mojokerto",
        "1990-01-01",
        "FEMALE",
        fixtures.operatorVillage("desa.jetis").toString(),
        "Dusun Draf RT 03",
        phone,
        null,
        null);
  }

  private Draft draftOf(String phone) {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    Draft draft = drafts.start(jetis, "DOMISILI");
    draft = drafts.saveIdentity(draft, identity(fixtures, phone)).value();
    UUID requirement = fixtures.requirement(jetis, "DOMISILI", "KTP");
    return draftFiles
        .addFiles(
            draft,
            requirement,
            List.of(
                new Upload(
                    "ktp.jpg",
                    "image/jpeg",
                    new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(320, 200))))))
        .value();
  }

  private int attachments(String code) {
    return jdbc.sql(
            "select count(*) from application_attachment t join application a on a.id ="
                + " t.application_id where a.tracking_code = ?")
        .param(code)
        .query(Integer.class)
        .single();
  }

  private long audits(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
