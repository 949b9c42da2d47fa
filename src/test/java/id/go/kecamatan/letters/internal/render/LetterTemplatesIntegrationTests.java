package id.go.kecamatan.letters.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applicant;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Sex;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters of every demo service rendered from the shipped templates on the demo data (text,
 * PDF/A-3b, fonts, no links), hostile input through every field, the office's paper size, and the
 * admin's template editor over HTTP.
 */
@IntegrationTest
class LetterTemplatesIntegrationTests {

  static final String HOSTILE =
      "</p><a href=\"https://evil\">x</a><script>alert(1)</script>{{pemohon.nik}} &amp; ]]>";

  @LocalServerPort int port;
  @Autowired LetterRenderer renderer;
  @Autowired LetterTemplates templates;
  @Autowired Catalog catalog;
  @Autowired FormFields forms;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.application.Applications applications;
  @Autowired id.go.kecamatan.application.Decisions decisions;

  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    jetis = office("35.16.16");
    village = offices.villages(jetis).get(0).id();
  }

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  ServiceType service(UUID office, String code) {
    return catalog.allServices(office).stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static int linkAnnotations(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int links = 0;
      for (PDPage page : document.getPages()) {
        links += page.getAnnotations().size();
      }
      return links;
    }
  }

  /** An answer of the right kind to every question; text answers carry {@code text}. */
  Map<String, List<String>> answers(FormDefinition form, String text) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      String value =
          switch (field.type()) {
            case CHOICE, MULTIPLE_CHOICE -> field.options().get(0).value();
            case YES_NO -> "ya";
            case DATE -> "2026-12-17";
            case NUMBER -> "3";
            case NIK, KK -> "3516160101900002";
            case PHONE -> "081234567890";
            case EMAIL -> "siti@example.id";
            case VILLAGE -> village.toString();
            default -> text + " " + field.key();
          };
      answers.put(field.key(), List.of(value));
    }
    return answers;
  }

  LetterRequest request(ServiceType service, Applicant applicant, String text) {
    return new LetterRequest(
        jetis,
        service.id(),
        applicant,
        answers(forms.definition(jetis, service.id()), text),
        "K7M2Q9XW",
        "474/0" + service.position() + "/416.305/2026",
        LocalDate.of(2026, 11, 22),
        new SignatureLine(
            null,
            "CAMAT JETIS",
            null,
            "Dr. SUGENG RAHARJO",
            "Pembina (IV/a)",
            "197001011990031001"),
        "https://layanan.example.id/v/Zq8Tn3Lp6Rk2");
  }

  @Test
  void everyDemoServiceHasADefaultTemplateWhosePlaceholdersItsFormKnows() {
    // the demo catalogue's 14 services (other tests add services under codes of their own)
    List<ServiceType> services =
        catalog.allServices(jetis).stream()
            .filter(s -> LetterTemplates.read(s.code()).isPresent())
            .toList();
    assertThat(services).hasSize(14);
    for (ServiceType service : services) {
      assertThat(LetterTemplates.read(service.code())).as(service.code()).isPresent();
      LetterTemplate.Compiled compiled =
          templates.check(
              forms.definition(jetis, service.id()), templates.defaultBody(service.code()));
      assertThat(compiled.problems()).as(service.code()).isEmpty();
      // every question of the form is in the letter
      for (FormField field : forms.definition(jetis, service.id()).fields()) {
        assertThat(compiled.template().placeholders())
            .as(service.code())
            .contains(Placeholders.ANSWER + field.key());
      }
      assertThat(templates.defaultTitle(service)).as(service.code()).startsWith("SURAT");
    }
  }

  @Test
  void aLetterOfEveryDemoServiceRendersAsPdfA3bWithTheApplicantTheAnswersAndTheNumber()
      throws Exception {
    Applicant applicant =
        new Applicant(
            "3516164101900001",
            "Siti Aminah",
            "Mojokerto",
            LocalDate.of(1990, 1, 1),
            Sex.FEMALE,
            village,
            "Dusun Kauman RT 002 RW 003",
            null,
            null,
            null);
    for (ServiceType service : catalog.allServices(jetis)) {
      LetterRequest request = request(service, applicant, "Isian");
      RenderedLetter letter = renderer.render(request);
      String text = text(letter.pdf());
      String flat = text.replaceAll("\\s+", " ");
      assertThat(flat)
          .as(service.code())
          .contains(
              "Siti Aminah",
              "3516164101900001",
              "Nomor: " + request.number(),
              "KECAMATAN JETIS",
              "Jetis, 22 November 2026",
              "Dr. SUGENG RAHARJO",
              "NIP. 197001011990031001",
              "1 Januari 1990")
          .doesNotContain("{{", "DRAF");
      FormDefinition form = forms.definition(jetis, service.id());
      for (FormField field : form.fields()) {
        if (field.type().textual()) {
          assertThat(flat).as(service.code()).contains("Isian " + field.key());
        } else if (field.type().hasOptions()) {
          assertThat(flat).as(service.code()).contains(field.options().get(0).labelId());
        } else if (field.type() == id.go.kecamatan.catalog.FieldType.DATE) {
          assertThat(flat).as(service.code()).contains("17 Desember 2026");
        }
      }
      assertThat(linkAnnotations(letter.pdf())).isZero();
      assertThat(PdfChecks.pdfA3bFailures(letter.pdf())).as(service.code()).isEmpty();
      assertThat(letter.signatureBox().width()).isPositive();
    }
  }

  @Test
  void markupInEveryApplicantFieldAndAnswerIsPrintedAsPlainText() throws Exception {
    Applicant applicant =
        new Applicant(
            "3516164101900001",
            "Siti " + HOSTILE,
            "Mojokerto " + HOSTILE,
            LocalDate.of(1990, 1, 1),
            Sex.FEMALE,
            village,
            "Dusun " + HOSTILE + "\u0000\uFFFF",
            null,
            null,
            null);
    for (String code : List.of("DOMISILI", "SKW", "SKTS", "DISPENSASI-NIKAH", "IZIN-KERAMAIAN")) {
      ServiceType service = service(jetis, code);
      RenderedLetter letter = renderer.render(request(service, applicant, HOSTILE));
      String flat = text(letter.pdf()).replaceAll("\\s+", "");
      String hostile = HOSTILE.replaceAll("\\s+", "");
      // the name, place of birth, address and each text answer: all printed as typed
      int count = flat.split(java.util.regex.Pattern.quote(hostile), -1).length - 1;
      // as many times as the template prints a typed applicant field or text answer
      var used = templates.compiled(templates.defaultBody(code)).placeholders();
      long typed =
          used.stream()
              .filter(
                  name ->
                      List.of("pemohon.nama", "pemohon.tempat_tanggal_lahir", "pemohon.alamat")
                              .contains(name)
                          || name.startsWith(Placeholders.ANSWER)
                              && forms
                                  .definition(jetis, service.id())
                                  .field(name.substring(Placeholders.ANSWER.length()))
                                  .orElseThrow()
                                  .type()
                                  .textual())
              .count();
      assertThat(typed).as(code).isGreaterThanOrEqualTo(3);
      assertThat(count).as(code).isEqualTo((int) typed);
      // the placeholder typed by the resident is not evaluated
      assertThat(flat).contains("{{pemohon.nik}}");
      assertThat(linkAnnotations(letter.pdf())).isZero();
      assertThat(PdfChecks.pdfA3bFailures(letter.pdf())).isEmpty();
    }
  }

  @Test
  void anOfficeOnF4PrintsItsLettersOnFolio() throws Exception {
    UUID office = office("33.02.27");
    ServiceType service = service(office, "DOMISILI");
    assertThat(templates.saveSettings(office, "F4", "SANS").any()).isFalse();
    try {
      byte[] png =
          renderer.previewPng(
              office,
              service.id(),
              null,
              templates.compiled(templates.defaultBody(service.code())));
      var image = ImageIO.read(new ByteArrayInputStream(png));
      // 215 x 330 mm at 100 dpi
      assertThat(image.getWidth()).isBetween(845, 848);
      assertThat(image.getHeight()).isBetween(1298, 1301);
    } finally {
      templates.saveSettings(office, "A4", "SERIF");
    }
    assertThat(templates.saveSettings(office, "A3", "COMIC").all()).containsKeys("paper", "font");
  }

  // ---- the editor -------------------------------------------------------------------------------

  @Test
  void theAdminSavesPreviewsAndResetsATemplate() {
    ServiceType service = service(jetis, "SKTM");
    String url = "/admin/surat/templat/" + service.id();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/bagian/layanan").body()).contains("href=\"/admin/surat/templat\"");
    HttpResponse<String> list = admin.get("/admin/surat/templat");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(url, "SKTM");

    HttpResponse<String> edit = admin.get(url);
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.body())
        .contains("src=\"data:image/png;base64,", "{{jawaban.penghasilan}}", "{{pemohon.nama}}");

    // a hostile template is refused with its line, the typed text kept, nothing saved
    String hostile = "<p>Baik</p>\n<p><script>alert(1)</script></p>";
    HttpResponse<String> refused =
        admin.post(url, "title", "", "body", hostile, "action", "simpan");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Baris 2: unsur &lt;script&gt; tidak diizinkan")
        .contains("&lt;p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</textarea>")
        .doesNotContain("src=\"data:image/png");
    assertThat(templates.servicesWithOwnTemplate(jetis)).doesNotContain(service.id());

    // the preview of unsaved text saves nothing
    String body = "<p>Surat untuk {{pemohon.nama}} bekerja sebagai {{jawaban.pekerjaan}}.</p>";
    HttpResponse<String> preview =
        admin.post(url, "title", "SURAT KETERANGAN KHUSUS", "body", body, "action", "pratinjau");
    assertThat(preview.body()).contains("src=\"data:image/png;base64,");
    assertThat(templates.servicesWithOwnTemplate(jetis)).doesNotContain(service.id());
    HttpResponse<byte[]> png = postForBytes(admin, url + "/pratinjau", body);
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    HttpResponse<String> saved =
        admin.post(url, "title", "SURAT KETERANGAN KHUSUS", "body", body, "action", "simpan");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(templates.effective(jetis, service).own()).isTrue();
    assertThat(templates.effective(jetis, service).body()).isEqualTo(body);
    assertThat(audits("letter.template.saved", service.id())).isEqualTo(1);
    assertThat(admin.get("/admin/surat/templat").body()).contains("Templat kantor ini");

    // the office's template is what its letters print now
    String letter =
        uncheckedText(
            renderer
                .render(
                    new LetterRequest(
                        jetis,
                        service.id(),
                        new Applicant(
                            "3516164101900001",
                            "Siti Aminah",
                            "Mojokerto",
                            LocalDate.of(1990, 1, 1),
                            Sex.FEMALE,
                            village,
                            "Dusun",
                            null,
                            null,
                            null),
                        Map.of("pekerjaan", List.of("Petani")),
                        "K7M2Q9XW",
                        null,
                        LocalDate.of(2026, 11, 22),
                        null,
                        null))
                .pdf());
    assertThat(letter).contains("SURAT KETERANGAN KHUSUS", "Siti Aminah bekerja sebagai Petani");

    admin.get(url);
    assertThat(admin.post(url + "/reset").statusCode()).isEqualTo(302);
    assertThat(templates.effective(jetis, service).own()).isFalse();
    assertThat(audits("letter.template.reset", service.id())).isEqualTo(1);
  }

  @Test
  void theEditorRefusesUnknownPlaceholdersOversizedTextAndTheJsPreviewSaysWhy() {
    ServiceType service = service(jetis, "SKCK");
    String url = "/admin/surat/templat/" + service.id();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(url);
    HttpResponse<String> unknown =
        admin.post(url, "body", "<p>{{jawaban.penghasilan}}</p>", "action", "simpan");
    assertThat(unknown.body())
        .contains("Baris 1: isian \u201Cjawaban.penghasilan\u201D tidak dikenal");
    HttpResponse<String> huge =
        admin.post(url, "body", "<p>" + "a".repeat(100_000) + "</p>", "action", "simpan");
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(huge.body()).contains("paling banyak 20.000 karakter");
    HttpResponse<byte[]> js =
        postForBytes(admin, url + "/pratinjau", "<p><img src=\"http://x/y.png\"/></p>");
    assertThat(js.statusCode()).isEqualTo(422);
    assertThat(new String(js.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("img");
    assertThat(templates.servicesWithOwnTemplate(jetis)).doesNotContain(service.id());
  }

  static final String DEEP = "<p>" + "<b>".repeat(2800) + "x" + "</b>".repeat(2800) + "</p>";

  @Test
  void aTemplateNestedTooDeeplyIsRefusedWhenSavedAndInThePreview() {
    ServiceType service = service(jetis, "SKCK");
    String url = "/admin/surat/templat/" + service.id();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(url);

    HttpResponse<String> refused = admin.post(url, "body", DEEP, "action", "simpan");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Baris 1: unsur bertumpuk terlalu dalam (paling banyak 20 tingkat")
        .doesNotContain("src=\"data:image/png");
    assertThat(templates.servicesWithOwnTemplate(jetis)).doesNotContain(service.id());

    HttpResponse<byte[]> js = postForBytes(admin, url + "/pratinjau", DEEP);
    assertThat(js.statusCode()).isEqualTo(422);
    assertThat(new String(js.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("terlalu dalam");
  }

  @Test
  void aSigningBatchReadsItsTemplateOnceAndTheNextBatchShowsAChangeSavedMeanwhile()
      throws Exception {
    ServiceType service = service(jetis, "SKCK");
    Village first = offices.villages(jetis).get(0);
    Applicant applicant =
        new Applicant(
            "3516164101900001",
            "Lestari Handayani",
            "Mojokerto",
            LocalDate.of(1990, 1, 1),
            Sex.FEMALE,
            first.id(),
            "Dusun Kauman",
            null,
            null,
            null);
    LetterRequest request = request(service, applicant, "Isian");
    LetterRendering batch = renderer.batch();
    String before = text(batch.render(request).pdf()).replaceAll("\\s+", " ");
    assertThat(before).contains("Lestari Handayani", first.name()).doesNotContain("Versi kedua");
    Outcome<LetterTemplates.Effective> saved =
        templates.save(
            jetis,
            service.id(),
            "",
            "<p>Versi kedua untuk {{pemohon.nama}} dari {{pemohon.desa}}.</p>",
            0);
    assertThat(saved.ok()).isTrue();
    try {
      assertThat(text(batch.render(request).pdf()))
          .as("the batch that began before the change")
          .doesNotContain("Versi kedua");
      assertThat(text(renderer.batch().render(request).pdf()).replaceAll("\\s+", " "))
          .as("the next batch")
          .contains("Versi kedua untuk Lestari Handayani dari " + first.name());
      assertThat(text(renderer.render(request).pdf()))
          .as("a single letter")
          .contains("Versi kedua");
    } finally {
      jdbc.sql("delete from letter_template where office_id = ? and service_id = ?")
          .params(jetis, service.id())
          .update();
    }
  }

  @Test
  void aBrokenTemplateStoredBeforeTheRulesBreaksNoPageAndNoLetter() throws Exception {
    // stored as an earlier version let it be saved: 2,800 nested <b>
    ServiceType service = service(jetis, "DOMISILI");
    jdbc.sql(
            """
            insert into letter_template (office_id, service_id, title, body, updated_at, version)
            values (?, ?, null, ?, now(), 0)
            """)
        .params(jetis, service.id(), DEEP)
        .update();
    try {
      String url = "/admin/surat/templat/" + service.id();
      WebClient admin = WebClient.signedIn(port, "admin.jetis");

      HttpResponse<String> editor = admin.get(url);
      assertThat(editor.statusCode()).isEqualTo(200);
      assertThat(editor.body())
          .contains("class=\"error-summary\"", "unsur bertumpuk terlalu dalam");
      HttpResponse<String> list = admin.get("/admin/surat/templat");
      assertThat(list.statusCode()).isEqualTo(200);

      // the Camat's preview of a letter of this service shows the letter in the shipped template
      id.go.kecamatan.letters.LetterFixtures fixtures =
          new id.go.kecamatan.letters.LetterFixtures(applications, decisions, jdbc);
      var approved = fixtures.approved(jetis, "Ratna Sari Dewi");
      WebClient camat = WebClient.signedIn(port, "camat.jetis");
      HttpResponse<byte[]> preview =
          camat.getBytes("/admin/surat/tanda-tangan/" + approved.id().value() + "/pratinjau");
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(PdfChecks.text(preview.body())).contains("Ratna Sari Dewi", "DRAF");
    } finally {
      jdbc.sql("delete from letter_template where office_id = ? and service_id = ?")
          .params(jetis, service.id())
          .update();
    }
  }

  @Test
  void anotherOfficesServiceIsNotFoundAndOnlyTheOfficeAdminEdits() {
    ServiceType other = service(office("33.02.27"), "SKTM");
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/surat/templat/" + other.id()).statusCode()).isEqualTo(404);
    assertThat(admin.get("/admin/surat/templat/bukan-uuid").statusCode()).isEqualTo(404);
    assertThat(admin.post("/admin/surat/templat/" + other.id(), "body", "<p>x</p>").statusCode())
        .isEqualTo(404);
    assertThat(admin.post("/admin/surat/templat/" + other.id() + "/reset").statusCode())
        .isEqualTo(404);
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    ServiceType own = service(jetis, "SKTM");
    assertThat(verifier.get("/admin/surat/templat").statusCode()).isEqualTo(403);
    assertThat(verifier.get("/admin/surat/templat/" + own.id()).statusCode()).isEqualTo(403);
  }

  int audits(String action, UUID serviceId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
        .params(action, serviceId.toString())
        .query(Integer.class)
        .single();
  }

  static String uncheckedText(byte[] pdf) {
    try {
      return text(pdf).replaceAll("\\s+", " ");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTooLongOrMarkedUpTitleIsRefusedInThePreviewAsWhenSaving() {
    ServiceType service = service(jetis, "SKTM");
    String url = "/admin/surat/templat/" + service.id();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String body = "<p>Untuk {{pemohon.nama}}.</p>";
    for (String title : List.of("T".repeat(100_000), "<b>JUDUL</b>")) {
      HttpResponse<String> preview =
          admin.post(url, "title", title, "body", body, "action", "pratinjau");
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.body()).contains("error-summary").doesNotContain("src=\"data:image/png");
    }
    assertThat(templates.servicesWithOwnTemplate(jetis)).doesNotContain(service.id());
  }

  HttpResponse<byte[]> postForBytes(WebClient client, String path, String body) {
    try {
      String form =
          "_csrf="
              + java.net.URLEncoder.encode(client.csrf(), java.nio.charset.StandardCharsets.UTF_8)
              + "&body="
              + java.net.URLEncoder.encode(body, java.nio.charset.StandardCharsets.UTF_8);
      var request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Cookie", "SESSION=" + client.sessionId())
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
              .build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
