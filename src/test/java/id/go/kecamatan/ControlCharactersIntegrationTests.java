package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.WebClient.FilePart;
import id.go.kecamatan.documents.TestFiles;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Control characters (NUL and the other C0 controls) in what a client sends are refused with a 400
 * that says why, before anything reads or saves them: file names on the API and on the pages, the
 * worklist search, the staff sign-in. Each used to answer 500 or log an internal error.
 */
@IntegrationTest
class ControlCharactersIntegrationTests {

  static final String PAGE_TITLE = "Isian mengandung karakter yang tidak diizinkan";
  static final Pattern DRAFT = Pattern.compile("/permohonan/([0-9a-f\\-]{36})/identitas");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  UUID jetis;
  String slug;

  @BeforeEach
  void demo() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    slug =
        jdbc.sql("select slug from office where id = ?").param(jetis).query(String.class).single();
  }

  int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  @Test
  void aNulInAFileNameOnTheApiIsRefusedAndNothingIsSaved() {
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    List<String> requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' and r.required order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nik", "3516164101900001");
    fields.put("name", "Siti Aminah");
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1990-01-01");
    fields.put("sex", "FEMALE");
    fields.put("villageId", village);
    fields.put("address", "Dusun Jetis RT 01 RW 02");
    fields.put("phone", "081234567890");
    fields.put("answers[jenis_dokumen]", "Surat keterangan");
    fields.put("answers[jumlah_lembar]", "2");
    fields.put("answers[keperluan]", "Melamar kerja");
    int applications = count("application");
    int documents = count("document");

    HttpResponse<String> response =
        new WebClient(port)
            .upload(
                "/api/v1/offices/" + slug + "/services/LEGALISIR/applications",
                "files[" + requirements.get(0) + "]",
                fields,
                new FilePart("ktp\u0000.pdf", "application/pdf", TestFiles.pdf(1)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("karakter kendali", "\"status\":400");
    assertThat(count("application")).isEqualTo(applications);
    assertThat(count("document")).isEqualTo(documents);
  }

  @Test
  void aNulInAFileNameOnTheApplicationPagesIsRefusedAndNothingIsSaved() {
    WebClient resident = new WebClient(port);
    resident.get("/kecamatan/" + slug + "/layanan/DOMISILI/ajukan");
    HttpResponse<String> started = resident.post("/kecamatan/" + slug + "/layanan/DOMISILI/ajukan");
    Matcher m = DRAFT.matcher(WebClient.location(started));
    assertThat(m.find()).as(WebClient.location(started)).isTrue();
    String draft = m.group(1);
    String requirement =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'DOMISILI' order by r.position limit 1
                """)
            .param(jetis)
            .query(String.class)
            .single();
    resident.get("/permohonan/" + draft + "/berkas");
    int documents = count("document");

    HttpResponse<String> response =
        resident.upload(
            "/permohonan/" + draft + "/berkas/" + requirement,
            "files",
            Map.of(),
            new FilePart("kk\u0000.pdf", "application/pdf", TestFiles.pdf(1)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(PAGE_TITLE, "karakter kendali");
    assertThat(count("document")).isEqualTo(documents);
    assertThat(
            jdbc.sql("select count(*) from application_draft_file where draft_id = ?::uuid")
                .param(draft)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aNulInTheWorklistSearchIsRefusedWithAPage() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");

    HttpResponse<String> response = verifier.get("/admin/permohonan?q=" + encode("Siti\u0000"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(PAGE_TITLE);
    // tab and line breaks are text: they still search
    assertThat(verifier.get("/admin/permohonan?q=" + encode("Siti\t\r\n")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aNulInTheStaffUserNameNeverReachesTheSignIn() {
    WebClient client = new WebClient(port);
    client.get("/masuk");
    int failures =
        jdbc.sql("select coalesce(sum(failed_attempts), 0) from staff")
            .query(Integer.class)
            .single();

    HttpResponse<String> response =
        client.post("/masuk", "username", "admin.jetis\u0000", "password", WebClient.PASSWORD);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(PAGE_TITLE);
    assertThat(client.get("/admin").statusCode()).isEqualTo(302); // not signed in
    assertThat(
            jdbc.sql("select coalesce(sum(failed_attempts), 0) from staff")
                .query(Integer.class)
                .single())
        .isEqualTo(failures);
  }

  @Test
  void otherControlCharactersInParameterNamesAndValuesAreRefusedToo() {
    WebClient client = new WebClient(port);
    client.get("/masuk");
    assertThat(client.post("/masuk", "username", "a\u001bb", "password", "x").statusCode())
        .isEqualTo(400);
    assertThat(client.get("/?x\u0001y=1".replace("\u0001", "%01")).statusCode()).isEqualTo(400);
    assertThat(client.get("/?lang=" + encode("id\u0085")).statusCode()).isEqualTo(400);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
