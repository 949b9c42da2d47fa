package id.go.kecamatan.shared.startup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link StartupChecks}, which runs before any other bean is made. */
@Configuration(proxyBeanMethods = false)
class StartupChecksConfiguration {

  @Bean
  static StartupChecks startupChecks(Environment environment) {
    return new StartupChecks(environment);
  }
}
