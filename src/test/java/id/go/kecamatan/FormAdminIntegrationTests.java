package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceForm;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An office administrator edits a service's application form and previews it, through HTTP. */
@IntegrationTest
class FormAdminIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Catalog catalog;

  UUID jetis;
  UUID service;
  String base;
  WebClient admin;

  /** A service of its own for each test, so that the demo forms others rely on stay as they are. */
  @BeforeEach
  void aServiceOfOurOwn() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    ServiceForm blank = ServiceForm.blank();
    ServiceForm form =
        new ServiceForm(
            "FT-" + UUID.randomUUID().toString().substring(0, 8),
            "Layanan uji formulir",
            blank.category(),
            "Layanan untuk menguji formulir",
            "Langkah satu",
            "1",
            "0",
            "Surat uji",
            "Loket pengaduan",
            "Peraturan uji",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            true,
            true,
            true,
            "",
            null);
    service = catalog.create(jetis, form).value().id();
    // inactive: the public catalogue (and the tests counting its 14 services) never sees it
    catalog.setActive(jetis, service, false);
    base = "/admin/layanan/" + service + "/formulir";
    admin = WebClient.signedIn(port, "admin.jetis");
  }

  HttpResponse<String> addQuestion(String... fields) {
    admin.get(base + "/baru");
    return admin.post(base, fields);
  }

  static String[] question(String key, String type, String label, String... more) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "key",
                key,
                "type",
                type,
                "labelId",
                label,
                "labelEn",
                label + " (en)",
                "required",
                "true",
                "_required",
                "on"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  List<String> keys() {
    return jdbc.sql("select field_key from form_field where service_type_id = ? order by position")
        .param(service)
        .query(String.class)
        .list();
  }

  long audits(String action) {
    return jdbc.sql(
            "select count(*) from audit_event where office_id = ? and action = ? and entity_id = ?")
        .params(jetis, action, service.toString())
        .query(Long.class)
        .single();
  }

  @Test
  void theServicePageLinksToTheFormEditor() {
    assertThat(admin.get("/admin/layanan/" + service).body()).contains("href=\"" + base + "\"");
  }

  @Test
  void anAdminBuildsAFormWithAConditionalQuestion() {
    HttpResponse<String> added =
        addQuestion(
            question(
                "keperluan",
                "CHOICE",
                "Keperluan surat",
                "options",
                "pribadi|Keperluan pribadi|Personal\nusaha|Keperluan usaha|Business"));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(added)).endsWith(base);
    assertThat(
            addQuestion(
                    question(
                        "nama_usaha",
                        "TEXT",
                        "Nama usaha",
                        "conditionKey",
                        "keperluan",
                        "conditionValue",
                        "usaha",
                        "maxLength",
                        "150"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            addQuestion(
                    question(
                        "jumlah_karyawan",
                        "NUMBER",
                        "Jumlah karyawan",
                        "minNumber",
                        "0",
                        "maxNumber",
                        "500"))
                .statusCode())
        .isEqualTo(302);
    assertThat(keys()).containsExactly("keperluan", "nama_usaha", "jumlah_karyawan");
    assertThat(audits("form.field.added")).isEqualTo(3);

    String list = admin.get(base).body();
    assertThat(list)
        .contains("Keperluan surat", "Nama usaha", "Jumlah karyawan", "Pilihan tunggal");

    UUID nameId =
        jdbc.sql("select id from form_field where service_type_id = ? and field_key = 'nama_usaha'")
            .param(service)
            .query(UUID.class)
            .single();
    UUID purposeId =
        jdbc.sql("select id from form_field where service_type_id = ? and field_key = 'keperluan'")
            .param(service)
            .query(UUID.class)
            .single();

    // the question a condition depends on stays above it and cannot be deleted
    HttpResponse<String> up = admin.post(base + "/" + nameId + "/naik");
    assertThat(up.statusCode()).isEqualTo(302);
    assertThat(admin.get(base).body()).contains("Urutan tidak diubah");
    assertThat(admin.post(base + "/" + purposeId + "/hapus").statusCode()).isEqualTo(302);
    assertThat(admin.get(base).body()).contains("Pertanyaan tidak dihapus");
    assertThat(keys()).containsExactly("keperluan", "nama_usaha", "jumlah_karyawan");

    // moving and deleting what is free to move
    UUID countId =
        jdbc.sql(
                "select id from form_field where service_type_id = ? and field_key = 'jumlah_karyawan'")
            .param(service)
            .query(UUID.class)
            .single();
    admin.post(base + "/" + countId + "/naik");
    assertThat(keys()).containsExactly("keperluan", "jumlah_karyawan", "nama_usaha");
    assertThat(audits("form.field.moved")).isEqualTo(1);

    // editing, with the optimistic check
    String edit = admin.get(base + "/" + nameId).body();
    assertThat(edit).contains("value=\"nama_usaha\"", "<option value=\"keperluan\" selected>");
    HttpResponse<String> changed =
        admin.post(
            base + "/" + nameId,
            question(
                "nama_usaha",
                "TEXT",
                "Nama usaha atau toko",
                "conditionKey",
                "keperluan",
                "conditionValue",
                "usaha",
                "version",
                "0"));
    assertThat(changed.statusCode()).isEqualTo(302);
    HttpResponse<String> stale =
        admin.post(
            base + "/" + nameId,
            question(
                "nama_usaha",
                "TEXT",
                "Nama lama",
                "conditionKey",
                "keperluan",
                "conditionValue",
                "usaha",
                "version",
                "0"));
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("baru saja diubah oleh petugas lain");
    assertThat(
            jdbc.sql("select label_id from form_field where id = ?")
                .param(nameId)
                .query(String.class)
                .single())
        .isEqualTo("Nama usaha atau toko");
    assertThat(audits("form.field.updated")).isEqualTo(1);

    assertThat(admin.post(base + "/" + nameId + "/hapus").statusCode()).isEqualTo(302);
    assertThat(keys()).containsExactly("keperluan", "jumlah_karyawan");
    assertThat(audits("form.field.removed")).isEqualTo(1);
  }

  @Test
  void badQuestionsAreRefusedWithClearMessagesAndChangeNothing() {
    addQuestion(question("keperluan", "CHOICE", "Keperluan", "options", "a|A|A\nb|B|B"));
    long auditBefore =
        jdbc.sql("select count(*) from audit_event where office_id = ?")
            .param(jetis)
            .query(Long.class)
            .single();
    record Case(String[] fields, String message) {}
    List<Case> cases =
        List.of(
            new Case(question("nama", "TEXT", ""), "Wajib diisi."),
            new Case(question("keperluan", "TEXT", "Lagi"), "Kunci ini sudah dipakai"),
            new Case(question("Nama Usaha", "TEXT", "Nama"), "Kunci hanya huruf kecil"),
            new Case(
                question(
                    "kode_pos",
                    "TEXT",
                    "Kode pos",
                    "pattern",
                    "[0-9",
                    "patternMessageId",
                    "x",
                    "patternMessageEn",
                    "x"),
                "Pola tidak valid"),
            new Case(question("jenis", "CHOICE", "Jenis"), "Wajib diisi."),
            new Case(
                question("jenis", "CHOICE", "Jenis", "options", "satu"),
                "Isi paling sedikit 2 pilihan"),
            new Case(
                question("jenis", "TEXT", "Jenis", "conditionKey", "jenis", "conditionValue", "a"),
                "dirinya sendiri"),
            new Case(
                question(
                    "jenis", "TEXT", "Jenis", "conditionKey", "belum_ada", "conditionValue", "a"),
                "sebelum pertanyaan ini"),
            new Case(
                question(
                    "jenis", "TEXT", "Jenis", "conditionKey", "keperluan", "conditionValue", "c"),
                "bukan salah satu nilai pilihan"),
            new Case(
                question("jenis", "TEXT", "<script>alert(1)</script>"), "tag HTML atau skrip"));
    for (Case c : cases) {
      HttpResponse<String> response = addQuestion(c.fields());
      assertThat(response.statusCode()).as(String.join(",", c.fields())).isEqualTo(200);
      assertThat(response.body())
          .as(String.join(",", c.fields()))
          .contains("Ada masalah", c.message())
          .doesNotContain("<script>alert(1)</script>");
    }
    assertThat(keys()).containsExactly("keperluan");
    assertThat(
            jdbc.sql("select count(*) from audit_event where office_id = ?")
                .param(jetis)
                .query(Long.class)
                .single())
        .isEqualTo(auditBefore);

    // a condition on a later question, when editing the earlier one
    addQuestion(question("nama", "TEXT", "Nama"));
    UUID purposeId =
        jdbc.sql("select id from form_field where service_type_id = ? and field_key = 'keperluan'")
            .param(service)
            .query(UUID.class)
            .single();
    admin.get(base + "/" + purposeId);
    HttpResponse<String> later =
        admin.post(
            base + "/" + purposeId,
            question(
                "keperluan",
                "CHOICE",
                "Keperluan",
                "options",
                "a|A|A\nb|B|B",
                "conditionKey",
                "nama",
                "conditionValue",
                "Budi",
                "version",
                "0"));
    assertThat(later.body()).contains("sebelum pertanyaan ini");
    assertThat(
            jdbc.sql("select condition_key from form_field where id = ?")
                .param(purposeId)
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void thePreviewRendersTheResidentsFormAndChecksAnswersWithoutStoringThem() {
    UUID domisili =
        jdbc.sql("select id from service_type where office_id = ? and code = 'DOMISILI'")
            .param(jetis)
            .query(UUID.class)
            .single();
    String preview = "/admin/layanan/" + domisili + "/formulir/pratinjau";
    String version =
        jdbc.sql("select row(s.*)::text from service_type s where id = ?")
            .param(domisili)
            .query(String.class)
            .single();
    String page = admin.get(preview).body();
    assertThat(page)
        .contains(
            "type=\"radio\" id=\"keperluan\" name=\"keperluan\" value=\"pribadi\"",
            "Isi hanya bila jawaban untuk \u201cSurat domisili untuk\u201d adalah \u201cKeperluan usaha\u201d",
            // an admin's help without a full stop and the condition read as two sentences
            "Contoh: warung makan, bengkel, toko kelontong. Isi hanya bila",
            "autocomplete=\"street-address\"",
            "inputmode=\"numeric\"");

    HttpResponse<String> business =
        admin.post(preview, "keperluan", "usaha", "nama_usaha", "", "lama_tinggal", "dua");
    assertThat(business.statusCode()).isEqualTo(200);
    assertThat(business.body())
        .contains(
            "Ada masalah",
            "href=\"#nama_usaha\"",
            "href=\"#alamat_usaha\"",
            "href=\"#lama_tinggal\"",
            "Harus berupa angka bulat",
            "value=\"usaha\" checked");

    HttpResponse<String> personal =
        admin.post(preview, "keperluan", "pribadi", "nama_usaha", "<script>x</script>");
    assertThat(personal.body())
        .doesNotContain("Ada masalah")
        .contains("Semua jawaban memenuhi syarat");

    HttpResponse<String> english = admin.get(preview + "?lang=en");
    assertThat(english.body())
        .contains("The domicile letter is for", "Answer only if the answer to");
    assertThat(
            jdbc.sql("select row(s.*)::text from service_type s where id = ?")
                .param(domisili)
                .query(String.class)
                .single())
        .isEqualTo(version);
  }

  @Test
  void thePreviewShowsDatesNumbersAndIdentityNumbersTheGovUkWay() {
    UUID waris =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKW'")
            .param(jetis)
            .query(UUID.class)
            .single();
    String page = admin.get("/admin/layanan/" + waris + "/formulir/pratinjau").body();
    // a date as day, month and year fields, not a date picker
    assertThat(page)
        .contains("name=\"tanggal_meninggal-day\"", "name=\"tanggal_meninggal-month\"")
        .contains("name=\"tanggal_meninggal-year\"", "Contoh: 17 8 2026")
        .doesNotContain("type=\"date\"");
    HttpResponse<String> future =
        admin.post(
            "/admin/layanan/" + waris + "/formulir/pratinjau",
            "tanggal_meninggal-day",
            "1",
            "tanggal_meninggal-month",
            "1",
            "tanggal_meninggal-year",
            "2999",
            "jumlah_ahli_waris",
            "0");
    assertThat(future.body()).contains("Tanggal tidak boleh sesudah hari ini", "Paling sedikit 1");

    UUID nikah =
        jdbc.sql("select id from service_type where office_id = ? and code = 'DISPENSASI-NIKAH'")
            .param(jetis)
            .query(UUID.class)
            .single();
    HttpResponse<String> nik =
        admin.post("/admin/layanan/" + nikah + "/formulir/pratinjau", "nik_calon", "1234");
    assertThat(nik.body()).contains("NIK harus 16 angka");
  }

  @Test
  void anAdminOfJetisGets404ForTheFormOfAPurwokertoUtaraService() {
    UUID purwokerto =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    UUID sktm =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(purwokerto)
            .query(UUID.class)
            .single();
    UUID field =
        jdbc.sql("select id from form_field where service_type_id = ? order by position limit 1")
            .param(sktm)
            .query(UUID.class)
            .single();
    String other = "/admin/layanan/" + sktm + "/formulir";
    String before =
        String.join(
            ";",
            jdbc.sql(
                    "select row(f.*)::text from form_field f where service_type_id = ? order by id")
                .param(sktm)
                .query(String.class)
                .list());
    for (String path : List.of(other, other + "/baru", other + "/pratinjau", other + "/" + field)) {
      HttpResponse<String> response = admin.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Purwokerto", "Keperluan surat");
    }
    // a Jetis service id with a Purwokerto field id is not found either
    assertThat(admin.get(base + "/" + field).statusCode()).isEqualTo(404);
    admin.get(base);
    for (String path :
        List.of(
            other,
            other + "/" + field,
            other + "/" + field + "/naik",
            other + "/" + field + "/hapus",
            other + "/pratinjau",
            base + "/" + field + "/hapus")) {
      assertThat(admin.post(path, question("baru", "TEXT", "Baru")).statusCode())
          .as(path)
          .isEqualTo(404);
    }
    assertThat(
            String.join(
                ";",
                jdbc.sql(
                        "select row(f.*)::text from form_field f where service_type_id = ? order by id")
                    .param(sktm)
                    .query(String.class)
                    .list()))
        .isEqualTo(before);
  }

  @Test
  void aFrontOfficeOfficerCannotEditForms() {
    WebClient loket = WebClient.signedIn(port, "loket.jetis");
    assertThat(loket.get(base).statusCode()).isEqualTo(403);
  }

  @Test
  void everyDemoServiceHasAForm() {
    // only the demo catalogue: other tests sharing the database add services of their own
    List<String> without =
        jdbc.sql(
                """
        select o.code || ' ' || s.code from service_type s join office o on o.id = s.office_id
        where o.code in ('35.16.16', '33.02.27', '12.77.03')
          and s.code in ('SKW', 'PINDAH-KELUAR', 'PINDAH-DATANG', 'DISPENSASI-NIKAH', 'SKCK', 'SKTM',
            'JAMPERSAL', 'DOMISILI', 'IZIN-KERAMAIAN', 'REKOM-BBM', 'LEGALISIR', 'IZIN-JALAN', 'SKTS', 'EKTP')
          and not exists (select 1 from form_field f where f.service_type_id = s.id)
        """)
            .query(String.class)
            .list();
    assertThat(without).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(distinct s.id) from service_type s join form_field f on f.service_type_id = s.id"
                        + " and f.office_id = s.office_id")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(42);
  }

  @Test
  void theApiListsTheQuestionsOfEachService() throws Exception {
    HttpResponse<String> response =
        new WebClient(port).get("/api/v1/offices/jetis/services/DOMISILI");
    JsonNode fields = JsonMapper.builder().build().readTree(response.body()).get("fields");
    assertThat(fields.size()).isGreaterThanOrEqualTo(4);
    JsonNode purpose = fields.get(0);
    assertThat(purpose.get("key").asText()).isEqualTo("keperluan");
    assertThat(purpose.get("type").asText()).isEqualTo("CHOICE");
    assertThat(purpose.get("label").get("en").asText()).isEqualTo("The domicile letter is for");
    assertThat(purpose.get("options").get(1).get("value").asText()).isEqualTo("usaha");
    assertThat(fields.get(1).get("condition").get("key").asText()).isEqualTo("keperluan");
    assertThat(fields.get(1).get("condition").get("value").asText()).isEqualTo("usaha");
    JsonNode all =
        JsonMapper.builder()
            .build()
            .readTree(new WebClient(port).get("/api/v1/offices/jetis/services").body());
    all.forEach(s -> assertThat(s.get("fields").size()).as(s.get("code").asText()).isPositive());
  }
}
