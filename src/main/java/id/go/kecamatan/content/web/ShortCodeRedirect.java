package id.go.kecamatan.content.web;

import id.go.kecamatan.content.ShortCodes;
import id.go.kecamatan.shared.web.CampaignTag;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /q/<code>}, the address every poster's QR code carries: counts the scan and redirects to
 * the office's page or its service. Never cached, so each scan reaches the server and is counted;
 * no cookie is set and nothing about the visitor is stored. An address that scans more than {@value
 * #SCANS_PER_MINUTE} times a minute is still redirected, but its further scans are not counted, so
 * a script cannot inflate a poster's figures (a carrier's shared address carries many phones, hence
 * the generous number).
 */
@Controller
class ShortCodeRedirect {

  static final int SCANS_PER_MINUTE = 30;

  private final ShortCodes codes;
  private final RateLimit scans;

  ShortCodeRedirect(ShortCodes codes, RateLimits limits) {
    this.codes = codes;
    this.scans = limits.perMinute("short-code-scans-per-address", SCANS_PER_MINUTE);
  }

  @GetMapping("/q/{code}")
  ResponseEntity<Void> follow(@PathVariable String code, HttpServletRequest request) {
    boolean counted = CampaignTag.of(code).isPresent() && scans.take(request.getRemoteAddr()) == 0;
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, codes.follow(code, counted))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
