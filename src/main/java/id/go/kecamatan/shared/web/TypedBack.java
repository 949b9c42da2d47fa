package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What a person typed on a form whose file was refused for its size, handed back to the form (ADR
 * 0052). The container reads a whole upload up to the request's limit (its per-file limit is raised
 * to that), so every text field of the post is read; {@link UploadLimitFilter} then finds a file
 * over the per-file limit and marks the request; after Spring Security has checked the CSRF token,
 * {@link Redirect} keeps the text fields (never the files, never the token) as a flash attribute
 * and sends the browser back to the form with {@code ?terlalu-besar=<field>}. The form's page reads
 * them with {@link #fields(Model)} and fills itself in. No controller sees the oversized file.
 */
@Configuration(proxyBeanMethods = false)
public class TypedBack {

  /** The flash attribute holding the typed fields, a {@code Map<String, String>}. */
  public static final String ATTRIBUTE = "typedBack";

  /** The request attribute naming the field of the file over the per-file limit. */
  static final String OVERSIZED = TypedBack.class.getName() + ".OVERSIZED";

  /**
   * The fields typed on the form before a file was refused for its size, by name (the first value
   * of each); empty when the page was not opened after such a refusal.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, String> fields(Model model) {
    Object typed = model.getAttribute(ATTRIBUTE);
    return typed instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }

  /**
   * The container's multipart limits: the request's as configured, and a file may be as large as
   * the request, so that a file over the per-file limit does not stop the container reading the
   * text fields after it; {@link UploadLimitFilter} refuses it by the configured per-file limit.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setLocation(properties.getLocation());
    factory.setFileSizeThreshold(properties.getFileSizeThreshold());
    factory.setMaxRequestSize(properties.getMaxRequestSize());
    factory.setMaxFileSize(properties.getMaxRequestSize());
    return factory.createMultipartConfig();
  }

  /** The field of the first file part over {@code maxFileBytes}, or null. */
  static String oversizedField(Collection<Part> parts, long maxFileBytes) {
    for (Part part : parts) {
      if (part.getSubmittedFileName() != null && part.getSize() > maxFileBytes) {
        return part.getName();
      }
    }
    return null;
  }

  /**
   * Sends a post marked by {@link UploadLimitFilter} back to its form with what was typed; runs
   * after Spring Security, so a post without a valid CSRF token is refused there and keeps nothing.
   */
  @Bean
  Redirect typedBackRedirect() {
    return new Redirect();
  }

  @Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
  static class Redirect extends OncePerRequestFilter {

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!(request.getAttribute(OVERSIZED) instanceof String field)) {
        chain.doFilter(request, response);
        return;
      }
      Set<String> files = new HashSet<>();
      for (Part part : request.getParts()) {
        if (part.getSubmittedFileName() != null) {
          files.add(part.getName());
        }
      }
      Map<String, String> typed = new LinkedHashMap<>();
      request
          .getParameterMap()
          .forEach(
              (name, values) -> {
                if (!"_csrf".equals(name)
                    && !files.contains(name)
                    && values.length > 0
                    && !name.startsWith("terlalu-")) {
                  typed.put(name, values[0]);
                }
              });
      String path = UploadLimitFilter.sameSitePath(request);
      FlashMap flash = new FlashMap();
      flash.put(ATTRIBUTE, typed);
      flash.setTargetRequestPath(path);
      flashMaps.saveOutputFlashMap(flash, request, response);
      response.sendRedirect(
          path
              + (field.isEmpty()
                  ? "?terlalu-besar"
                  : "?terlalu-besar=" + URLEncoder.encode(field, StandardCharsets.UTF_8)));
    }
  }
}
