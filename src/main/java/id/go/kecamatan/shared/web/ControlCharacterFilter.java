package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that carries control characters where nothing would show the user an error: NUL
 * and the other C0 controls, DEL and the C1 controls in the path, in parameter names, in the names
 * and file names of multipart parts, in the values of the query string (searches and filters) and
 * in the fields of the staff sign-in (which Spring Security reads, no form). They come from attacks
 * or broken clients; PostgreSQL cannot store a NUL at all (the request ended in a 500). One check
 * here, ahead of Spring Security and of every controller, covers a new search or upload without
 * doing anything.
 *
 * <p>Other file names are kept as a clean display name by the documents module. The values of a
 * form body are left to the form, which says at the field what is wrong and keeps what was typed
 * ({@link FieldErrors}, {@code error.control}); tab, line feed and carriage return are text in any
 * value. {@code HostileInputIntegrationTests} sends a NUL in every field of every form to hold the
 * forms to that.
 *
 * <p>Pages answer 400 with the error page saying what is wrong ({@link #REJECTED} tells the error
 * page), the JSON API a 400 {@code application/problem+json}. Nothing reaches a controller, so
 * nothing is saved. Runs after {@link UploadLimitFilter}, which answers over-size uploads first.
 */
@Component
@Order(-140)
class ControlCharacterFilter extends OncePerRequestFilter {

  /** Request attribute set when this filter refused the request (read by the error page). */
  static final String REJECTED = ControlCharacterFilter.class.getName() + ".REJECTED";

  /** The staff sign-in, a form Spring Security reads: no field there shows an error. */
  private static final String SIGN_IN = "/masuk";

  private static final Logger log = LoggerFactory.getLogger(ControlCharacterFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String where = offending(request);
    if (where == null) {
      chain.doFilter(request, response);
      return;
    }
    refuse(request, response, where);
  }

  /**
   * Answers 400: the error page for pages, a JSON problem for the API. Also used by {@link
   * UploadLimitFilter}, which reads a multipart body first and meets a NUL in a file name as the
   * container's {@code InvalidFileNameException}.
   */
  static void refuse(HttpServletRequest request, HttpServletResponse response, String where)
      throws IOException {
    // a client's mistake: one line, no value (it may be personal data)
    log.warn("Refused a request with control characters in {} ({})", where, request.getMethod());
    request.setAttribute(REJECTED, Boolean.TRUE);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      problem(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
  }

  /** Where the request carries a forbidden character (the kind of place, never the value). */
  static String offending(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!isCleanName(path)) {
      return "the path";
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (RuntimeException e) {
      return null; // a malformed body: whoever reads it next answers that
    }
    boolean signIn = "POST".equals(request.getMethod()) && SIGN_IN.equals(path);
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (!isCleanName(parameter.getKey())) {
        return "a parameter name";
      }
      if (signIn) {
        for (String value : parameter.getValue()) {
          if (!isCleanText(value)) {
            return "a sign-in field";
          }
        }
      }
    }
    if (!isCleanQuery(request.getQueryString())) {
      return "a query parameter";
    }
    if (isMultipart(request)) {
      Collection<Part> parts;
      try {
        parts = request.getParts();
      } catch (IOException | ServletException | RuntimeException e) {
        return null; // a malformed or over-size body: the multipart resolver answers that
      }
      for (Part part : parts) {
        // file names are the documents module's, which keeps a clean display name
        if (!isCleanName(part.getName())) {
          return "a part name";
        }
      }
    }
    return null;
  }

  /** The values of the query string, decoded. */
  private static boolean isCleanQuery(String query) {
    if (query == null) {
      return true;
    }
    for (String pair : query.split("&")) {
      try {
        if (!isCleanText(URLDecoder.decode(pair, StandardCharsets.UTF_8))) {
          return false;
        }
      } catch (IllegalArgumentException e) {
        // malformed escapes: the container leaves that parameter out
      }
    }
    return true;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** Text a person may type: no control characters except tab, line feed and carriage return. */
  static boolean isCleanText(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A name (of a parameter, a file, a path): no control characters at all. */
  static boolean isCleanName(String name) {
    if (name == null) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      if (isControl(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  private static void problem(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String language = request.getHeader("Accept-Language");
    boolean english = language != null && language.strip().toLowerCase().startsWith("en");
    String title =
        english
            ? "The request contains control characters (such as NUL) that are not allowed in text"
                + " or file names; remove them and send it again"
            : "Permintaan berisi karakter kendali (misalnya NUL) yang tidak diizinkan dalam isian"
                + " atau nama file; hapus karakter itu lalu kirim lagi";
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":400}");
  }
}
