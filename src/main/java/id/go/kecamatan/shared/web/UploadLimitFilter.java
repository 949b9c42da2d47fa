package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.pdf.Xhtml;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the servlet's size limit fails as soon as anything reads a parameter, which is the
 * CSRF check, before any controller or exception handler (and again on the error page): the user
 * would get the container's bare 413. This filter, ahead of Spring Security, reads the multipart
 * body first and sends the user back to the form with {@code ?terlalu-besar}, where the form shows
 * the message; nothing is saved. The container reads a file up to the request's limit ({@link
 * TypedBack}); a file over the per-file limit is found here among the parts, and the request is
 * marked so that, once Spring Security has checked it, the form comes back with what was typed and
 * {@code ?terlalu-besar=<the file's field>} (e.g. {@code files[<requirement>]}), the message at
 * that file. The JSON API gets a 413 {@code application/problem+json}.
 *
 * <p>Any other form post whose body cannot be read (a malformed multipart body, a urlencoded body
 * over the container's limit) is answered here too, 400 or 413, as the error page or an API
 * problem, and logged as one WARN line: a client's mistake is not a server error.
 */
@Component
@Order(-150)
class UploadLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);

  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

  private final long maxFileBytes;
  private final long maxFileMegabytes;
  private final long maxRequestMegabytes;
  private final long maxFormMegabytes;

  private final MessageSource messages;

  UploadLimitFilter(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm,
      MessageSource messages) {
    this.messages = messages;
    this.maxFileBytes = maxFile.toBytes();
    this.maxFileMegabytes = maxFile.toMegabytes();
    this.maxRequestMegabytes = maxRequest.toMegabytes();
    this.maxFormMegabytes = Math.max(1, maxForm.toMegabytes());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    boolean multipart = lower.startsWith("multipart/");
    boolean form = multipart || lower.startsWith("application/x-www-form-urlencoded");
    if ("POST".equals(request.getMethod()) && form) {
      try {
        request.getParameterMap();
        if (lower.startsWith("multipart/form-data")) {
          // a malformed body fails here, not deep in a controller; the container reads a file up
          // to the request's limit (TypedBack), the per-file limit is checked here
          String field = TypedBack.oversizedField(request.getParts(), maxFileBytes);
          if (field != null) {
            log.warn("Refused a file over the limit to {}", safePath(request));
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
              tooLargeProblem(request, response, false);
              return;
            }
            // sent back to its form with what was typed, once Spring Security has checked it
            request.setAttribute(TypedBack.OVERSIZED, FIELD.matcher(field).matches() ? field : "");
          }
        }
      } catch (RuntimeException | IOException | ServletException e) {
        if (causedBy(e, "InvalidFileNameException")) {
          // the container refuses a NUL in a file name; answered like any control character
          ControlCharacterFilter.refuse(request, response, "a file name");
          return;
        }
        if (e instanceof RuntimeException unexpected && !(e instanceof IllegalStateException)) {
          throw unexpected;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (multipart && tooLarge(e)) {
          boolean tooManyParts = tooManyParts(e);
          log.warn("Refused an upload over the limit to {} ({})", safePath(request), reason(e));
          if (api) {
            tooLargeProblem(request, response, tooManyParts);
          } else {
            // the form shows "too many files" or "too large" for these (a single file over the
            // per-file limit is found among the parts above and named by its field, TypedBack)
            response.sendRedirect(
                sameSitePath(request) + (tooManyParts ? "?terlalu-banyak" : "?terlalu-besar"));
          }
          return;
        }
        // The client's mistake, not ours: one line for the operator, no stack trace, no content.
        int status = status(e);
        log.warn(
            "Refused a {} form post to {} with {} ({})",
            status == 413 ? "too large" : "malformed",
            safePath(request),
            status,
            reason(e));
        if (api) {
          problem(request, response, status);
        } else {
          page(request, response, status);
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** 413 for a body over a limit, 400 for anything else that cannot be read. */
  private static int status(Throwable e) {
    if (e instanceof InvalidParameterException invalid && invalid.getErrorCode() > 0) {
      return invalid.getErrorCode() == 413 ? 413 : 400;
    }
    return tooLarge(e) ? 413 : 400;
  }

  /** The kind of failure, by the class names along the causes: never the request's content. */
  private static String reason(Throwable e) {
    StringBuilder reason = new StringBuilder();
    for (Throwable cause = e; cause != null && reason.length() < 200; cause = cause.getCause()) {
      if (!reason.isEmpty()) {
        reason.append(" < ");
      }
      reason.append(cause.getClass().getSimpleName());
    }
    return reason.toString();
  }

  /** The path without anything but plain URL characters (ids stay, nothing else can be forged). */
  private static String safePath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri == null ? "-" : uri.replaceAll("[^A-Za-z0-9/._~-]", "?");
  }

  /**
   * A small error page written here: the container's error page would read the same unreadable body
   * again (and fail with a stack trace in the log).
   */
  private void page(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    String language = request.getHeader("Accept-Language");
    Locale locale =
        language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
            ? Locale.ENGLISH
            : Locale.forLanguageTag("id");
    // only a urlencoded body gets here over a limit (an upload is sent back to its form): it has
    // no file, so the page speaks of the form's text, not of a file
    String kind = status == 413 ? "formTooLarge" : "badRequest";
    String title = messages.getMessage("errorPage." + kind + ".title", null, locale);
    String body =
        messages.getMessage("errorPage." + kind + ".body", new Object[] {maxFormMegabytes}, locale);
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"");
    html.append(locale.getLanguage())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    Xhtml.escape(title, html);
    html.append("</title></head><body><main><h1>");
    Xhtml.escape(title, html);
    html.append("</h1><p>");
    Xhtml.escape(body, html);
    html.append("</p><p><a href=\"/\">&#8592; ");
    Xhtml.escape(messages.getMessage("errorPage.home", null, "/", locale), html);
    html.append("</a></p></main></body></html>");
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Connection", "close");
    response.getWriter().write(html.toString());
  }

  /** The JSON API's answer to a body it cannot read: a problem in Indonesian or English. */
  private void problem(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    String language = request.getHeader("Accept-Language");
    boolean english = language != null && language.strip().toLowerCase().startsWith("en");
    String title;
    if (status == 413) {
      // a urlencoded body (an upload over its limits is answered by tooLargeProblem)
      title =
          english
              ? "The form is too large: at most " + maxFormMegabytes + " MB"
              : "Isian formulir terlalu besar: paling besar " + maxFormMegabytes + " MB";
    } else {
      title =
          english
              ? "The upload cannot be read: the request body is incomplete or malformed"
              : "Unggahan tidak terbaca: isi permintaan tidak lengkap atau rusak";
    }
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}");
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
