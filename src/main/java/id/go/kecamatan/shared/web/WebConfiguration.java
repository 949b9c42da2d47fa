package id.go.kecamatan.shared.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/** Templates, languages (Bahasa Indonesia first, English second) and the clock. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");

  @Bean
  TemplateEngine templateEngine() {
    return TemplateEngine.createPrecompiled(ContentType.Html);
  }

  @Bean
  JteViewResolver jteViewResolver(TemplateEngine templateEngine) {
    return new JteViewResolver(templateEngine);
  }

  /** {@code spring.messages.*}, as Spring Boot binds them for its own message source. */
  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  /**
   * The message bundles configured by {@code spring.messages.*}, as Spring Boot would make them,
   * but formatting without a shared lock ({@link UnsharedMessageFormats}).
   */
  @Bean
  MessageSource messageSource(MessageSourceProperties properties) throws IOException {
    UnsharedMessageFormats messages = new UnsharedMessageFormats();
    messages.setBasenames(properties.getBasename().toArray(String[]::new));
    if (properties.getEncoding() != null) {
      messages.setDefaultEncoding(properties.getEncoding().name());
    }
    messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    if (properties.getCacheDuration() != null) {
      messages.setCacheMillis(properties.getCacheDuration().toMillis());
    }
    messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
    messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
      Properties common = new Properties();
      for (Resource resource : properties.getCommonMessages()) {
        PropertiesLoaderUtils.fillProperties(common, resource);
      }
      messages.setCommonMessages(common);
    }
    return messages;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
    resolver.setDefaultLocale(INDONESIAN);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    // The visitor's browser language does not switch the site: Indonesian is the default.
    resolver.setDefaultLocaleFunction(request -> INDONESIAN);
    return resolver;
  }

  /**
   * Stylesheets and scripts under their hashed names ({@link Assets}): kept by browsers for a year
   * without revalidation; the handler serves a name only when the hash is the file's content's. The
   * plain names stay with Spring Boot's handler ({@code spring.web.resources.cache}).
   */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String directory : Assets.DIRECTORIES) {
      registry
          .addResourceHandler("/" + directory + "/*" + Assets.HASH + "." + directory)
          .addResourceLocations("classpath:/static/" + directory + "/")
          .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
          .resourceChain(true)
          .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  /**
   * The time of every node, in the regency's own zone ({@link Zone}, {@value Zone#SETTING}): what
   * is "today", and the zone every time shown is written in.
   */
  @Bean
  Clock clock(@Value("${" + Zone.SETTING + "}") String zone) {
    return Clock.system(
        Zone.parse(zone)
            .orElseThrow(() -> new IllegalArgumentException(Zone.SETTING + " " + zone))
            .id());
  }
}
