package id.go.kecamatan.shared.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
    resolver.setDefaultLocale(INDONESIAN);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    // The visitor's browser language does not switch the site: Indonesian is the default.
    resolver.setDefaultLocaleFunction(request -> INDONESIAN);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  @Bean
  Clock clock() {
    return Clock.system(java.time.ZoneId.of("Asia/Jakarta"));
  }
}
