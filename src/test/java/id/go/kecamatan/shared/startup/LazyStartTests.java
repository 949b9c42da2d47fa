package id.go.kecamatan.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which beans a lazy start still makes at once ({@link EagerBeans}, {@link
 * LazyStartConfiguration}).
 */
class LazyStartTests {

  @ConfigurationProperties("test.settings")
  record Settings(String name) {}

  static class AService {}

  abstract static class SomeMeters implements MeterBinder {}

  @Test
  void theDatabaseItsInitialisersSettingsAndMetricsAreMadeAtStartAndTheRestWhenFirstNeeded() {
    DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
    factory.registerBeanDefinition(
        "dataSource", new RootBeanDefinition(SimpleDriverDataSource.class));
    factory.registerBeanDefinition(
        "flywayInitializer", new RootBeanDefinition(FlywayMigrationInitializer.class));
    factory.registerBeanDefinition("settings", new RootBeanDefinition(Settings.class));
    factory.registerBeanDefinition("meters", new RootBeanDefinition(SomeMeters.class));
    factory.registerBeanDefinition("aService", new RootBeanDefinition(AService.class));
    factory.registerSingleton(
        "eagerBeans", (LazyInitializationExcludeFilter) LazyStartConfiguration.eagerBeans(factory));

    new LazyInitializationBeanFactoryPostProcessor().postProcessBeanFactory(factory);

    assertThat(factory.getBeanDefinition("dataSource").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("flywayInitializer").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("settings").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("meters").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("aService").isLazyInit()).isTrue();
  }
}
