package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A third party's client (a village's own system, a chatbot) that knows a resident's details, the
 * kecamatan's code and the service wanted, and nothing of this system but its OpenAPI document: it
 * finds the operations in the document by the schemas they answer or take, discovers the office,
 * its villages, the service's questions and requirement ids from the API's answers, submits with
 * the files and follows the status through the Location it is given.
 */
@IntegrationTest
class ThirdPartyClientIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc; // only to check what was stored, never to find ids

  final HttpClient http = HttpClient.newHttpClient();

  /** What the client knows of the resident (keyed by the submission schema's property names). */
  final Map<String, String> resident =
      new LinkedHashMap<>(
          Map.of(
              "nik", "3516164101900001",
              "name", "Rahayu " + UUID.randomUUID().toString().substring(0, 6),
              "birthPlace", "Mojokerto",
              "birthDate", "1990-01-01",
              "sex", "FEMALE",
              "address", "Dusun Kupang RT 02 RW 01",
              "phone", "081234561234"));

  @Test
  void aClientWithOnlyTheOpenApiDocumentSubmitsWithFilesAndFollowsTheStatus() throws Exception {
    JsonNode api = json(get("/api/openapi.json"));
    String officesPath = operation(api, "get", answers(api, "OfficeSummary", true));
    String officePath = operation(api, "get", answers(api, "Office", false));
    String servicePath = operation(api, "get", answers(api, "Service", false));
    String statusPath = operation(api, "get", answers(api, "ApplicationStatus", false));
    String submitPath = operation(api, "post", takes("ApplicationSubmission"));
    JsonNode submission = api.at("/components/schemas/ApplicationSubmission");

    // the resident's kecamatan, by its published code
    JsonNode office = null;
    for (JsonNode o : json(get(officesPath))) {
      if (o.get("code").asString().equals("35.16.16")) {
        office = o;
      }
    }
    assertThat(office).as("the office is listed").isNotNull();
    String slug = office.get("slug").asString();
    JsonNode detail = json(get(officePath.replace("{slug}", slug)));
    JsonNode village = detail.get("villages").get(0);
    assertThat(village.get("id").asString()).isNotBlank();
    JsonNode service =
        json(get(servicePath.replace("{slug}", slug).replace("{code}", "LEGALISIR")));
    assertThat(service.get("channels").get("online").asBoolean()).isTrue();

    List<Part> parts = new ArrayList<>();
    // the village by its published code, as a village's own system knows it
    resident.put("villageId", village.get("code").asString());
    for (JsonNode required : submission.get("required")) {
      String field = required.asString();
      assertThat(resident).as("the client knows %s", field).containsKey(field);
      parts.add(Part.field(field, resident.get(field)));
    }
    Map<String, String> answers = answers(service.get("fields"), village);
    answers.forEach((key, value) -> parts.add(Part.field("answers[" + key + "]", value)));
    int files = 0;
    for (JsonNode requirement : service.get("requirements")) {
      if (requirement.get("required").asBoolean()) {
        parts.add(
            new Part(
                "files[" + requirement.get("id").asString() + "]",
                "berkas.pdf",
                "application/pdf",
                TestFiles.pdf(1)));
        files++;
      }
    }
    assertThat(files).isPositive();

    HttpResponse<String> created =
        post(submitPath.replace("{slug}", slug).replace("{code}", "LEGALISIR"), parts);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String trackingCode = json(created).get("trackingCode").asString();
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo(statusPath.replace("{trackingCode}", trackingCode));

    String phoneParameter = null;
    for (JsonNode parameter : api.at("/paths").get(statusPath).get("get").get("parameters")) {
      if (parameter.get("in").asString().equals("query")) {
        phoneParameter = parameter.get("name").asString();
      }
    }
    String phone = resident.get("phone");
    HttpResponse<String> status =
        get(location + "?" + phoneParameter + "=" + phone.substring(phone.length() - 4));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    JsonNode followed = json(status);
    assertThat(followed.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(followed.get("serviceCode").asString()).isEqualTo("LEGALISIR");

    assertThat(
            jdbc.sql("select village_id::text from application where tracking_code = ?")
                .param(trackingCode)
                .query(String.class)
                .single())
        .isEqualTo(village.get("id").asString());
  }

  /** Answers to a service's questions from their types, limits, options and conditions. */
  private Map<String, String> answers(JsonNode fields, JsonNode village) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (JsonNode f : fields) {
      JsonNode condition = f.get("condition");
      if (condition != null
          && !condition.isNull()
          && !condition
              .get("value")
              .asString()
              .equals(answers.get(condition.get("key").asString()))) {
        continue;
      }
      JsonNode limits = f.get("limits");
      JsonNode options = f.get("options");
      String answer =
          switch (f.get("type").asString()) {
            case "CHOICE", "MULTIPLE_CHOICE" -> options.get(0).get("value").asString();
            case "YES_NO" -> "tidak";
            case "NUMBER" ->
                String.valueOf(
                    limits.has("minNumber") ? Math.max(1, limits.get("minNumber").asLong()) : 1);
            case "DATE" ->
                LocalDate.now()
                    .plusDays(limits.has("minDays") ? limits.get("minDays").asInt() : 0)
                    .toString();
            case "NIK", "KK" -> resident.get("nik");
            case "PHONE" -> resident.get("phone");
            case "EMAIL" -> "rahayu@example.id";
            case "VILLAGE" -> village.get("id").asString();
            default -> "Untuk melamar pekerjaan di pabrik";
          };
      answers.put(f.get("key").asString(), answer);
    }
    return answers;
  }

  // ---- the OpenAPI document ----

  /** The path of the one operation of this method that the predicate picks. */
  private static String operation(JsonNode api, String method, Predicate<JsonNode> picks) {
    List<String> found = new ArrayList<>();
    for (var path : api.get("paths").properties()) {
      JsonNode operation = path.getValue().get(method);
      if (operation != null && picks.test(operation)) {
        found.add(path.getKey());
      }
    }
    assertThat(found).as("one %s operation", method).hasSize(1);
    return found.get(0);
  }

  private static Predicate<JsonNode> answers(JsonNode api, String schema, boolean list) {
    String ref = "#/components/schemas/" + schema;
    return operation -> {
      JsonNode content = operation.at("/responses/200/content/application~1json/schema");
      return list
          ? ref.equals(content.at("/items/$ref").asString(""))
          : ref.equals(content.at("/$ref").asString(""));
    };
  }

  private static Predicate<JsonNode> takes(String schema) {
    return operation ->
        ("#/components/schemas/" + schema)
            .equals(
                operation.at("/requestBody/content/multipart~1form-data/schema/$ref").asString(""));
  }

  // ---- HTTP ----

  record Part(String name, String fileName, String type, byte[] bytes) {
    static Part field(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isLessThan(300);
    return response;
  }

  private HttpResponse<String> post(String path, List<Part> parts) throws Exception {
    String boundary = "----b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
      if (p.fileName() != null) {
        head.append("; filename=\"").append(p.fileName()).append('"');
      }
      head.append("\r\n");
      if (p.type() != null) {
        head.append("Content-Type: ").append(p.type()).append("\r\n");
      }
      head.append("\r\n");
      body.write(head.toString().getBytes(StandardCharsets.UTF_8));
      body.write(p.bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Idempotency-Key",
                URLEncoder.encode(UUID.randomUUID().toString(), StandardCharsets.UTF_8))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
