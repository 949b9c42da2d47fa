package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.WebClient.FilePart;
import id.go.kecamatan.casework.internal.Dashboard;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assisted intake at the counter and the village office through the web pages, the receipt, the
 * status look-up with the NIK digits, who may enter what, and the office dashboard.
 */
@IntegrationTest
class IntakeIntegrationTests {

  static final Pattern DRAFT = Pattern.compile("/admin/loket/([0-9a-f\\-]{36})/data");
  static final Pattern TRACKING = Pattern.compile("id=\"tracking-code\">([0-9]+-[A-Z0-9]+)<");
  static final String MALE_NIK = "3516161203850042"; // 12 March 1985, male, Jetis

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired Dashboard dashboard;

  UUID jetis;
  UUID purwokerto;
  String ownVillage; // the village of desa.jetis
  String otherVillage;
  List<String> required;

  @BeforeEach
  void demoIds() {
    // look-ups share the per-address limit with other tests (the limiter is package-private)
    Object limiter = context.getBean("lookupLimiter");
    try {
      var reset = limiter.getClass().getDeclaredMethod("reset");
      reset.setAccessible(true);
      reset.invoke(limiter);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    jetis = office("35.16.16");
    purwokerto = office("33.02.27");
    ownVillage =
        jdbc.sql("select village_id::text from staff where username = 'desa.jetis'")
            .query(String.class)
            .single();
    otherVillage =
        jdbc.sql("select id::text from village where office_id = ? and id::text <> ? limit 1")
            .params(jetis, ownVillage)
            .query(String.class)
            .single();
    required =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'DOMISILI' and r.required order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
  }

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  String start(WebClient officer) {
    officer.get("/admin/loket");
    HttpResponse<String> started = officer.post("/admin/loket/mulai", "service", "DOMISILI");
    assertThat(started.statusCode()).isEqualTo(302);
    Matcher m = DRAFT.matcher(WebClient.location(started));
    assertThat(m.find()).as(WebClient.location(started)).isTrue();
    return m.group(1);
  }

  HttpResponse<String> data(WebClient officer, String draft, String... overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nik", MALE_NIK);
    fields.put("name", "Slamet Riyadi");
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1985-03-12");
    fields.put("sex", "MALE");
    fields.put("villageId", ownVillage);
    fields.put("address", "Dusun Sumber RT 02 RW 01");
    fields.put("phone", "");
    fields.put("email", "");
    fields.put("keperluan", "pribadi");
    fields.put("keterangan", "Persyaratan bank");
    for (int i = 0; i < overrides.length; i += 2) {
      fields.put(overrides[i], overrides[i + 1]);
    }
    officer.get("/admin/loket/" + draft + "/data");
    List<String> flat = new ArrayList<>();
    fields.forEach(
        (k, v) -> {
          flat.add(k);
          flat.add(v);
        });
    return officer.post("/admin/loket/" + draft + "/data", flat.toArray(String[]::new));
  }

  HttpResponse<String> upload(WebClient officer, String draft, String requirement, FilePart file) {
    officer.get("/admin/loket/" + draft + "/berkas");
    return officer.upload(
        "/admin/loket/" + draft + "/berkas/" + requirement, "files", Map.of(), file);
  }

  static FilePart scan() {
    return new FilePart("pindaian.pdf", "application/pdf", TestFiles.pdf(1));
  }

  String submitted(WebClient officer, String draft) {
    for (String id : required) {
      assertThat(upload(officer, draft, id, scan()).statusCode()).isEqualTo(302);
    }
    officer.get("/admin/loket/" + draft + "/berkas");
    HttpResponse<String> sent = officer.post("/admin/loket/" + draft + "/kirim", "consent", "yes");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    HttpResponse<String> done = officer.get("/admin/loket/" + draft + "/selesai");
    Matcher m = TRACKING.matcher(done.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void filesChosenBesideEachRequirementGoWithTheSubmissionAndNoneIsLostOnAMistake() {
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    String draft = start(officer);
    assertThat(data(officer, draft).statusCode()).isEqualTo(302);
    String first = required.get(0);
    officer.get("/admin/loket/" + draft + "/berkas");

    // a file chosen, no consent yet: the file is kept, the consent is asked for
    HttpResponse<String> noConsent =
        officer.upload(
            "/admin/loket/" + draft + "/kirim", "files[" + first + "]", Map.of(), scan());
    assertThat(noConsent.statusCode()).isEqualTo(422);
    assertThat(noConsent.body()).contains("pindaian.pdf");
    assertThat(draftFiles(draft)).isEqualTo(1);

    // a broken file is refused with its requirement's name, the file before it stays
    String second = required.size() > 1 ? required.get(1) : first;
    String secondName =
        jdbc.sql("select name from requirement where id = ?::uuid")
            .param(second)
            .query(String.class)
            .single();
    HttpResponse<String> broken =
        officer.upload(
            "/admin/loket/" + draft + "/kirim",
            "files[" + second + "]",
            Map.of("consent", "yes"),
            new FilePart("rusak.pdf", "application/pdf", "%PDF-1.4 rusak".getBytes()));
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(broken.body()).contains(secondName, "href=\"#files[" + second + "]\"");
    assertThat(draftFiles(draft)).isEqualTo(1);

    // a file over 10 MB for the second requirement: back on the page with the message there
    officer.get("/admin/loket/" + draft + "/berkas");
    HttpResponse<String> tooLarge =
        officer.upload(
            "/admin/loket/" + draft + "/kirim",
            "files[" + second + "]",
            Map.of("consent", "yes"),
            new FilePart("besar.pdf", "application/pdf", new byte[11 * 1024 * 1024]));
    assertThat(tooLarge.statusCode()).isEqualTo(302);
    String back = WebClient.location(tooLarge).replaceFirst("^https?://[^/]+", "");
    assertThat(back).startsWith("/admin/loket/" + draft + "/kirim?terlalu-besar=files");
    HttpResponse<String> shown = officer.get(back);
    assertThat(shown.statusCode()).isEqualTo(413);
    assertThat(shown.body())
        .contains("File yang dipilih harus lebih kecil dari 10 MB")
        .contains("href=\"#files[" + second + "]\"");
    assertThat(draftFiles(draft)).isEqualTo(1);

    for (String id : required.subList(1, required.size())) {
      officer.get("/admin/loket/" + draft + "/berkas");
      officer.upload("/admin/loket/" + draft + "/kirim", "files[" + id + "]", Map.of(), scan());
    }
    officer.get("/admin/loket/" + draft + "/berkas");
    HttpResponse<String> sent =
        officer.upload("/admin/loket/" + draft + "/kirim", "files", Map.of("consent", "yes"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(WebClient.location(sent)).endsWith("/selesai");
  }

  private int draftFiles(String draft) {
    return jdbc.sql("select count(*) from application_draft_file where draft_id = ?::uuid")
        .param(draft)
        .query(Integer.class)
        .single();
  }

  @Test
  void frontOfficeEntersAWalkInWithoutPhonePrintsTheReceiptAndTheResidentLooksUpWithNikDigits()
      throws Exception {
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    String draft = start(officer);
    assertThat(data(officer, draft).statusCode()).isEqualTo(302);
    String code = submitted(officer, draft);

    Map<String, Object> row =
        jdbc.sql(
                "select channel, assisting_officer, phone from application where tracking_code = ?")
            .param(code)
            .query()
            .singleRow();
    assertThat(row.get("channel")).isEqualTo("COUNTER");
    assertThat(row.get("assisting_officer")).isEqualTo("Petugas Loket Jetis");
    assertThat(row.get("phone")).isNull();

    HttpResponse<byte[]> receipt = officer.getBytes("/admin/loket/" + draft + "/tanda-terima");
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
    String text;
    try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
      text = new PDFTextStripper().getText(pdf);
      assertThat(pdf.getNumberOfPages()).as("receipt pages").isEqualTo(1);
    }
    java.time.LocalDate deadline =
        jdbc.sql("select deadline from application where tracking_code = ?")
            .param(code)
            .query(java.time.LocalDate.class)
            .single();
    assertThat(text)
        .contains(code)
        .contains("TANDA TERIMA PERMOHONAN")
        .contains("Surat Keterangan Domisili")
        .contains(
            id.go.kecamatan.shared.web.Formats.longDate(
                deadline, java.util.Locale.forLanguageTag("id")))
        .contains("Petugas Loket Jetis")
        .contains("/status")
        .contains("4 angka terakhir NIK")
        .contains("survei kepuasan");
    // the receipt's QR code opens the office's satisfaction survey for walk-ins
    try {
      assertThat(id.go.kecamatan.letters.PdfChecks.qrOnFirstPage(receipt.body()))
          .endsWith("/kecamatan/jetis/survei");
    } catch (Exception e) {
      throw new AssertionError("no readable QR code on the receipt", e);
    }

    // at home: the code and the NIK's last 4 digits; wrong digits get the same message as always
    WebClient resident = new WebClient(port);
    resident.get("/status");
    HttpResponse<String> wrong = resident.post("/status", "kode", code, "digit", "9999");
    assertThat(wrong.statusCode()).isNotEqualTo(302);
    resident.get("/status");
    HttpResponse<String> opened = resident.post("/status", "kode", code, "digit", "0042");
    assertThat(opened.statusCode()).isEqualTo(302);
    HttpResponse<String> page =
        resident.get(WebClient.location(opened).replaceFirst("^https?://[^/]+", ""));
    assertThat(page.body()).contains("Dibantu oleh petugas Petugas Loket Jetis");
  }

  @Test
  void aVillageOperatorCannotEnterAnApplicationForAnotherVillage() {
    WebClient officer = WebClient.signedIn(port, "desa.jetis");
    String draft = start(officer);
    HttpResponse<String> refused = data(officer, draft, "villageId", otherVillage);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("hanya dapat memasukkan permohonan warga desanya sendiri")
        .contains("Slamet Riyadi");
    for (String id : required) {
      upload(officer, draft, id, scan());
    }
    officer.get("/admin/loket/" + draft + "/berkas");
    HttpResponse<String> sent = officer.post("/admin/loket/" + draft + "/kirim", "consent", "yes");
    assertThat(sent.statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql(
                    "select count(*) from application_draft where id = ?::uuid and application_id is not null")
                .param(draft)
                .query(Long.class)
                .single())
        .isZero();

    // with the own village it goes through, on the VILLAGE channel
    assertThat(data(officer, draft).statusCode()).isEqualTo(302);
    String code = submitted(officer, draft);
    assertThat(
            jdbc.sql("select channel from application where tracking_code = ?")
                .param(code)
                .query(String.class)
                .single())
        .isEqualTo("VILLAGE");
  }

  @Test
  void anOfficerOfAnotherOfficeFindsNothingAndCannotUseItsServicesOrVillages() {
    WebClient jetisOfficer = WebClient.signedIn(port, "loket.jetis");
    String draft = start(jetisOfficer);
    WebClient other = WebClient.signedIn(port, "loket.purwokertoutara");
    for (String path :
        List.of("/data", "/berkas", "/selesai", "/tanda-terima", "/berkas/" + required.get(0))) {
      assertThat(other.get("/admin/loket/" + draft + path).statusCode()).as(path).isEqualTo(404);
    }
    other.get("/admin/loket");
    assertThat(other.post("/admin/loket/" + draft + "/data", "name", "x").statusCode())
        .isEqualTo(404);
    // a village of Jetis is no village of Purwokerto Utara
    String own = start(other);
    HttpResponse<String> refused = data(other, own, "villageId", ownVillage);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Slamet Riyadi");
    // a service code that does not exist there
    other.get("/admin/loket");
    assertThat(other.post("/admin/loket/mulai", "service", "NO-SUCH").statusCode()).isEqualTo(404);
    // a verifier may not use the intake, a resident's draft is no staff draft
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(verifier.get("/admin/loket").statusCode()).isEqualTo(403);
  }

  @Test
  void hostileAndWrongInputIsRefusedAndWhatWasTypedIsKept() {
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    String draft = start(officer);
    HttpResponse<String> bad =
        data(
            officer,
            draft,
            "nik",
            "35161612038500<script>",
            "name",
            "<script>alert(1)</script>",
            "birthDate",
            "1985-02-30",
            "sex",
            "OTHER",
            "villageId",
            "not-a-uuid",
            "address",
            "x".repeat(5000),
            "phone",
            "call me maybe",
            "email",
            "no-at-sign",
            "keperluan",
            "nonsense");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .doesNotContain("<script>alert(1)</script>")
        .contains("alert(1)")
        .contains("call me maybe")
        .contains("no-at-sign");
    // an upload of the wrong type, and an executable: refused, the typed data stay in the draft
    HttpResponse<String> exe =
        upload(
            officer,
            draft,
            required.get(0),
            new FilePart("ktp.pdf", "application/pdf", TestFiles.windowsExecutable()));
    assertThat(exe.statusCode()).isEqualTo(422);
    HttpResponse<String> none =
        officer.upload("/admin/loket/" + draft + "/berkas/" + required.get(0), "files", Map.of());
    assertThat(none.statusCode()).isEqualTo(422);
    assertThat(officer.get("/admin/loket/" + draft + "/data").body()).contains("call me maybe");
    // a file over the limit: sent back to the page with the message, nothing lost
    HttpResponse<String> big =
        officer.get("/admin/loket/" + draft + "/berkas/" + required.get(0) + "?terlalu-besar");
    assertThat(big.statusCode()).isEqualTo(413);
    // consent missing
    HttpResponse<String> noConsent = officer.post("/admin/loket/" + draft + "/kirim");
    assertThat(noConsent.statusCode()).isEqualTo(422);
  }

  @Test
  void theDashboardCountsTheOfficesOwnApplicationsOnly() {
    Dashboard.Figures before = dashboard.of(jetis, null);
    Dashboard.Figures otherBefore = dashboard.of(purwokerto, null);
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    String draft = start(officer);
    data(officer, draft);
    submitted(officer, draft);
    Dashboard.Figures after = dashboard.of(jetis, null);
    assertThat(after.total()).isEqualTo(before.total() + 1);
    assertThat(after.receivedThisWeek()).isEqualTo(before.receivedThisWeek() + 1);
    assertThat(after.byStatus().get(id.go.kecamatan.application.ApplicationStatus.SUBMITTED))
        .isEqualTo(
            before.byStatus().get(id.go.kecamatan.application.ApplicationStatus.SUBMITTED) + 1);
    Dashboard.Figures otherAfter = dashboard.of(purwokerto, null);
    assertThat(otherAfter.total()).isEqualTo(otherBefore.total());
    assertThat(otherAfter.byStatus()).isEqualTo(otherBefore.byStatus());
    // the village view counts only the operator's village
    Dashboard.Figures village = dashboard.of(jetis, UUID.fromString(ownVillage));
    long inVillage =
        jdbc.sql("select count(*) from application where office_id = ? and village_id = ?::uuid")
            .params(jetis, ownVillage)
            .query(Long.class)
            .single();
    assertThat(village.total()).isEqualTo(inVillage);
    // the totals agree with the table
    long all =
        jdbc.sql("select count(*) from application where office_id = ?")
            .param(jetis)
            .query(Long.class)
            .single();
    assertThat(after.total()).isEqualTo(all);
    assertThat(after.overdue()).allSatisfy(o -> assertThat(o.daysLate()).isPositive());
    // the page shows them, for office staff
    HttpResponse<String> page = officer.get("/admin/dasbor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"total\">" + all + "<");
  }
}
