package id.go.kecamatan.content.web;

import id.go.kecamatan.content.Kiosks;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.KioskMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kiosk mode for a request from an enabled self-service kiosk (its {@value Kiosks#COOKIE} cookie):
 * marks the request for the pages ({@link KioskMode}), sends {@code Cache-Control: no-store} so
 * neither the back button nor the history shows a page again from the cache, and starts over when
 * the kiosk was idle: a request after the device's idle time without one clears the session (its
 * drafts and looked-up applications, see {@code ResidentGrants}) and the language cookie, and opens
 * the start screen. The session itself also expires after that time on the server. A kiosk stays on
 * its own office's pages for residents: any other address (another office, the staff pages, the
 * regency pages) opens the start screen. A revoked device's cookie is removed.
 */
@Component
@Order(KioskFilter.ORDER)
class KioskFilter extends OncePerRequestFilter {

  /**
   * Just before Spring Security (-100) and after Spring Session: an idle kiosk starts over before
   * anything else looks at its session, so a form posted after the idle time opens the start screen
   * instead of failing its CSRF check.
   */
  static final int ORDER = -101;

  static final String LAST_SEEN = KioskFilter.class.getName() + ".lastSeen";

  /** Addresses a kiosk may open besides its own office's pages. */
  private static final Pattern ALLOWED =
      Pattern.compile(
          "^/(kios(/.*)?|permohonan/.*|lanjutkan(/.*)?|status(/.*)?|panduan/.*|privasi"
              + "|aksesibilitas|error)$");

  /** What every page loads, which is no sign of a person at the kiosk. */
  private static final Pattern ASSETS =
      Pattern.compile("^/(css|js|img|webjars)/.*|^/favicon\\.(ico|svg)$");

  private final Kiosks kiosks;
  private final Offices offices;
  private final Clock clock;

  KioskFilter(Kiosks kiosks, Offices offices, Clock clock) {
    this.kiosks = kiosks;
    this.offices = offices;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = cookie(request, Kiosks.COOKIE);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (token == null || ASSETS.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Kiosks.Session> device = kiosks.session(token);
    Optional<Office> office = device.map(d -> offices.get(d.officeId())).filter(Office::active);
    if (office.isEmpty()) {
      // revoked, or its office closed: an ordinary browser again
      response.addHeader("Set-Cookie", Kiosks.COOKIE + "=; Path=/; Max-Age=0; HttpOnly");
      chain.doFilter(request, response);
      return;
    }
    int idle = device.get().idleSeconds();
    response.setHeader("Cache-Control", "no-store");
    long now = clock.millis();
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(LAST_SEEN) instanceof Long last
        && now - last > idle * 1000L) {
      startOver(request, response);
      response.sendRedirect(request.getContextPath() + "/kios");
      return;
    }
    String own = "/kecamatan/" + office.get().slug();
    if (!ALLOWED.matcher(path).matches() && !path.equals(own) && !path.startsWith(own + "/")) {
      response.sendRedirect(request.getContextPath() + "/kios");
      return;
    }
    session = request.getSession(true);
    session.setAttribute(LAST_SEEN, now);
    session.setMaxInactiveInterval(idle);
    request.setAttribute(
        KioskMode.ATTRIBUTE, new KioskMode(office.get().slug(), office.get().displayName(), idle));
    chain.doFilter(request, response);
  }

  /** Ends the session and forgets the language chosen: the next person starts clean. */
  static void startOver(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.addHeader("Set-Cookie", "lang=; Path=/; Max-Age=0");
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    return List.of(cookies).stream()
        .filter(c -> name.equals(c.getName()))
        .map(Cookie::getValue)
        .findFirst()
        .orElse(null);
  }
}
