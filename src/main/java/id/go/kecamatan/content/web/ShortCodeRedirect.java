package id.go.kecamatan.content.web;

import id.go.kecamatan.content.ShortCodes;
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
 * no cookie is set and nothing about the visitor is stored.
 */
@Controller
class ShortCodeRedirect {

  private final ShortCodes codes;

  ShortCodeRedirect(ShortCodes codes) {
    this.codes = codes;
  }

  @GetMapping("/q/{code}")
  ResponseEntity<Void> follow(@PathVariable String code) {
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, codes.follow(code))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
