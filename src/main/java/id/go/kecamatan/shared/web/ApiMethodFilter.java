package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A JSON API client that sends a method an address does not offer (a {@code DELETE} of an office, a
 * {@code POST} to the read-only catalogue) is told 405 with {@code Allow}, as HTTP says, and one
 * that writes to an address the API does not have is told 404: Spring Security's refusal of every
 * API write it does not know (its CSRF check, then {@code denyAll}) answered both with 403, which
 * sends a developer looking for a missing key or token. Runs before Spring Security for {@code
 * /api/} writes only, and answers from the application's own request mappings; a write a handler
 * offers goes on to Spring Security unchanged (the public ones are let through there, any other is
 * still refused).
 */
@Component
@Order(-120)
class ApiMethodFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final ApplicationContext context;
  private volatile List<Mapping> mappings;

  ApiMethodFilter(ApplicationContext context) {
    this.context = context;
  }

  /** One handler's address and the methods it takes (empty: every method). */
  private record Mapping(PathPattern pattern, Set<RequestMethod> methods) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READS.contains(request.getMethod())
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PathContainer path =
        PathContainer.parsePath(
            request.getRequestURI().substring(request.getContextPath().length()));
    Set<String> allowed = new TreeSet<>();
    boolean known = false;
    for (Mapping mapping : mappings()) {
      if (!mapping.pattern().matches(path)) {
        continue;
      }
      known = true;
      if (mapping.methods().isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      mapping.methods().forEach(m -> allowed.add(m.name()));
    }
    if (!known) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (allowed.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    allowed.add("OPTIONS");
    response.setHeader("Allow", String.join(", ", allowed));
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  /** The API's request mappings, read once the application has started. */
  private List<Mapping> mappings() {
    List<Mapping> known = mappings;
    if (known == null) {
      List<Mapping> read = new ArrayList<>();
      for (RequestMappingHandlerMapping handlers :
          context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
          if (info.getPathPatternsCondition() == null) {
            continue;
          }
          for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
            if (pattern.getPatternString().startsWith("/api/")) {
              read.add(
                  new Mapping(
                      pattern, new LinkedHashSet<>(info.getMethodsCondition().getMethods())));
            }
          }
        }
      }
      known = List.copyOf(read);
      mappings = known;
    }
    return known;
  }
}
