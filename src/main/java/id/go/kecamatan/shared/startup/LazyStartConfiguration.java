package id.go.kecamatan.shared.startup;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code spring.main.lazy-initialization} (application.yml) a bean is made when it is first
 * needed, so a start makes only what the start itself and the first pages use; {@link EagerBeans}
 * names the beans still made at start-up.
 */
@Configuration(proxyBeanMethods = false)
class LazyStartConfiguration {

  @Bean
  static LazyInitializationExcludeFilter eagerBeans(ConfigurableListableBeanFactory beanFactory) {
    return new EagerBeans(beanFactory);
  }
}
