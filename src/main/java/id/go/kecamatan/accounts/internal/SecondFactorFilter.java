package id.go.kecamatan.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor: an officer whose authentication is marked {@link
 * #CODE} (type the app's code) or {@link #ENROL} (set up the app first) reaches only those pages,
 * the sign-out and the static files; every other request is sent to the page that is due, and a
 * write is not carried out.
 */
public class SecondFactorFilter extends OncePerRequestFilter {

  /** The password was right; the code from the app is due. */
  public static final String CODE = "SECOND_FACTOR_CODE";

  /** The password was right; the account must set up its authenticator app first. */
  public static final String ENROL = "SECOND_FACTOR_ENROL";

  /** Given once the second factor is done (Spring Security's naming of factors). */
  public static final String DONE = "FACTOR_TOTP";

  static final String CODE_PAGE = "/masuk/kode";
  static final String ENROL_PAGE = "/masuk/dua-langkah";

  /** Also open: the sign-out, static files, and the demo's page of codes (only in the demo). */
  private static final List<String> OPEN =
      List.of("/keluar", "/css/", "/js/", "/favicon.ico", "/favicon.svg", "/error", "/demo/");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String due = due(SecurityContextHolder.getContext().getAuthentication());
    if (due != null) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean open =
          path.equals(due)
              || path.startsWith(due + "/")
              || OPEN.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
      if (!open) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + due);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The page still due for this authentication, or null. */
  static String due(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return null;
    }
    for (var authority : auth.getAuthorities()) {
      if (CODE.equals(authority.getAuthority())) {
        return CODE_PAGE;
      }
      if (ENROL.equals(authority.getAuthority())) {
        return ENROL_PAGE;
      }
    }
    return null;
  }
}
