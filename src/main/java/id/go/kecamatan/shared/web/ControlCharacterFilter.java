package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose text carries control characters that have no place in anything a person
 * types: NUL and the other C0 controls (tab, line feed and carriage return are allowed in values,
 * as a text area sends them), DEL and the C1 controls. They come from attacks or broken clients,
 * PostgreSQL cannot store a NUL at all (the request would end in a 500), and the others would reach
 * logs, letters and exports. One check here, ahead of Spring Security (so the sign-in sees no such
 * user name either) and of every controller, covers parameter names and values (query string, form
 * and multipart fields), the names and file names of multipart parts and the decoded path; a new
 * form is covered without doing anything.
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
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (!isCleanName(parameter.getKey())) {
        return "a parameter name";
      }
      for (String value : parameter.getValue()) {
        if (!isCleanText(value)) {
          return "a parameter value";
        }
      }
    }
    if (isMultipart(request)) {
      Collection<Part> parts;
      try {
        parts = request.getParts();
      } catch (IOException | ServletException | RuntimeException e) {
        return null; // a malformed or over-size body: the multipart resolver answers that
      }
      for (Part part : parts) {
        if (!isCleanName(part.getName())
            || !isCleanName(part.getSubmittedFileName())
            || !isCleanName(part.getHeader("Content-Disposition"))
            || !isCleanName(decodedFileName(part))) {
          return "a file name";
        }
      }
    }
    return null;
  }

  /** The file name as Spring's multipart request decodes it (also {@code filename*=UTF-8''...}). */
  private static String decodedFileName(Part part) {
    String disposition = part.getHeader("Content-Disposition");
    if (disposition == null) {
      return null;
    }
    try {
      return ContentDisposition.parse(disposition).getFilename();
    } catch (RuntimeException e) {
      return null; // unparsable: the multipart resolver refuses it
    }
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
