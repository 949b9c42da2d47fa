package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the servlet's size limit fails as soon as anything reads a parameter, which is the
 * CSRF check, before any controller or exception handler (and again on the error page): the user
 * would get the container's bare 413. This filter, ahead of Spring Security, reads the multipart
 * body first and sends the user back to the form with {@code ?terlalu-besar}, where the form shows
 * the message; nothing is saved.
 */
@Component
@Order(-150)
class UploadLimitFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if ("POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase().startsWith("multipart/")) {
      try {
        request.getParameterMap();
      } catch (IllegalStateException e) {
        if (!tooLarge(e)) {
          throw e;
        }
        response.sendRedirect(request.getRequestURI() + "?terlalu-besar");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().endsWith("LimitExceededException")) {
        return true;
      }
    }
    return false;
  }
}
