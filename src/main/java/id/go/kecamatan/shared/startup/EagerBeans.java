package id.go.kecamatan.shared.startup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The beans made at start-up although beans are otherwise made when first needed ({@code
 * spring.main.lazy-initialization}, ADR 0037 "Third round"): those whose making does something
 * nobody asks them for later. Spring Boot keeps eager by itself what runs on its own (beans with
 * {@code @Scheduled} methods, {@code SmartInitializingSingleton}s such as the demo data and the
 * certificate authority's check, {@code SmartLifecycle}s such as {@code TableChanges}, the servlet
 * filters and everything they use); methods annotated as event listeners are found by their bean's
 * type and the bean made at its first event. This adds:
 *
 * <ul>
 *   <li>beans that are {@link ApplicationListener}s: the event multicaster makes such a bean, at
 *       its first event, while it holds its own lock, and a bean that is one registers itself under
 *       the same lock once made. Made lazily, a scheduled job publishing an event and a request
 *       making a bean deadlocked: each held the lock the other waited for (the multicaster's, and
 *       the bean factory's singleton lock), and the node hung;
 *   <li>the database's initialisers (Flyway's migrations, the event publication table), as Spring
 *       Boot's {@link DatabaseInitializerDetector}s name them: the schema is up to date before the
 *       first request;
 *   <li>the {@link DataSource}: it takes over the embedded PostgreSQL begun beside the start;
 *   <li>{@code @ConfigurationProperties}: wrong settings fail the start, not a later request;
 *   <li>the metrics ({@link MeterRegistry}, {@link MeterBinder}): every meter is there from the
 *       first scrape.
 * </ul>
 */
final class EagerBeans implements LazyInitializationExcludeFilter {

  private static final List<Class<?>> TYPES =
      List.of(ApplicationListener.class, DataSource.class, MeterRegistry.class, MeterBinder.class);

  private final Set<String> databaseInitializers;

  EagerBeans(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new HashSet<>();
    SpringFactoriesLoader.forDefaultResourceLocation(beanFactory.getBeanClassLoader())
        .load(DatabaseInitializerDetector.class)
        .forEach(detector -> names.addAll(detector.detect(beanFactory)));
    this.databaseInitializers = Set.copyOf(names);
  }

  @Override
  public boolean isExcluded(String beanName, BeanDefinition definition, Class<?> beanType) {
    if (databaseInitializers.contains(beanName)) {
      return true;
    }
    if (beanType == null) {
      return false;
    }
    for (Class<?> type : TYPES) {
      if (type.isAssignableFrom(beanType)) {
        return true;
      }
    }
    return AnnotatedElementUtils.hasAnnotation(beanType, ConfigurationProperties.class)
        || (definition instanceof AnnotatedBeanDefinition annotated
            && annotated.getFactoryMethodMetadata() != null
            && annotated
                .getFactoryMethodMetadata()
                .isAnnotated(ConfigurationProperties.class.getName()));
  }
}
