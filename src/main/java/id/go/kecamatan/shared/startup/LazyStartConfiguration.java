package id.go.kecamatan.shared.startup;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code spring.main.lazy-initialization} (application.yml) a bean is made when it is first
 * needed, so a start makes only what the start itself and the first pages use; {@link EagerBeans}
 * names the beans still made at start-up. Beans declared {@code @Lazy(false)} stay eager as
 * declared: springdoc's are, among them the one that registers its model converters with swagger's
 * shared {@code ModelConverters} when it is made and that nothing else asks for (made lazy, the
 * API's description was built without them: ADR 0037, fourth round).
 */
@Configuration(proxyBeanMethods = false)
class LazyStartConfiguration {

  @Bean
  static LazyInitializationExcludeFilter eagerBeans(ConfigurableListableBeanFactory beanFactory) {
    return new EagerBeans(beanFactory);
  }
}
