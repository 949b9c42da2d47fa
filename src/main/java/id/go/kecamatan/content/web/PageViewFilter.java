package id.go.kecamatan.content.web;

import id.go.kecamatan.content.PageKind;
import id.go.kecamatan.content.PageViews;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.ServedFromMemory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts a visit of an office's public page ({@link PageViews}): a GET answered 200 with a page or
 * a PDF. Not counted: crawlers and link previews (a simple rule on the user agent: a missing one,
 * or one naming a bot, crawler, spider, preview fetcher, command-line or library client or a
 * headless browser), and the office's own staff while signed in. Nothing about the visitor is kept.
 * A page sent from memory ({@code RenderedPages}) is counted the same way.
 */
@Component
class PageViewFilter extends OncePerRequestFilter implements ServedFromMemory {

  /** User agents that are no person reading the page. */
  static final Pattern ROBOT =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|telegram|curl|wget"
              + "|python|java|okhttp|go-http|httpclient|headless|lighthouse|monitor|scan");

  private final PageViews views;

  PageViewFilter(PageViews views) {
    this.views = views;
  }

  /** Whether a user agent is a person's browser, by the simple rule. */
  static boolean person(String userAgent) {
    return userAgent != null && !userAgent.isBlank() && !ROBOT.matcher(userAgent).find();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    served(request, response);
  }

  /** Counts the visit of a page answered, whether by its controller or from memory. */
  @Override
  public void served(HttpServletRequest request, HttpServletResponse response) {
    // a 304 is a visitor's browser showing the page again from its cache after revalidating
    if (!"GET".equals(request.getMethod())
        || (response.getStatus() != 200 && response.getStatus() != 304)) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/kecamatan/")) {
      return;
    }
    String type = response.getContentType();
    if (type == null || !(type.startsWith("text/html") || type.startsWith("application/pdf"))) {
      return;
    }
    if (!person(request.getHeader("User-Agent")) || CurrentOfficer.get().isPresent()) {
      return;
    }
    Optional<PageKind.Visit> visit = PageKind.of(path);
    visit.ifPresent(v -> views.count(v.slug(), v.kind()));
  }
}
