package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completing an application through the JSON API, without a session or a CSRF token. */
@IntegrationTest
class CompletionApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Completions completions;
  @Autowired ApplicationRepository repository;
  @Autowired LookupLimiter limiter;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  UUID jetis;
  List<UUID> requirements;

  @BeforeEach
  void demo() {
    limiter.reset();
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    requirements =
        jdbc.sql(
                """
                select r.id from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(UUID.class)
            .list();
  }

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  Application needingCompletion() {
    Map<String, List<Upload>> files = new HashMap<>();
    requirements.forEach(
        r ->
            files.put(
                r.toString(),
                List.of(
                    new Upload(
                        "ktp.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(TestFiles.pdf(1))))));
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    Application submitted =
        applications
            .submit(
                jetis,
                "LEGALISIR",
                new SubmitCommand(
                    Channel.ONLINE,
                    "3516164101900001",
                    "Ani " + UUID.randomUUID().toString().substring(0, 8),
                    "Mojokerto",
                    "1990-01-01",
                    "FEMALE",
                    village,
                    "Dusun Jetis RT 01 RW 02",
                    "081234567890",
                    null,
                    null,
                    Map.of(
                        "jenis_dokumen", List.of("Surat keterangan"),
                        "jumlah_lembar", List.of("2"),
                        "keperluan", List.of("Melamar kerja")),
                    files,
                    null))
            .value();
    Application application = repository.find(jetis, submitted.id()).orElseThrow();
    application.startReview(Instant.now(), "Budi (verifikator)");
    repository.saveChanges(application);
    assertThat(
            completions
                .requestCompletion(
                    jetis,
                    application.id(),
                    Map.of(requirements.get(0), "Fotokopi buram"),
                    "Budi (verifikator)")
                .ok())
        .isTrue();
    return application;
  }

  HttpResponse<String> complete(String code, Map<String, String> fields, Map<String, byte[]> files)
      throws Exception {
    String boundary = "----c" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"; filename=\"kk.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(f.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + port + "/api/v1/applications/" + code + "/completion"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStatusNamesTheRejectedRequirementAndTheFilesReplaceIt() throws Exception {
    Application application = needingCompletion();
    String code = application.trackingCode().value();
    String rejected = "files[" + requirements.get(0) + "]";
    String other = "files[" + requirements.get(1) + "]";

    HttpResponse<String> status =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/applications/"
                            + code
                            + "?phone=7890"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(status.body())
        .contains("\"status\":\"NEEDS_COMPLETION\"", "\"clockPaused\":true")
        .contains("\"requirementId\":\"" + requirements.get(0) + "\"")
        .contains("\"reason\":\"Fotokopi buram\"");

    assertThat(
            complete(code, Map.of("phone", "0000"), Map.of(rejected, TestFiles.pdf(1)))
                .statusCode())
        .isEqualTo(404);

    Map<String, byte[]> both = new LinkedHashMap<>();
    both.put(rejected, TestFiles.pdf(1));
    both.put(other, TestFiles.pdf(1));
    HttpResponse<String> tooMuch = complete(code, Map.of("phone", "7890"), both);
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.body()).contains(other).contains("completion.error.notRejected");

    HttpResponse<String> exe =
        complete(code, Map.of("phone", "7890"), Map.of(rejected, TestFiles.windowsExecutable()));
    assertThat(exe.statusCode()).isEqualTo(422);
    assertThat(exe.body()).contains("documents.error.type");

    HttpResponse<String> done =
        complete(code, Map.of("phone", "7890"), Map.of(rejected, TestFiles.pdf(2)));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("\"status\":\"IN_REVIEW\"", "\"completion\":[]");

    assertThat(
            complete(code, Map.of("phone", "7890"), Map.of(rejected, TestFiles.pdf(1)))
                .statusCode())
        .isEqualTo(409);
  }
}
