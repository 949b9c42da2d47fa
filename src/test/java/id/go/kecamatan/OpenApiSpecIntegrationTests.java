package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published API description ({@code docs/api/openapi.json}) is the one the application serves:
 * a change of the API without its document fails the build. After an intended change, write the
 * document anew with {@code ./mvnw verify -Dit.test=OpenApiSpecIntegrationTests
 * -Dapi-spec.update=true}.
 */
@IntegrationTest
class OpenApiSpecIntegrationTests {

  private static final Path PUBLISHED = Path.of("docs/api/openapi.json");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .build();

  @LocalServerPort int port;

  @Test
  void thePublishedApiDocumentIsTheServedOne() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode served = JSON.readTree(response.body());
    ((ObjectNode) served).remove("servers"); // the random test port
    String canonical = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";

    if (Boolean.getBoolean("api-spec.update")) {
      Files.createDirectories(PUBLISHED.getParent());
      Files.writeString(PUBLISHED, canonical);
    }
    assertThat(Files.readString(PUBLISHED))
        .as(
            "docs/api/openapi.json differs from the served API; update it (see the javadoc) in the same commit")
        .isEqualTo(canonical);
  }
}
