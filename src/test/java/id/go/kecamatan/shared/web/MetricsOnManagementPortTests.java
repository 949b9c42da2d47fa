package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatServletManagementContextAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * README "Operations": health and metrics on a port of their own ({@code MANAGEMENT_SERVER_PORT})
 * keep the metrics behind {@code LAYANAN_METRICS_TOKEN}. The management port runs a servlet
 * container of its own, which took none of the application's filters: Prometheus's endpoint there
 * answered anyone. A small application of the web server and the actuator alone (no database), on
 * two free ports.
 */
class MetricsOnManagementPortTests {

  private static final String TOKEN = "metrics-token-0123456789";

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    EndpointAutoConfiguration.class,
    WebEndpointAutoConfiguration.class,
    HealthContributorAutoConfiguration.class,
    HealthContributorRegistryAutoConfiguration.class,
    HealthEndpointAutoConfiguration.class,
    MetricsAutoConfiguration.class,
    PrometheusMetricsExportAutoConfiguration.class,
    ManagementContextAutoConfiguration.class,
    ServletManagementContextAutoConfiguration.class,
    TomcatServletManagementContextAutoConfiguration.class
  })
  @Import(MetricsAccessFilter.class)
  static class Node {}

  @Test
  void theMetricsOnAManagementPortOfTheirOwnAskForTheToken() throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Node.class)
            .web(WebApplicationType.SERVLET)
            // as arguments: they come before application.yml, which is on the class path
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--layanan.metrics.token=" + TOKEN)) {
      int management = managementPort(context);
      assertThat(get(management, "/actuator/health", null).statusCode()).isEqualTo(200);
      assertThat(get(management, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
      assertThat(get(management, "/actuator/prometheus", "wrong-token-0123456789").statusCode())
          .isEqualTo(401);
      HttpResponse<String> scrape = get(management, "/actuator/prometheus", TOKEN);
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }
  }

  private static int managementPort(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getProperty("local.management.port");
    assertThat(port).as("the management port").isNotNull();
    assertThat(Integer.parseInt(port))
        .isNotEqualTo(((WebServerApplicationContext) context).getWebServer().getPort());
    return Integer.parseInt(port);
  }

  private static HttpResponse<String> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
