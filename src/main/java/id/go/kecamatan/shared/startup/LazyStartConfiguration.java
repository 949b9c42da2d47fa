package id.go.kecamatan.shared.startup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.api.AbstractOpenApiResource;
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
   * for either instead, and all of them before the one that builds the description ({@link
   * AbstractOpenApiResource}), as at an eager start. Some exist only for what they do when made,
   * and nothing asks for them: the {@code ModelConverterRegistrar} puts springdoc's model
   * converters into swagger's shared {@code ModelConverters}; made lazy on its own it was never
   * made, and the description came out without them (ADR 0037, fourth round). Its bean factory
   * post-processors are not beans of this kind and run as before.
   */
  @Bean
  static BeanFactoryPostProcessor apiDescriptionOnFirstRequest() {
    return beanFactory -> {
      List<String> descriptions = new ArrayList<>();
      Set<String> deferred = new LinkedHashSet<>();
      for (String name : beanFactory.getBeanDefinitionNames()) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        if (!declaredBySpringdoc(definition)) {
          continue;
        }
        Class<?> type = beanFactory.getType(name, false);
        if (type != null && AbstractOpenApiResource.class.isAssignableFrom(type)) {
          descriptions.add(name);
        } else if (Boolean.FALSE.equals(lazyInit(definition))) {
          definition.setLazyInit(true);
          deferred.add(name);
        }
      }
      for (String description : descriptions) {
        BeanDefinition definition = beanFactory.getBeanDefinition(description);
        definition.setLazyInit(true);
        Set<String> dependsOn = new LinkedHashSet<>(deferred);
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(List.of(definition.getDependsOn()));
        }
        definition.setDependsOn(dependsOn.toArray(String[]::new));
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
