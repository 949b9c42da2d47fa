package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the servlet's size limit fails as soon as anything reads a parameter, which is the
 * CSRF check, before any controller or exception handler (and again on the error page): the user
 * would get the container's bare 413. This filter, ahead of Spring Security, reads the multipart
 * body first and sends the user back to the form with {@code ?terlalu-besar}, where the form shows
 * the message; nothing is saved. The JSON API gets a 413 {@code application/problem+json}.
 */
@Component
@Order(-150)
class UploadLimitFilter extends OncePerRequestFilter {

  private final long maxFileMegabytes;
  private final long maxRequestMegabytes;

  UploadLimitFilter(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest) {
    this.maxFileMegabytes = maxFile.toMegabytes();
    this.maxRequestMegabytes = maxRequest.toMegabytes();
  }

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
      } catch (RuntimeException e) {
        if (causedBy(e, "InvalidFileNameException")) {
          // the container refuses a NUL in a file name; answered like any control character
          ControlCharacterFilter.refuse(request, response, "a file name");
          return;
        }
        if (!tooLarge(e)) {
          throw e;
        }
        boolean tooManyParts = tooManyParts(e);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
          tooLargeProblem(request, response, tooManyParts);
        } else {
          // the form shows "too many files" or "too large" for these
          response.sendRedirect(
              sameSitePath(request) + (tooManyParts ? "?terlalu-banyak" : "?terlalu-besar"));
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The JSON API answers 413 as {@code application/problem+json} instead of redirecting. */
  private void tooLargeProblem(
      HttpServletRequest request, HttpServletResponse response, boolean tooManyParts)
      throws IOException {
    String language = request.getHeader("Accept-Language");
    boolean english = language != null && language.strip().toLowerCase().startsWith("en");
    String title =
        tooManyParts
            ? (english
                ? "The upload has too many files or fields"
                : "Unggahan berisi terlalu banyak file atau isian")
            : english
                ? "The upload is too large: at most "
                    + maxFileMegabytes
                    + " MB per file and "
                    + maxRequestMegabytes
                    + " MB in all"
                : "Unggahan terlalu besar: paling besar "
                    + maxFileMegabytes
                    + " MB per file dan "
                    + maxRequestMegabytes
                    + " MB seluruhnya";
    response.setStatus(413);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":413}");
  }

  /**
   * The request's path when it can only mean this site; this filter runs before the firewall of
   * Spring Security, so a path like {@code //other.example/x} must not become a redirect elsewhere.
   */
  static String sameSitePath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (uri == null
        || !uri.startsWith("/")
        || uri.startsWith("//")
        || uri.contains("\\")
        || uri.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return request.getContextPath() + "/";
    }
    return uri;
  }

  private static boolean causedBy(Throwable e, String simpleName) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /** The container's limit on the number of parts (files and fields) of one request. */
  private static boolean tooManyParts(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().endsWith("FileCountLimitExceededException")) {
        return true;
      }
    }
    return false;
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
