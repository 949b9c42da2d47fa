package id.go.kecamatan.shared.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The metrics token on a management port of its own ({@code management.server.port}, {@code
 * MANAGEMENT_SERVER_PORT}): health and metrics then run in a child context with a servlet container
 * of its own, which takes none of the application's filters, so {@code /actuator/prometheus} there
 * answered anyone without the token. This registers the application's {@link MetricsAccessFilter}
 * in that container too (listed in {@code
 * META-INF/spring/...ManagementContextConfiguration.imports}; deliberately no
 * {@code @Configuration}, so the component scan of the application's own context leaves it out).
 */
class MetricsAccessOnManagementPort {

  @Bean
  @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
  FilterRegistrationBean<MetricsAccessFilter> metricsAccessOnManagementPort(
      MetricsAccessFilter filter) {
    FilterRegistrationBean<MetricsAccessFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(MetricsAccessFilter.ORDER);
    return registration;
  }
}
