package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public read-only JSON API over real HTTP. */
@IntegrationTest
class CatalogApiIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  private JsonNode getJson(String path) {
    HttpResponse<String> response = new WebClient(port).get(path, "Accept", "application/json");
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.get(field).asText()));
    return values;
  }

  @Test
  void listsTheThreeDemoOffices() {
    JsonNode offices = getJson("/api/v1/offices");
    assertThat(offices.isArray()).isTrue();
    // other test classes register offices of their own in the shared database
    assertThat(texts(offices, "slug"))
        .contains("jetis", "purwokerto-utara", "padangsidimpuan-batunadua")
        .doesNotHaveDuplicates();
    assertThat(texts(offices, "code")).contains("35.16.16", "33.02.27", "12.77.03");
  }

  @Test
  void anOfficeWithItsVillages() {
    JsonNode jetis = getJson("/api/v1/offices/jetis");
    assertThat(jetis.get("office").get("code").asText()).isEqualTo("35.16.16");
    assertThat(jetis.get("office").get("regency").get("code").asText()).isEqualTo("35.16");
    assertThat(jetis.get("villages").size()).isEqualTo(16);
    assertThat(texts(jetis.get("villages"), "name")).contains("Kupang");
  }

  @Test
  void servicesOfAnOfficeAndTheSearch() {
    JsonNode services = getJson("/api/v1/offices/jetis/services");
    assertThat(services.size()).isEqualTo(14);
    JsonNode waris = getJson("/api/v1/offices/jetis/services?q=waris");
    assertThat(waris.size()).isPositive().isLessThan(14);
    waris.forEach(
        s ->
            assertThat(
                    (s.get("name").asText()
                            + s.get("code").asText()
                            + s.get("description").asText())
                        .toLowerCase())
                .contains("waris"));
    assertThat(getJson("/api/v1/offices/jetis/services?q=%25").size()).isZero();
    assertThat(getJson("/api/v1/offices/jetis/services?q=" + "x".repeat(300)).size()).isZero();
  }

  @Test
  void oneServiceWithItsStandard() {
    JsonNode sktm = getJson("/api/v1/offices/jetis/services/SKTM");
    assertThat(sktm.get("code").asText()).isEqualTo("SKTM");
    assertThat(sktm.get("cost").asLong()).isZero();
    assertThat(sktm.get("completionDays").isInt()).isTrue();
    assertThat(sktm.get("completionDays").asInt()).isBetween(0, 365);
    assertThat(sktm.get("requirements").size()).isPositive();
    assertThat(sktm.get("requirements").get(0).get("position").asInt()).isEqualTo(1);
    assertThat(sktm.get("page").asText()).isEqualTo("/kecamatan/jetis/layanan/SKTM");
    assertThat(getJson("/api/v1/offices/jetis/services/sktm").get("code").asText())
        .isEqualTo("SKTM");
  }

  @Test
  void unknownOfficesAndServicesAreProblemJson404() {
    for (String path :
        List.of(
            "/api/v1/offices/tidak-ada",
            "/api/v1/offices/tidak-ada/services",
            "/api/v1/offices/jetis/services/TIDAK-ADA",
            "/api/v1/offices/tidak-ada/services/SKTM",
            "/api/v1/tidak-ada")) {
      for (String accept : List.of("application/json", "*/*")) {
        HttpResponse<String> response = new WebClient(port).get(path, "Accept", accept);
        assertThat(response.statusCode()).as(path + " " + accept).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
            .as(path + " " + accept)
            .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        // titled in Indonesian like the other APIs' problems (it was {"type":...,"status":404})
        assertThat(problem.path("title").asText())
            .as(path + " " + accept)
            .containsAnyOf("tidak ditemukan", "Tidak ditemukan");
        assertThat(problem.path("instance").asText()).isEqualTo(path);
      }
      HttpResponse<String> english =
          new WebClient(port).get(path, "Accept-Language", "en", "Accept", "application/json");
      assertThat(JSON.readTree(english.body()).path("title").asText())
          .as(path)
          .containsAnyOf("No such", "not found");
      // a client that only accepts HTML is told the API cannot answer it, never a server error
      assertThat(new WebClient(port).get(path, "Accept", "text/html").statusCode())
          .as(path)
          .isIn(404, 406);
    }
  }

  /**
   * What the framework answers for the API (a wrong method, content type or Accept, a forbidden
   * write) is a problem with a title in Indonesian or English, never a bare status.
   */
  @Test
  void theFrameworksRefusalsAreTitledProblems() {
    WebClient client = new WebClient(port);
    HttpResponse<String> method = client.get("/api/v1/complaints/351616-AAAAAAAA/reply");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).hasValueSatisfying(a -> a.contains("POST"));
    HttpResponse<String> type =
        client.send("POST", "/api/v1/offices/jetis/complaints", "application/json", "{}");
    assertThat(type.statusCode()).isEqualTo(415);
    // a method the address does not offer: 405 with what it does (it was 403, as if a key were
    // missing); a write to an address the API does not have: 404
    HttpResponse<String> forbidden =
        client.send("DELETE", "/api/v1/offices/jetis", "application/json", "{}");
    assertThat(forbidden.statusCode()).isEqualTo(405);
    assertThat(forbidden.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    HttpResponse<String> unknown =
        client.send("POST", "/api/v1/no-such-thing", "application/json", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(method, type, forbidden, unknown)) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
      assertThat(problem.path("title").asText()).as(response.body()).isNotBlank();
    }
    assertThat(JSON.readTree(method.body()).get("title").asText()).contains("Metode HTTP");
    assertThat(JSON.readTree(type.body()).get("title").asText()).contains("tidak didukung");
    HttpResponse<String> english =
        client.get("/api/v1/complaints/351616-AAAAAAAA/reply", "Accept-Language", "en");
    assertThat(JSON.readTree(english.body()).get("title").asText()).contains("HTTP method");
    // OPTIONS says what the address offers (it redirected to the staff sign-in page)
    HttpResponse<String> options = client.send("OPTIONS", "/api/v1/offices", "text/plain", "");
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.headers().firstValue("Allow")).hasValueSatisfying(a -> a.contains("GET"));
  }

  @Test
  void theApiIsReadOnly() {
    WebClient client = new WebClient(port);
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path :
          List.of(
              "/api/v1/offices", "/api/v1/offices/jetis", "/api/v1/offices/jetis/services/SKTM")) {
        HttpResponse<String> response =
            client.send(method, path, "application/json", "{\"name\":\"x\"}");
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
      }
    }
    // even signed in with a CSRF token
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.post("/api/v1/offices/jetis/services", "code", "X").statusCode())
        .isEqualTo(405);
    // a write the API offers still needs what it needs: a wrong method on it is 405, not a pass
    HttpResponse<String> put =
        client.send("PUT", "/api/v1/offices/jetis/complaints", "application/json", "{}");
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("OPTIONS, POST");
    assertThat(getJson("/api/v1/offices/jetis/services").size()).isEqualTo(14);
  }

  @Test
  void theOpenApiDocumentDescribesTheFourPaths() {
    JsonNode doc = getJson("/api/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    doc.get("paths").propertyNames().forEach(paths::add);
    assertThat(paths)
        .contains(
            "/api/v1/offices",
            "/api/v1/offices/{slug}",
            "/api/v1/offices/{slug}/services",
            "/api/v1/offices/{slug}/services/{code}");
    assertThat(paths).allSatisfy(p -> assertThat(p).startsWith("/api/"));
    assertThat(doc.get("paths").get("/api/v1/offices/{slug}/services/{code}").has("get")).isTrue();
  }
}
