package id.go.kecamatan.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which beans a lazy start still makes at once, and which it makes together ({@link EagerBeans},
 * {@link LazyStartConfiguration}).
 */
class LazyStartTests {

  @ConfigurationProperties("test.settings")
  record Settings(String name) {}

  static class AService {}

  abstract static class SomeMeters implements MeterBinder {}

  abstract static class AListener
      implements org.springframework.context.ApplicationListener<
          org.springframework.context.event.ContextRefreshedEvent> {}

  @Test
  void
      theDatabaseItsInitialisersSettingsMetricsAndListenerBeansAreMadeAtStartTheRestWhenFirstNeeded() {
    DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
    factory.registerBeanDefinition(
        "dataSource", new RootBeanDefinition(SimpleDriverDataSource.class));
    factory.registerBeanDefinition(
        "flywayInitializer", new RootBeanDefinition(FlywayMigrationInitializer.class));
    factory.registerBeanDefinition("settings", new RootBeanDefinition(Settings.class));
    factory.registerBeanDefinition("meters", new RootBeanDefinition(SomeMeters.class));
    factory.registerBeanDefinition("aService", new RootBeanDefinition(AService.class));
    factory.registerBeanDefinition("aListener", new RootBeanDefinition(AListener.class));
    factory.registerSingleton(
        "eagerBeans", (LazyInitializationExcludeFilter) LazyStartConfiguration.eagerBeans(factory));

    new LazyInitializationBeanFactoryPostProcessor().postProcessBeanFactory(factory);

    assertThat(factory.getBeanDefinition("dataSource").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("flywayInitializer").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("settings").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("meters").isLazyInit()).isFalse();
    // made lazily, the event multicaster made it under its own lock: a deadlock with a request
    assertThat(factory.getBeanDefinition("aListener").isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition("aService").isLazyInit()).isTrue();
  }

  @Test
  void
      springdocsBeansWaitForTheFirstRequestForTheDescriptionWhichMakesThemAllFirstOthersStayAsDeclared() {
    DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
    RootBeanDefinition registrar = new RootBeanDefinition();
    registrar.setBeanClassName("org.springdoc.core.converters.ModelConverterRegistrar");
    registrar.setLazyInit(false);
    factory.registerBeanDefinition("modelConverterRegistrar", registrar);
    RootBeanDefinition service = new RootBeanDefinition();
    service.setBeanClassName("org.springdoc.core.service.OpenAPIService");
    service.setLazyInit(false);
    factory.registerBeanDefinition("openAPIService", service);
    RootBeanDefinition page = new RootBeanDefinition(OpenApiWebMvcResource.class);
    page.setLazyInit(false);
    page.setDependsOn("somethingOfItsOwn");
    factory.registerBeanDefinition("openApiResource", page);
    RootBeanDefinition eagerOfOurs = new RootBeanDefinition(AService.class);
    eagerOfOurs.setLazyInit(false);
    factory.registerBeanDefinition("aService", eagerOfOurs);
    RootBeanDefinition dataSource = new RootBeanDefinition(DataSource.class);
    factory.registerBeanDefinition("dataSource", dataSource);

    LazyStartConfiguration.apiDescriptionOnFirstRequest().postProcessBeanFactory(factory);

    assertThat(factory.getBeanDefinition("modelConverterRegistrar").isLazyInit()).isTrue();
    assertThat(factory.getBeanDefinition("openAPIService").isLazyInit()).isTrue();
    assertThat(factory.getBeanDefinition("openApiResource").isLazyInit()).isTrue();
    // the registrar, which nothing asks for, is made before the description is served
    assertThat(factory.getBeanDefinition("openApiResource").getDependsOn())
        .containsExactlyInAnyOrder(
            "somethingOfItsOwn", "modelConverterRegistrar", "openAPIService");
    assertThat(factory.getBeanDefinition("openAPIService").getDependsOn()).isNull();
    assertThat(factory.getBeanDefinition("aService").isLazyInit()).isFalse();
    assertThat(((RootBeanDefinition) factory.getBeanDefinition("dataSource")).getLazyInit())
        .isNull();
  }
}
