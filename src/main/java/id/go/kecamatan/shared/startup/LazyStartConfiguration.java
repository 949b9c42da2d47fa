package id.go.kecamatan.shared.startup;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
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

  /** The package of springdoc, which serves the API's description ({@code /api/openapi.json}). */
  static final String SPRINGDOC = "org.springdoc.";

  @Bean
  static LazyInitializationExcludeFilter eagerBeans(ConfigurableListableBeanFactory beanFactory) {
    return new EagerBeans(beanFactory);
  }

  /**
   * springdoc declares its beans {@code @Lazy(false)}, so they would be made at every start
   * although only the API's description and its page use them: they are made at the first request
   * for either instead. Its bean factory post-processors are not beans of this kind and run as
   * before.
   */
  @Bean
  static BeanFactoryPostProcessor apiDescriptionOnFirstRequest() {
    return beanFactory -> {
      for (String name : beanFactory.getBeanDefinitionNames()) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        if (Boolean.FALSE.equals(lazyInit(definition)) && declaredBySpringdoc(definition)) {
          definition.setLazyInit(true);
        }
      }
    };
  }

  private static Boolean lazyInit(BeanDefinition definition) {
    return definition instanceof AbstractBeanDefinition abstractDefinition
        ? abstractDefinition.getLazyInit()
        : null;
  }

  static boolean declaredBySpringdoc(BeanDefinition definition) {
    String type = definition.getBeanClassName();
    if (definition instanceof AnnotatedBeanDefinition annotated
        && annotated.getFactoryMethodMetadata() != null) {
      type = annotated.getFactoryMethodMetadata().getDeclaringClassName();
    }
    return type != null && type.startsWith(SPRINGDOC);
  }
}
