package id.go.kecamatan.shared.web;

import gg.jte.output.Utf8ByteOutput;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.CurrentOfficer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Public pages a browser may keep and revalidate: the page is sent with {@code Cache-Control:
 * no-cache} and an entity tag of its bytes, and a browser that shows the tag of the same bytes
 * again ({@code If-None-Match}) gets {@code 304 Not Modified} without the page. Only for pages a
 * controller marks ({@link #allow}) and only for an anonymous visitor without a session: a page for
 * a signed-in officer, a kiosk, a session (form tokens, a resident's data) or one that sets a
 * cookie keeps the default {@code no-store}.
 */
public final class Revalidation {

  static final String ATTRIBUTE = Revalidation.class.getName();

  private Revalidation() {}

  /** Marks this request's page as public: the same for every visitor, without personal data. */
  public static void allow(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, Boolean.TRUE);
  }

  /**
   * Before the page's bytes are written: whether they are sent (true), or the visitor's copy is
   * still the page (false, the answer is a 304). Sets the tag and {@code Cache-Control} when the
   * page may be revalidated; leaves the answer alone otherwise.
   */
  static boolean send(HttpServletRequest request, HttpServletResponse response, Utf8ByteOutput page)
      throws IOException {
    if (!revalidated(request, response)) {
      return true;
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    String tag = tag(page);
    // the same page for the next anonymous visitor, from memory
    request.setAttribute(RenderedPages.RENDERED, new RenderedPages.Rendered(page, tag));
    return !new ServletWebRequest(request, response).checkNotModified(tag);
  }

  private static boolean revalidated(HttpServletRequest request, HttpServletResponse response) {
    return request.getAttribute(ATTRIBUTE) != null
        && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && response.getStatus() == HttpServletResponse.SC_OK
        && !response.containsHeader(HttpHeaders.CACHE_CONTROL)
        && !response.containsHeader(HttpHeaders.SET_COOKIE)
        && request.getAttribute(KioskMode.ATTRIBUTE) == null
        && request.getSession(false) == null
        && CurrentOfficer.get().isEmpty();
  }

  /**
   * A weak tag (the connector may compress the bytes): the first 128 bits of the page's SHA-256.
   */
  static String tag(Utf8ByteOutput page) throws IOException {
    MessageDigest sha = Sha256.digest();
    page.writeTo(sha::update);
    return "W/\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
  }
}
