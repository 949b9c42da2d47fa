package id.go.kecamatan.shared.web;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, formatting each message with arguments on a copy of its cached {@link
 * MessageFormat}. Spring formats on the one cached instance under its lock, so every request thread
 * showing the same message (a page's "{0} layanan", a footer) waited for the others; a copy costs
 * about a microsecond and no thread waits. Messages without arguments are not formatted at all.
 */
class UnsharedMessageFormats extends ResourceBundleMessageSource {

  @Override
  protected MessageFormat resolveCode(String code, Locale locale) {
    MessageFormat cached = super.resolveCode(code, locale);
    return cached == null ? null : (MessageFormat) cached.clone();
  }
}
