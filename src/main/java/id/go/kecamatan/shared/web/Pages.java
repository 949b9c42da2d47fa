package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.security.CurrentOfficer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Page} of a request. */
public final class Pages {

  private Pages() {}

  /** The page of a request, its times in this zone (the {@code Clock} bean's: {@link Zone}). */
  public static Page of(HttpServletRequest request, MessageSource messages, ZoneId zone) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Object originalUri = request.getAttribute("jakarta.servlet.error.request_uri");
    String path = originalUri instanceof String uri ? uri : request.getRequestURI();
    String query = originalUri == null ? request.getQueryString() : null;
    URI formPage = formPage(request);
    return new Page(
        messages,
        RequestContextUtils.getLocale(request),
        csrf,
        CurrentOfficer.get().orElse(null),
        path,
        query,
        request.getAttribute(KioskMode.ATTRIBUTE) instanceof KioskMode kiosk ? kiosk : null,
        formPage == null ? path : formPage.getRawPath(),
        formPage == null ? query : formPage.getRawQuery(),
        zone);
  }

  /**
   * The page a form was sent from, for the language link of the page that answers it: a form's own
   * address often answers only POST ({@code /permohonan/<id>/kirim}, {@code
   * /janji/kelola/<code>/batal}), so the page in the other language is the one the form was on.
   * Browsers name it in {@code Referer} (the site's {@code Referrer-Policy} is {@code
   * same-origin}); null for a GET, or when the header is missing, names another host or is not an
   * address.
   */
  static URI formPage(HttpServletRequest request) {
    String method = request.getMethod();
    String referer = request.getHeader("Referer");
    String host = request.getHeader("Host");
    if ("GET".equals(method) || "HEAD".equals(method) || referer == null || host == null) {
      return null;
    }
    try {
      URI uri = new URI(referer);
      boolean here =
          ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              && host.equalsIgnoreCase(uri.getRawAuthority())
              && uri.getRawPath() != null
              && uri.getRawPath().startsWith("/");
      return here ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
