package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The probes a load balancer asks: readiness and liveness answer UP once the node has started (the
 * readiness group includes the database), without details for anonymous callers, and no other
 * actuator endpoint is exposed.
 */
@IntegrationTest
class ReadinessIntegrationTests {

  @LocalServerPort int port;
  @Autowired HealthEndpointGroups groups;
  @Autowired ApplicationContext context;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStartedNodeIsReadyAndAliveAndSaysNothingMore() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).doesNotContain("components", "details", "postgres", "diskSpace");
    assertThat(groups.get("readiness").isMember("db")).as("readiness asks the database").isTrue();
    assertThat(groups.get("liveness").isMember("db"))
        .as("a slow database is no reason to restart")
        .isFalse();
    for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
      assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
    }
  }

  @Test
  void aNodeThatRefusesTrafficIsNotReadyButAlive() throws Exception {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> readiness = get("/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
      assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }
}
