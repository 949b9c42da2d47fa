package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client's mistake (a malformed multipart body, a form post over the limit, a broken PDF) is
 * answered 400, 413 or 422 with a message, and logged at most as one WARN line without a stack
 * trace: the log is for the operator, and a flood of client errors must not bury real ones.
 */
@IntegrationTest
class ClientErrorLoggingIntegrationTests {

  /** A name typed into the requests: it must not reach the log. */
  static final String PERSONAL = "Sulastri Wulandari";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void capture() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void release() {
    root.detachAppender(log);
    log.stop();
  }

  /** No ERROR, no stack trace, at most one WARN line per request, no personal data in any line. */
  /** No error, no stack trace, no personal data, and at most this many warnings. */
  void assertQuietlyLogged(int warnings) {
    List<ILoggingEvent> events = List.copyOf(log.list);
    assertThat(events)
        .as("events logged")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .noneMatch(e -> e.getThrowableProxy() != null)
        .noneMatch(e -> e.getFormattedMessage().contains(PERSONAL));
    assertThat(events.stream().filter(e -> e.getLevel() == Level.WARN))
        .hasSizeLessThanOrEqualTo(warnings);
  }

  String api() {
    return "http://localhost:" + port + "/api/v1/offices/jetis/services/LEGALISIR/applications";
  }

  HttpResponse<String> send(String url, String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart body whose last part never ends: the closing boundary is missing. */
  static byte[] truncatedMultipart(String boundary) {
    return ("--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
            + PERSONAL
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"files[x]\"; filename=\"ktp.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 tidak selesai")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMalformedMultipartBodyIsA400ToTheApiAndLoggedQuietly() throws Exception {
    String boundary = "b" + UUID.randomUUID();
    HttpResponse<String> response =
        send(api(), "multipart/form-data; boundary=" + boundary, truncatedMultipart(boundary));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("Unggahan tidak terbaca");
    assertQuietlyLogged(1);
  }

  @Test
  void aMalformedMultipartBodyToAWebFormIsA400PageAndLoggedQuietly() throws Exception {
    String boundary = "b" + UUID.randomUUID();
    HttpResponse<String> response =
        send(
            "http://localhost:" + port + "/kecamatan/jetis/layanan/DOMISILI/ajukan",
            "multipart/form-data; boundary=" + boundary,
            truncatedMultipart(boundary));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<html");
    assertQuietlyLogged(1);
  }

  @Test
  void aFormPostOverTheLimitIsA413AndLoggedQuietly() throws Exception {
    byte[] body =
        ("name=" + PERSONAL.replace(' ', '+') + "&address=" + "x".repeat(3 * 1024 * 1024))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> web =
        send("http://localhost:" + port + "/masuk", "application/x-www-form-urlencoded", body);
    assertThat(web.statusCode()).isEqualTo(413);
    // no file was sent: the page speaks of the form and its limit, not of a file
    assertThat(web.body())
        .contains("Isian formulir terlalu besar", "paling besar 2 MB", "Tidak ada yang disimpan")
        .doesNotContain("Berkas");

    HttpResponse<String> api = send(api(), "application/x-www-form-urlencoded", body);
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(api.body())
        .contains("Isian formulir terlalu besar: paling besar 2 MB")
        .doesNotContain("per file");
    assertQuietlyLogged(2);
  }

  @Test
  void aBrokenOrDeeplyNestedPdfIsA422AndLoggedQuietly() throws Exception {
    List<String> requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                join office o on o.id = s.office_id
                where o.code = '35.16.16' and s.code = 'LEGALISIR' order by r.position
                """)
            .query(String.class)
            .list();
    String village =
        jdbc.sql(
                """
                select v.id::text from village v join office o on o.id = v.office_id
                where o.code = '35.16.16' order by v.name limit 1
                """)
            .query(String.class)
            .single();
    for (byte[] pdf : List.of(brokenPdf(), deeplyNestedPdf())) {
      boolean broken = pdf.length == 4096;
      String boundary = "b" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      String[][] fields = {
        {"nik", "3516164101900001"},
        {"name", PERSONAL},
        {"birthPlace", "Mojokerto"},
        {"birthDate", "1990-01-01"},
        {"sex", "FEMALE"},
        {"address", "Dusun Jetis"},
        {"phone", "081234567890"},
        {"villageId", village},
        {"answers[jenis_dokumen]", "Surat keterangan"},
        {"answers[jumlah_lembar]", "2"},
        {"answers[keperluan]", "Melamar kerja"}
      };
      for (String[] f : fields) {
        body.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f[0]
                    + "\"\r\n\r\n"
                    + f[1]
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (String requirement : requirements) {
        body.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files["
                    + requirement
                    + "]\"; filename=\"ktp.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

      HttpResponse<String> response =
          send(api(), "multipart/form-data; boundary=" + boundary, body.toByteArray());

      if (broken) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("documents.error.unreadable", "tidak dapat dibaca");
      } else {
        // PDFBox may read past the nesting (then the file is kept) or give up: never a 5xx
        assertThat(response.statusCode()).as(response.body()).isIn(201, 422);
      }
    }
    // one line for each refused file: both files in every requirement at most
    assertQuietlyLogged(2 * requirements.size());
  }

  /** A PDF header followed by the remains of a file cut off and overwritten: no object to read. */
  static byte[] brokenPdf() {
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    byte[] header =
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }

  /** A PDF whose page tree holds an array nested 50,000 deep, to exhaust a recursive parser. */
  static byte[] deeplyNestedPdf() {
    byte[] valid = TestFiles.pdf(1);
    String text = new String(valid, StandardCharsets.ISO_8859_1);
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    return text.replaceFirst("/Type /Page\\b", "/Type /Page /Deep " + deep)
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
