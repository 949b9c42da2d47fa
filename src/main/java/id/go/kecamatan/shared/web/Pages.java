package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.security.CurrentOfficer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Page} of a request. */
public final class Pages {

  private Pages() {}

  public static Page of(HttpServletRequest request, MessageSource messages) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Object originalUri = request.getAttribute("jakarta.servlet.error.request_uri");
    String path = originalUri instanceof String uri ? uri : request.getRequestURI();
    return new Page(
        messages,
        RequestContextUtils.getLocale(request),
        csrf,
        CurrentOfficer.get().orElse(null),
        path,
        originalUri == null ? request.getQueryString() : null,
        request.getAttribute(KioskMode.ATTRIBUTE) instanceof KioskMode kiosk ? kiosk : null);
  }
}
