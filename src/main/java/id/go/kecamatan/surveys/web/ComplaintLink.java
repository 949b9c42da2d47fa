package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Where a resident unhappy with the service can complain: the office's complaint form ({@code
 * /kecamatan/<slug>/pengaduan}) when this deployment has one, otherwise nothing (the pages show the
 * office's contacts either way). Read from the application's own request mappings, so the link
 * appears with the complaints module and never points at a page that does not exist.
 */
@Component
class ComplaintLink {

  static final String PATTERN = "/kecamatan/{slug}/pengaduan";

  private final RequestMappingHandlerMapping mappings;
  private volatile Boolean present;

  ComplaintLink(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  /** The office's complaint form, or null when there is none. */
  String of(Office office) {
    if (present == null) {
      present =
          mappings.getHandlerMethods().keySet().stream()
              .map(info -> info.getPatternValues())
              .anyMatch((Set<String> patterns) -> patterns.contains(PATTERN));
    }
    return present ? "/kecamatan/" + office.slug() + "/pengaduan" : null;
  }
}
