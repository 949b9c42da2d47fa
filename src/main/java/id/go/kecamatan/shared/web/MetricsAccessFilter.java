package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The metrics ({@code /actuator/prometheus}) are for the operator's Prometheus, not for the public
 * site they share a port with: a scrape must send {@code Authorization: Bearer <token>} with the
 * token of {@code layanan.metrics.token} (Prometheus: {@code authorization: {credentials: ...}}).
 * Without a token configured the endpoint answers 404, as if it did not exist; a wrong or missing
 * token gets 401. On a management port of its own ({@code management.server.port}) the same filter
 * guards the endpoint there ({@link MetricsAccessOnManagementPort}).
 */
@Component
@Order(MetricsAccessFilter.ORDER)
class MetricsAccessFilter extends OncePerRequestFilter {

  static final int ORDER = -190;

  static final String PATH = "/actuator/prometheus";

  private final byte[] token;

  MetricsAccessFilter(@Value("${layanan.metrics.token:}") String token) {
    String t = token == null ? "" : token.strip();
    if (!t.isEmpty() && t.length() < 16) {
      throw new IllegalStateException("layanan.metrics.token must have at least 16 characters");
    }
    this.token = t.isEmpty() ? null : t.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // decoded and without path parameters, as the endpoint mapping sees it (%70rometheus too)
    String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    return !(path.equals(PATH) || path.startsWith(PATH + "/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (token == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String header = request.getHeader("Authorization");
    byte[] given =
        header != null && header.startsWith("Bearer ")
            ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(token, given)) {
      response.setHeader("WWW-Authenticate", "Bearer");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }
}
