package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.WebClient.FilePart;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.TestFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resident's online application through the web pages, without JavaScript: start, identity,
 * questions, uploads per requirement, check answers, consent, confirmation; leaving and resuming
 * with the code; and what hostile input does at each step.
 */
@IntegrationTest
class ApplyIntegrationTests {

  static final String FEMALE_NIK = "3516164101900001"; // 1 January 1990, female, Jetis
  static final Pattern DRAFT = Pattern.compile("/permohonan/([0-9a-f\\-]{36})/identitas");
  static final Pattern RESUME_CODE =
      Pattern.compile("<strong class=\"code\">([A-Z0-9]{4}-[A-Z0-9]{4})</strong>");
  static final Pattern TRACKING = Pattern.compile("id=\"tracking-code\">([0-9]+-[A-Z0-9]+)<");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Documents documents;
  @Autowired LookupLimiter limiter;
  @Autowired java.time.Clock clock;

  UUID jetis;
  String village;
  Map<String, String> requirements; // name -> id of Domisili's requirements
  List<String> required; // ids of the required ones (other tests may add some)

  @BeforeEach
  void demoIds() {
    // resume attempts share the per-address limit with other tests on this machine
    limiter.reset();
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    requirements = new java.util.LinkedHashMap<>();
    required = new java.util.ArrayList<>();
    jdbc.sql(
            """
            select r.name, r.id::text, r.required from requirement r
            join service_type s on s.id = r.service_type_id
            where s.office_id = ? and s.code = 'DOMISILI' order by r.position
            """)
        .param(jetis)
        .query(
            rs -> {
              requirements.put(rs.getString(1), rs.getString(2));
              if (rs.getBoolean(3)) {
                required.add(rs.getString(2));
              }
            });
  }

  String requirement(String startOfName) {
    return requirements.entrySet().stream()
        .filter(e -> e.getKey().startsWith(startOfName))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  /** Starts a Domisili draft of Jetis; returns its id. */
  String start(WebClient resident) {
    HttpResponse<String> service = resident.get("/kecamatan/jetis/layanan/DOMISILI");
    assertThat(service.body()).contains("/kecamatan/jetis/layanan/DOMISILI/ajukan");
    HttpResponse<String> startPage = resident.get("/kecamatan/jetis/layanan/DOMISILI/ajukan");
    assertThat(startPage.statusCode()).isEqualTo(200);
    assertThat(startPage.body()).contains("Ajukan Surat Keterangan Domisili", "Kartu Keluarga");
    HttpResponse<String> started = resident.post("/kecamatan/jetis/layanan/DOMISILI/ajukan");
    assertThat(started.statusCode()).isEqualTo(302);
    Matcher m = DRAFT.matcher(WebClient.location(started));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theBirthDateIsTypedAsDayMonthAndYearAndAWrongOneComesBackAsTyped() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    String form = resident.get("/permohonan/" + draft + "/identitas").body();
    assertThat(form)
        .contains("name=\"birthDate-day\"", "name=\"birthDate-month\"", "name=\"birthDate-year\"")
        .contains("autocomplete=\"bday-day\"", "inputmode=\"numeric\"", "Contoh: 31 1 1990")
        .doesNotContain("type=\"date\"");

    HttpResponse<String> february = identityWithDate(resident, draft, "31", "2", "1990");
    assertThat(february.statusCode()).isEqualTo(422);
    assertThat(february.body())
        .contains("Tanggal ini tidak ada: periksa tanggal, bulan dan tahunnya.")
        .contains("href=\"#birthDate\"")
        .contains("value=\"31\"", "value=\"2\"", "value=\"1990\"");
    HttpResponse<String> letters = identityWithDate(resident, draft, "satu", "<b>", "1990");
    assertThat(letters.statusCode()).isEqualTo(422);
    assertThat(letters.body()).contains("value=\"satu\"").doesNotContain("<b>\"");
    assertThat(identityWithDate(resident, draft, "", "", "").body())
        .contains("Tanggal lahir", "Wajib diisi.");

    assertThat(identityWithDate(resident, draft, "1", "1", "1990").statusCode()).isEqualTo(302);
    assertThat(resident.get("/permohonan/" + draft + "/identitas").body())
        .contains("value=\"1\"", "value=\"1990\"");
  }

  private HttpResponse<String> identityWithDate(
      WebClient resident, String draft, String day, String month, String year) {
    resident.get("/permohonan/" + draft + "/identitas");
    return resident.post(
        "/permohonan/" + draft + "/identitas",
        "nik",
        FEMALE_NIK,
        "name",
        "Siti Aminah",
        "birthPlace",
        "Mojokerto",
        "birthDate-day",
        day,
        "birthDate-month",
        month,
        "birthDate-year",
        year,
        "sex",
        "FEMALE",
        "villageId",
        village,
        "address",
        "Dusun Krajan RT 01 RW 02",
        "phone",
        "0812 3456 7890",
        "email",
        "");
  }

  HttpResponse<String> identity(WebClient resident, String draft, String... overrides) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("nik", FEMALE_NIK);
    fields.put("name", "Siti Aminah");
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1990-01-01");
    fields.put("sex", "FEMALE");
    fields.put("villageId", village);
    fields.put("address", "Dusun Krajan RT 01 RW 02");
    fields.put("phone", "0812 3456 7890");
    fields.put("email", "");
    for (int i = 0; i < overrides.length; i += 2) {
      fields.put(overrides[i], overrides[i + 1]);
    }
    resident.get("/permohonan/" + draft + "/identitas");
    return resident.post(
        "/permohonan/" + draft + "/identitas",
        fields.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new));
  }

  HttpResponse<String> upload(
      WebClient resident, String draft, String requirementId, FilePart... files) {
    resident.get("/permohonan/" + draft + "/berkas");
    return resident.upload(
        "/permohonan/" + draft + "/berkas/" + requirementId, "files", Map.of(), files);
  }

  static FilePart pdf(String name) {
    return new FilePart(name, "application/pdf", TestFiles.pdf(1));
  }

  /** A draft with identity, answers and every required file; returns its id. */
  String completeDraft(WebClient resident) {
    String draft = start(resident);
    assertThat(identity(resident, draft).statusCode()).isEqualTo(302);
    resident.get("/permohonan/" + draft + "/pertanyaan");
    assertThat(
            resident
                .post(
                    "/permohonan/" + draft + "/pertanyaan",
                    "keperluan",
                    "pribadi",
                    "keterangan",
                    "Persyaratan bank")
                .statusCode())
        .isEqualTo(302);
    for (String id : required) {
      assertThat(upload(resident, draft, id, pdf("berkas.pdf")).statusCode()).isEqualTo(302);
    }
    return draft;
  }

  @Test
  void aResidentAppliesLeavesHalfWayResumesWithTheCodeAndSubmits() throws Exception {
    WebClient phone = new WebClient(port);
    String draft = start(phone);

    HttpResponse<String> identityPage = phone.get("/permohonan/" + draft + "/identitas");
    assertThat(identityPage.body()).contains("Langkah 1 dari 4", "Kode lanjutkan");
    Matcher code = RESUME_CODE.matcher(identityPage.body());
    assertThat(code.find()).isTrue();
    String resumeCode = code.group(1);

    HttpResponse<String> saved = identity(phone, draft);
    assertThat(WebClient.location(saved)).endsWith("/permohonan/" + draft + "/pertanyaan");
    phone.get("/permohonan/" + draft + "/pertanyaan");
    HttpResponse<String> business =
        phone.post(
            "/permohonan/" + draft + "/pertanyaan",
            "keperluan",
            "usaha",
            "nama_usaha",
            "Warung Bu Siti",
            "jenis_usaha",
            "Warung makan",
            "alamat_usaha",
            "Jl. Raya Jetis 5");
    assertThat(WebClient.location(business)).endsWith("/permohonan/" + draft + "/berkas");

    byte[] photo = TestFiles.jpegWithExif(TestFiles.photo(3000, 1500), 1);
    HttpResponse<String> ktp =
        upload(phone, draft, requirement("KTP"), new FilePart("ktp.jpg", "image/jpeg", photo));
    assertThat(ktp.statusCode()).isEqualTo(302);
    byte[] letter = TestFiles.pdf(2);
    assertThat(
            upload(
                    phone,
                    draft,
                    requirement("Surat pengantar"),
                    new FilePart("pengantar.pdf", "application/pdf", letter))
                .statusCode())
        .isEqualTo(302);

    // the connection drops; later, on another device, the resident resumes with the code
    WebClient laptop = new WebClient(port);
    HttpResponse<String> locked = laptop.get("/permohonan/" + draft + "/berkas");
    assertThat(WebClient.location(locked)).endsWith("/lanjutkan/" + draft);
    laptop.get("/lanjutkan/" + draft);
    HttpResponse<String> wrong = laptop.post("/lanjutkan/" + draft, "code", "AAAA-AAAA");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Kode lanjutkan tidak ditemukan");
    HttpResponse<String> resumed =
        laptop.post(
            "/lanjutkan/" + draft, "code", " " + resumeCode.toLowerCase().replace("-", "") + " ");
    assertThat(WebClient.location(resumed)).endsWith("/permohonan/" + draft + "/berkas");
    HttpResponse<String> files = laptop.get("/permohonan/" + draft + "/berkas");
    assertThat(files.body()).contains("ktp.jpg", "pengantar.pdf");

    HttpResponse<String> notYet = laptop.post("/permohonan/" + draft + "/berkas");
    assertThat(notYet.statusCode()).isEqualTo(422);
    assertThat(notYet.body()).contains("Pilih file untuk Kartu Keluarga");
    assertThat(upload(laptop, draft, requirement("Kartu Keluarga"), pdf("kk.pdf")).statusCode())
        .isEqualTo(302);
    List<String> uploaded =
        List.of(requirement("KTP"), requirement("Surat pengantar"), requirement("Kartu Keluarga"));
    int attachments = 3;
    for (String id : required) {
      if (!uploaded.contains(id)) {
        assertThat(upload(laptop, draft, id, pdf("lain.pdf")).statusCode()).isEqualTo(302);
        attachments++;
      }
    }
    assertThat(WebClient.location(laptop.post("/permohonan/" + draft + "/berkas")))
        .endsWith("/permohonan/" + draft + "/periksa");

    HttpResponse<String> check = laptop.get("/permohonan/" + draft + "/periksa");
    assertThat(check.body())
        .contains(
            "Siti Aminah", FEMALE_NIK, "Warung Bu Siti", "Keperluan usaha", "ktp.jpg", "kk.pdf")
        .doesNotContain("Permohonan belum lengkap:");
    HttpResponse<String> noConsent = laptop.post("/permohonan/" + draft + "/kirim");
    assertThat(noConsent.statusCode()).isEqualTo(422);
    assertThat(noConsent.body()).contains("Centang persetujuan");
    // as a browser sends it, with the page it was on: the answer's language link leads there, as
    // /kirim answers only POST (a GET of it was "page not found")
    HttpResponse<String> fromBrowser =
        laptop.sendWithHeaders(
            "POST",
            "/permohonan/" + draft + "/kirim",
            "_csrf=" + URLEncoder.encode(laptop.csrf(), StandardCharsets.UTF_8),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Referer",
            "http://localhost:" + port + "/permohonan/" + draft + "/periksa");
    assertThat(fromBrowser.statusCode()).isEqualTo(422);
    assertThat(fromBrowser.body()).contains("href=\"/permohonan/" + draft + "/periksa?lang=en\"");
    assertThat(laptop.get("/permohonan/" + draft + "/periksa?lang=en").body())
        .contains("Check your answers before submitting");
    laptop.get("/permohonan/" + draft + "/periksa?lang=id");

    HttpResponse<String> submitted =
        laptop.post("/permohonan/" + draft + "/kirim", "consent", "yes");
    assertThat(WebClient.location(submitted)).endsWith("/permohonan/" + draft + "/selesai");
    // a double click: the same application, not a second one
    HttpResponse<String> again = laptop.post("/permohonan/" + draft + "/kirim", "consent", "yes");
    assertThat(WebClient.location(again)).endsWith("/permohonan/" + draft + "/selesai");

    HttpResponse<String> done = laptop.get("/permohonan/" + draft + "/selesai");
    assertThat(done.body()).contains("Permohonan terkirim", "Perkiraan selesai paling lambat");
    Matcher tracking = TRACKING.matcher(done.body());
    assertThat(tracking.find()).isTrue();
    String trackingCode = tracking.group(1);
    assertThat(trackingCode).startsWith("351616-");

    assertThat(
            jdbc.sql(
                    "select count(*) from application where idempotency_key is not null and tracking_code = ?")
                .param(trackingCode)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    Map<String, Object> row =
        jdbc.sql(
                "select id, answers::text as answers, name from application where tracking_code = ?")
            .param(trackingCode)
            .query()
            .singleRow();
    assertThat((String) row.get("answers")).contains("Warung Bu Siti");
    UUID applicationId = (UUID) row.get("id");
    assertThat(
            jdbc.sql("select count(*) from application_attachment where application_id = ?")
                .param(applicationId)
                .query(Integer.class)
                .single())
        .isEqualTo(attachments);
    assertThat(
            jdbc.sql("select count(*) from application_draft_file where draft_id = ?::uuid")
                .param(draft)
                .query(Integer.class)
                .single())
        .isZero();

    // the stored photo: no EXIF or GPS left, longest side within the cap
    UUID photoId =
        jdbc.sql(
                "select document_id from application_attachment where application_id = ? and requirement_id = ?::uuid")
            .params(applicationId, requirement("KTP"))
            .query(UUID.class)
            .single();
    byte[] stored;
    try (InputStream in = documents.open(jetis, photoId)) {
      stored = in.readAllBytes();
    }
    assertThat(TestFiles.contains(stored, TestFiles.CAMERA.getBytes())).isFalse();
    assertThat(TestFiles.contains(stored, "Exif".getBytes())).isFalse();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(2000);

    // the PDF: its bytes and hash kept
    UUID pdfId =
        jdbc.sql(
                "select document_id from application_attachment where application_id = ? and requirement_id = ?::uuid")
            .params(applicationId, requirement("Surat pengantar"))
            .query(UUID.class)
            .single();
    try (InputStream in = documents.open(jetis, pdfId)) {
      assertThat(in.readAllBytes()).isEqualTo(letter);
    }
    assertThat(documents.find(jetis, pdfId).orElseThrow().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter)));

    // the draft cannot be changed any more, and the phone's session cannot reuse the resume code
    assertThat(WebClient.location(laptop.get("/permohonan/" + draft + "/identitas")))
        .endsWith("/permohonan/" + draft + "/selesai");
    WebClient other = new WebClient(port);
    other.get("/lanjutkan");
    assertThat(other.post("/lanjutkan", "code", resumeCode).statusCode()).isEqualTo(422);
  }

  @Test
  void identityMistakesAreShownAndWhatWasTypedIsKept() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);

    HttpResponse<String> shape = identity(resident, draft, "nik", "12345");
    assertThat(shape.statusCode()).isEqualTo(422);
    assertThat(shape.body()).contains("Ada masalah", "NIK", "href=\"#nik\"");
    // the summary lists the errors in the form's order, the NIK first (it was checked last)
    HttpResponse<String> several =
        identity(
            resident,
            draft,
            "nik",
            "12345",
            "birthPlace",
            "",
            "sex",
            "",
            "villageId",
            "",
            "address",
            "");
    String summary = several.body().substring(0, several.body().indexOf("</ul>"));
    assertThat(summary)
        .containsSubsequence(
            "href=\"#nik\"",
            "href=\"#birthPlace\"",
            "href=\"#sex\"",
            "href=\"#villageId\"",
            "href=\"#address\"");

    HttpResponse<String> region = identity(resident, draft, "nik", "9916164101900001");
    assertThat(region.statusCode()).isEqualTo(422);

    HttpResponse<String> date = identity(resident, draft, "nik", "3516164113900001");
    assertThat(date.statusCode()).isEqualTo(422);

    // a year LocalDate reads but no database date holds, with a NIK whose digits match it
    HttpResponse<String> ancient =
        identity(
            resident, draft, "nik", "3516161205000001", "birthDate", "-05000-05-12", "sex", "MALE");
    assertThat(ancient.statusCode()).isEqualTo(422);
    assertThat(ancient.body()).contains("Tanggal lahir tidak boleh sebelum tahun 1900");
    assertThat(resident.post("/permohonan/" + draft + "/kirim", "consent", "yes").statusCode())
        .isEqualTo(422);

    HttpResponse<String> sex = identity(resident, draft, "sex", "MALE");
    assertThat(sex.statusCode()).isEqualTo(422);
    assertThat(sex.body()).contains("href=\"#nik\"");

    String script = "<script>alert('x')</script>";
    HttpResponse<String> hostile =
        identity(
            resident,
            draft,
            "name",
            script,
            "address",
            "<img src=x onerror=alert(1)>",
            "birthPlace",
            "A\u0000B");
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body())
        .doesNotContain(script)
        .doesNotContain("<img src=x")
        .contains("&lt;script")
        .contains("Tidak boleh berisi tag HTML");

    // what was typed is kept in the draft and shown escaped on the check page too
    HttpResponse<String> check = resident.get("/permohonan/" + draft + "/periksa");
    assertThat(check.body())
        .contains("&lt;script", "Permohonan belum lengkap:")
        .doesNotContain(script);
    HttpResponse<String> refused =
        resident.post("/permohonan/" + draft + "/kirim", "consent", "yes");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql("select count(*) from application where name like '%<script>%'")
                .query(Integer.class)
                .single())
        .isZero();

    HttpResponse<String> huge = identity(resident, draft, "address", "x".repeat(100_000));
    assertThat(huge.statusCode()).isEqualTo(422);
    assertThat(huge.body()).contains("Terlalu panjang");
  }

  @Test
  void badFilesAreRefusedEachWithItsMessageAndNothingHalfStored() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    String ktp = requirement("KTP");
    int documentsBefore = jdbc.sql("select count(*) from document").query(Integer.class).single();

    assertThat(upload(resident, draft, ktp).body()).contains("Pilih file yang akan diunggah");
    assertThat(
            upload(resident, draft, ktp, new FilePart("kosong.pdf", "application/pdf", new byte[0]))
                .body())
        .contains("File yang dipilih kosong");
    assertThat(
            upload(
                    resident,
                    draft,
                    ktp,
                    new FilePart("ktp.pdf", "application/pdf", TestFiles.windowsExecutable()))
                .body())
        .contains("harus berupa JPG, PNG, WebP, HEIC atau PDF");
    assertThat(
            upload(
                    resident,
                    draft,
                    ktp,
                    new FilePart("kunci.pdf", "application/pdf", TestFiles.encryptedPdf("rahasia")))
                .body())
        .contains("dilindungi kata sandi");
    assertThat(
            upload(
                    resident,
                    draft,
                    ktp,
                    new FilePart("bom.png", "image/png", TestFiles.pngDeclaring(100_000, 100_000)))
                .body())
        .contains("megapiksel");
    HttpResponse<String> deep =
        upload(
            resident,
            draft,
            ktp,
            new FilePart("dalam.png", "image/png", TestFiles.sixteenBitPng()));
    assertThat(deep.statusCode()).isEqualTo(422);
    assertThat(deep.body())
        .contains(
            "Foto yang dipilih terlalu besar untuk diproses (7000 × 7000 piksel, 16 bit per warna)");
    // one good file and one bad in the same upload: neither is kept
    HttpResponse<String> mixed =
        upload(
            resident,
            draft,
            ktp,
            pdf("baik.pdf"),
            new FilePart("jahat.pdf", "application/pdf", TestFiles.elf()));
    assertThat(mixed.statusCode()).isEqualTo(422);
    assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single())
        .isEqualTo(documentsBefore);

    // 100 files for one requirement
    FilePart[] many = new FilePart[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = pdf("halaman-" + i + ".pdf");
    }
    HttpResponse<String> hundred = upload(resident, draft, ktp, many);
    assertThat(WebClient.location(hundred)).contains("terlalu-banyak");
    HttpResponse<String> tooMany =
        resident.get(WebClient.location(hundred).replaceFirst("^https?://[^/]+", ""));
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(tooMany.body()).contains("paling banyak 5 file");
    // six: within what the container reads, refused by the limit per requirement
    HttpResponse<String> six = upload(resident, draft, ktp, java.util.Arrays.copyOf(many, 6));
    assertThat(six.statusCode()).isEqualTo(422);
    assertThat(six.body()).contains("paling banyak 5 file");
    assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single())
        .isEqualTo(documentsBefore);

    // a file over the servlet limit comes back to the slot with the message
    byte[] big = new byte[10 * 1024 * 1024 + 100_000];
    System.arraycopy(TestFiles.pdf(1), 0, big, 0, TestFiles.pdf(1).length);
    HttpResponse<String> oversized =
        upload(resident, draft, ktp, new FilePart("besar.pdf", "application/pdf", big));
    assertThat(oversized.statusCode()).isEqualTo(302);
    HttpResponse<String> tooBig =
        resident.get(WebClient.location(oversized).replaceFirst("^https?://[^/]+", ""));
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body()).contains("harus lebih kecil dari 10 MB");

    // a name with a path and control characters is kept only as a clean display name
    HttpResponse<String> traversal =
        upload(
            resident,
            draft,
            ktp,
            new FilePart("../../etc/passwd\u0007.pdf", "application/pdf", TestFiles.pdf(1)));
    assertThat(traversal.statusCode()).isEqualTo(302);
    String name =
        jdbc.sql(
                "select d.name from document d join application_draft_file f on f.document_id = d.id where f.draft_id = ?::uuid")
            .param(draft)
            .query(String.class)
            .single();
    assertThat(name).doesNotContain("/", "..", "\u0007").endsWith(".pdf");

    // a requirement of another service, and someone else's document, are not found
    assertThat(upload(resident, draft, UUID.randomUUID().toString(), pdf("x.pdf")).statusCode())
        .isEqualTo(404);
    resident.get("/permohonan/" + draft + "/berkas");
    assertThat(
            resident
                .post("/permohonan/" + draft + "/berkas/" + UUID.randomUUID() + "/hapus")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aNumberAnsweredIsReadInThousandsOnTheCheckPageAndInTheCaseFile() {
    WebClient resident = new WebClient(port);
    resident.get("/kecamatan/jetis/layanan/SKTM/ajukan");
    Matcher started =
        DRAFT.matcher(WebClient.location(resident.post("/kecamatan/jetis/layanan/SKTM/ajukan")));
    assertThat(started.find()).isTrue();
    String draft = started.group(1);
    assertThat(identity(resident, draft).statusCode()).isEqualTo(302);
    resident.get("/permohonan/" + draft + "/pertanyaan");
    assertThat(
            resident
                .post(
                    "/permohonan/" + draft + "/pertanyaan",
                    "keperluan",
                    "sekolah",
                    "pekerjaan",
                    "Buruh tani",
                    "penghasilan",
                    "1500000",
                    "jumlah_tanggungan",
                    "4",
                    "penerima_bansos",
                    "tidak")
                .statusCode())
        .isEqualTo(302);

    // the resident reads back the income as written in each language, not as 1500000
    assertThat(resident.get("/permohonan/" + draft + "/periksa").body())
        .contains(">1.500.000<")
        .doesNotContain(">1500000<");
    assertThat(resident.get("/permohonan/" + draft + "/periksa?lang=en").body())
        .contains(">1,500,000<");
    resident.get("/permohonan/" + draft + "/periksa?lang=id");

    List<String> sktm =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'SKTM' and r.required order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    for (String id : sktm) {
      assertThat(upload(resident, draft, id, pdf("berkas.pdf")).statusCode()).isEqualTo(302);
    }
    resident.get("/permohonan/" + draft + "/periksa");
    resident.post("/permohonan/" + draft + "/kirim", "consent", "yes");
    Matcher tracking = TRACKING.matcher(resident.get("/permohonan/" + draft + "/selesai").body());
    assertThat(tracking.find()).isTrue();
    String application =
        jdbc.sql("select id::text from application where tracking_code = ?")
            .param(tracking.group(1))
            .query(String.class)
            .single();

    // and so does the verifier
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .get("/admin/permohonan/" + application)
                .body())
        .contains(">1.500.000<")
        .doesNotContain(">1500000<")
        // a yes/no answer in a word, as the resident read it ("tidak" as stored before)
        .containsPattern("bantuan sosial \\(PKH, BPNT, KIS\\)\\?</dt>\\s*<dd[^>]*>Tidak<");
  }

  @Test
  void aFileOverTheLimitOnTheStepsFormIsNamedAtItsOwnRequirement() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    String second = required.get(1);
    byte[] big = java.util.Arrays.copyOf(TestFiles.pdf(1), 10 * 1024 * 1024 + 100_000);
    resident.get("/permohonan/" + draft + "/berkas");

    // without JavaScript every requirement's files go in one post; the second's is too large
    HttpResponse<String> sent =
        resident.upload(
            "/permohonan/" + draft + "/berkas",
            "files[" + second + "]",
            Map.of(),
            new FilePart("besar.pdf", "application/pdf", big));
    assertThat(sent.statusCode()).isEqualTo(302);
    String page = resident.get(WebClient.location(sent).replaceFirst("^https?://[^/]+", "")).body();

    // the message stands at the requirement the file was chosen for, says what went wrong with
    // it and that nothing of the post was kept (not "too large together" at the first one)
    assertThat(errorOf(page, "files[" + second + "]"))
        .contains("harus lebih kecil dari 10 MB", "Tidak ada file yang tersimpan");
    assertThat(page)
        .doesNotContain("id=\"files[" + required.get(0) + "]-error\"")
        .doesNotContain("terlalu besar bersama-sama");
  }

  /** The text of a field's error message on the page, or "" when it has none. */
  private static String errorOf(String page, String field) {
    Matcher m =
        Pattern.compile("id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>", Pattern.DOTALL)
            .matcher(page);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void aResidentRemovesAFileAndItIsDeleted() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    upload(resident, draft, requirement("KTP"), pdf("salah.pdf"));
    UUID document =
        jdbc.sql("select document_id from application_draft_file where draft_id = ?::uuid")
            .param(draft)
            .query(UUID.class)
            .single();
    resident.get("/permohonan/" + draft + "/berkas");
    HttpResponse<String> removed =
        resident.post("/permohonan/" + draft + "/berkas/" + document + "/hapus");
    assertThat(WebClient.location(removed)).contains("/permohonan/" + draft + "/berkas?dihapus");
    assertThat(documents.find(jetis, document)).isEmpty();
  }

  @Test
  void aDraftIsOnlyOpenedByTheBrowserThatStartedItOrWithItsOwnCode() {
    WebClient alice = new WebClient(port);
    String aliceDraft = start(alice);
    WebClient bob = new WebClient(port);
    String bobDraft = start(bob);
    Matcher bobCode = RESUME_CODE.matcher(bob.get("/permohonan/" + bobDraft + "/identitas").body());
    assertThat(bobCode.find()).isTrue();

    // Bob knows Alice's draft id, but his own code does not open it
    assertThat(WebClient.location(bob.get("/permohonan/" + aliceDraft + "/identitas")))
        .endsWith("/lanjutkan/" + aliceDraft);
    bob.get("/lanjutkan/" + aliceDraft);
    assertThat(bob.post("/lanjutkan/" + aliceDraft, "code", bobCode.group(1)).statusCode())
        .isEqualTo(422);
    assertThat(WebClient.location(bob.get("/permohonan/" + aliceDraft + "/periksa")))
        .endsWith("/lanjutkan/" + aliceDraft);
    bob.get("/permohonan/" + bobDraft + "/berkas");
    assertThat(bob.post("/permohonan/" + aliceDraft + "/kirim", "consent", "yes").statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select application_id from application_draft where id = ?::uuid")
                .param(aliceDraft)
                .query(UUID.class)
                .optional())
        .isEmpty();
    // an unknown draft
    assertThat(bob.get("/permohonan/" + UUID.randomUUID() + "/identitas").statusCode())
        .isEqualTo(404);
    assertThat(bob.get("/permohonan/bukan-uuid/identitas").statusCode()).isEqualTo(404);
  }

  @Test
  void aCompleteDraftIsSubmittedOnceEvenWhenSentTwice() {
    WebClient resident = new WebClient(port);
    String draft = completeDraft(resident);
    resident.get("/permohonan/" + draft + "/periksa");
    String token = resident.csrf();
    HttpResponse<String> first = resident.post("/permohonan/" + draft + "/kirim", "consent", "yes");
    HttpResponse<String> second =
        resident.postRaw("/permohonan/" + draft + "/kirim", "consent", "yes", "_csrf", token);
    assertThat(WebClient.location(first)).isEqualTo(WebClient.location(second));
    assertThat(
            jdbc.sql(
                    "select count(*) from application where idempotency_key is not null and id = (select application_id from application_draft where id = ?::uuid)")
                .param(draft)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aServiceClosedWhileAResidentFillsADraftSaysSoOnEachStepAndTheDraftIsKept() {
    WebClient resident = new WebClient(port);
    String draft = completeDraft(resident);
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String service =
        jdbc.sql("select id::text from service_type where office_id = ? and code = 'DOMISILI'")
            .param(jetis)
            .query(String.class)
            .single();
    admin.get("/admin/layanan");
    assertThat(admin.post("/admin/layanan/" + service + "/aktif", "active", "false").statusCode())
        .isEqualTo(302);
    try {
      // the resident's next step says it before more is typed
      assertThat(resident.get("/permohonan/" + draft + "/berkas").body())
          .contains("Layanan ini tidak lagi menerima permohonan daring.");
      HttpResponse<String> sent =
          resident.post("/permohonan/" + draft + "/kirim", "consent", "yes");
      // was a bare 404 page ("Halaman tidak ditemukan") after every step was filled in
      assertThat(sent.statusCode()).isEqualTo(422);
      assertThat(sent.body())
          .contains("Permohonan tidak terkirim: layanan ini sudah ditutup oleh kecamatan.")
          .contains("Siti Aminah")
          .doesNotContain("apply.error", "apply.closed");
      assertThat(
              jdbc.sql("select application_id is null from application_draft where id = ?::uuid")
                  .param(draft)
                  .query(Boolean.class)
                  .single())
          .isTrue();
      assertThat(resident.get("/permohonan/" + draft + "/periksa?lang=en").body())
          .contains("This service no longer takes applications online.");
    } finally {
      admin.get("/admin/layanan");
      admin.post("/admin/layanan/" + service + "/aktif", "active", "true");
    }
    // reopened: the same draft is sent as it was
    resident.get("/permohonan/" + draft + "/periksa?lang=id");
    assertThat(resident.get("/permohonan/" + draft + "/periksa").body())
        .doesNotContain("Layanan ini tidak lagi menerima permohonan daring.");
    assertThat(resident.post("/permohonan/" + draft + "/kirim", "consent", "yes").statusCode())
        .isEqualTo(302);
  }

  @Test
  void tooManyDraftsOrSubmissionsForOnePhoneAreRefusedAndNothingSavedIsLost() {
    ExhaustedLimits limits = new ExhaustedLimits(jdbc, clock);
    String phone = "tel:6281234567890"; // 0812 3456 7890, the phone identity() types
    try {
      WebClient resident = new WebClient(port);
      String draft = start(resident);
      limits.exhaust("messages-per-recipient", phone);
      HttpResponse<String> refused = identity(resident, draft);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body())
          .contains("Terlalu banyak permohonan dimulai dari perangkat ini atau untuk nomor")
          .contains("href=\"#phone\"")
          .contains("value=\"Siti Aminah\"");
      limits.refill("messages-per-recipient", phone);
      assertThat(identity(resident, draft).statusCode()).isEqualTo(302);
      finishDraft(resident, draft);

      limits.exhaustLoopback("submissions-per-address");
      resident.get("/permohonan/" + draft + "/periksa");
      HttpResponse<String> notSent =
          resident.post("/permohonan/" + draft + "/kirim", "consent", "yes");
      assertThat(notSent.statusCode()).isEqualTo(429);
      assertThat(notSent.body())
          .contains("Permohonan Anda tetap tersimpan sebagai draf")
          .doesNotContain("apply.error");
      assertThat(
              jdbc.sql("select application_id is null from application_draft where id = ?::uuid")
                  .param(draft)
                  .query(Boolean.class)
                  .single())
          .isTrue();
      limits.refillLoopback("submissions-per-address");
      resident.get("/permohonan/" + draft + "/periksa");
      assertThat(resident.post("/permohonan/" + draft + "/kirim", "consent", "yes").statusCode())
          .isEqualTo(302);
    } finally {
      limits.refill("messages-per-recipient", phone);
      limits.refillLoopback("submissions-per-address");
    }
  }

  /** Answers and files of a draft whose identity was saved. */
  private void finishDraft(WebClient resident, String draft) {
    resident.get("/permohonan/" + draft + "/pertanyaan");
    resident.post(
        "/permohonan/" + draft + "/pertanyaan",
        "keperluan",
        "pribadi",
        "keterangan",
        "Persyaratan bank");
    for (String id : required) {
      assertThat(upload(resident, draft, id, pdf("berkas.pdf")).statusCode()).isEqualTo(302);
    }
  }

  @Test
  void theResidentChoosesHowToHearAndAChannelWithoutItsContactIsRefused() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    HttpResponse<String> page = resident.get("/permohonan/" + draft + "/identitas");
    assertThat(page.body())
        .contains("Kirim kabar permohonan lewat")
        .contains("name=\"preferredChannel\" value=\"WHATSAPP\"")
        .contains("name=\"preferredChannel\" value=\"SMS\"")
        .contains("name=\"preferredChannel\" value=\"EMAIL\"");

    HttpResponse<String> noEmail = identity(resident, draft, "preferredChannel", "EMAIL");
    assertThat(noEmail.statusCode()).isEqualTo(422);
    assertThat(noEmail.body())
        .contains("Isi alamat e-mail untuk menerima kabar lewat e-mail")
        .contains("href=\"#preferredChannel\"")
        // what was typed is kept, the choice too
        .contains("value=\"Siti Aminah\"")
        .containsPattern("value=\"EMAIL\" checked");

    // an address a mail server would refuse is refused here, not dropped later
    HttpResponse<String> trailingDot =
        identity(resident, draft, "preferredChannel", "EMAIL", "email", "siti@gmail.com.");
    assertThat(trailingDot.statusCode()).isEqualTo(422);
    assertThat(trailingDot.body()).contains("Alamat e-mail tidak valid");

    for (String hostile :
        new String[] {"TELEGRAM", "<script>alert(1)</script>", "x".repeat(5000)}) {
      HttpResponse<String> refused = identity(resident, draft, "preferredChannel", hostile);
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body())
          .contains("Pilih WhatsApp, SMS atau e-mail.")
          .doesNotContain("<script>alert(1)");
    }

    assertThat(
            identity(resident, draft, "preferredChannel", "SMS", "email", "siti.aminah@example.id")
                .statusCode())
        .isEqualTo(302);
    assertThat(resident.get("/permohonan/" + draft + "/periksa").body())
        .containsPattern("Kirim kabar permohonan lewat</dt><dd>SMS</dd>");
  }

  @Test
  void aSubmittedApplicationKeepsTheChosenChannelAndWithoutAChoiceTakesWhatsApp() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    identity(resident, draft, "preferredChannel", "EMAIL", "email", "siti@example.id");
    finish(resident, draft);
    WebClient other = new WebClient(port);
    String plain = start(other);
    identity(other, plain);
    finish(other, plain);
    assertThat(channelOf(draft)).isEqualTo("EMAIL");
    assertThat(channelOf(plain)).isEqualTo("WHATSAPP");
  }

  /** Answers, files and submission of a draft whose identity was saved. */
  private void finish(WebClient resident, String draft) {
    resident.get("/permohonan/" + draft + "/pertanyaan");
    resident.post(
        "/permohonan/" + draft + "/pertanyaan",
        "keperluan",
        "pribadi",
        "keterangan",
        "Persyaratan bank");
    for (String id : required) {
      assertThat(upload(resident, draft, id, pdf("berkas.pdf")).statusCode()).isEqualTo(302);
    }
    resident.get("/permohonan/" + draft + "/periksa");
    assertThat(resident.post("/permohonan/" + draft + "/kirim", "consent", "yes").statusCode())
        .isEqualTo(302);
  }

  private String channelOf(String draft) {
    return jdbc.sql(
            """
            select preferred_channel from application
            where id = (select application_id from application_draft where id = ?::uuid)
            """)
        .param(draft)
        .query(String.class)
        .single();
  }

  @Test
  void invisibleFormattingInANameAPlaceOrAnAnswerIsRefusedWithAMessage() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    String message = "Berisi karakter tak terlihat (pengatur arah teks atau spasi tanpa lebar)";

    // a right-to-left override would print "Siti \u202Ehanima" as "Siti aminah" reversed
    HttpResponse<String> identity =
        identity(
            resident,
            draft,
            "name",
            "Siti \u202Ehanima",
            "birthPlace",
            "Moj\u200Bokerto",
            "address",
            "Dusun \u2067Krajan\u2069 RT 01");
    assertThat(identity.statusCode()).isEqualTo(422);
    assertThat(identity.body())
        .contains(message)
        .contains("href=\"#name\"", "href=\"#birthPlace\"", "href=\"#address\"");

    identity(resident, draft);
    resident.get("/permohonan/" + draft + "/pertanyaan");
    HttpResponse<String> answers =
        resident.post(
            "/permohonan/" + draft + "/pertanyaan",
            "keperluan",
            "pribadi",
            "keterangan",
            "Untuk\uFEFF melamar\u200D kerja",
            "lama_tinggal",
            "3");
    assertThat(answers.statusCode()).isEqualTo(422);
    assertThat(answers.body()).contains(message, "href=\"#keterangan\"");
  }

  @Test
  void scriptInAnswersIsRefusedAndShownAsText() {
    WebClient resident = new WebClient(port);
    String draft = start(resident);
    identity(resident, draft);
    resident.get("/permohonan/" + draft + "/pertanyaan");
    String script = "<script>alert(1)</script>";
    HttpResponse<String> refused =
        resident.post(
            "/permohonan/" + draft + "/pertanyaan",
            "keperluan",
            "pribadi",
            "keterangan",
            script,
            "lama_tinggal",
            "banyak");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .doesNotContain(script)
        .contains("&lt;script", "Tidak boleh berisi tag HTML", "Harus berupa angka bulat");
    HttpResponse<String> check = resident.get("/permohonan/" + draft + "/periksa");
    assertThat(check.body()).doesNotContain(script).contains("&lt;script");

    // a choice that is not offered, and an answer to a question the form does not have
    HttpResponse<String> forged =
        resident.post(
            "/permohonan/" + draft + "/pertanyaan", "keperluan", "palsu", "tidak_ada", "x");
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql("select answers::text from application_draft where id = ?::uuid")
                .param(draft)
                .query(String.class)
                .single())
        .doesNotContain("tidak_ada");
  }

  @Test
  void tooManyResumeAttemptsFromOneAddressAreRefusedForAWhile() {
    WebClient guesser = new WebClient(port);
    guesser.get("/lanjutkan");
    for (int i = 0; i < LookupLimiter.PER_MINUTE; i++) {
      assertThat(guesser.post("/lanjutkan", "code", "AAAA-AAA" + (i % 8 + 2)).statusCode())
          .isEqualTo(422);
    }
    HttpResponse<String> limited = guesser.post("/lanjutkan", "code", "AAAA-AAAA");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Terlalu banyak percobaan");
    limiter.reset();
  }
}
