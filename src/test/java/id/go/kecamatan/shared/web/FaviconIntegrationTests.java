package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers ask for /favicon.ico whatever the page links: it is a real icon, not a 404. */
@IntegrationTest
class FaviconIntegrationTests {

  @LocalServerPort int port;

  @Test
  void theFaviconIsASmallIcon() {
    HttpResponse<byte[]> icon = new WebClient(port).getBytes("/favicon.ico");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse(""))
        .matches("image/(x-icon|vnd\\.microsoft\\.icon)");
    byte[] body = icon.body();
    // an ICO header: reserved 0, type 1 (icon), at least one image
    assertThat(body.length).isBetween(22, 4096);
    assertThat(new byte[] {body[0], body[1], body[2], body[3]}).containsExactly(0, 0, 1, 0);
    assertThat(body[4] & 0xff).isGreaterThanOrEqualTo(1);
  }
}
