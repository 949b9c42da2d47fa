package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The browser protections every answer carries, and compression. */
@IntegrationTest
class SecurityHeadersIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private static void assertProtected(String what, HttpHeaders headers) {
    String csp = headers.firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .as(what)
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(
            headers.firstValue("X-Frame-Options").isPresent()
                || csp.contains("frame-ancestors 'none'"))
        .as(what + " frame protection")
        .isTrue();
    assertThat(headers.firstValue("Referrer-Policy")).as(what).isPresent();
  }

  @Test
  void publicAndAdminPagesCarryTheSecurityHeaders() {
    WebClient anonymous = new WebClient(port);
    for (String path :
        List.of("/", "/kecamatan/jetis", "/kecamatan/jetis/layanan/SKTM", "/masuk", "/tidak-ada")) {
      HttpResponse<String> response = anonymous.get(path);
      assertProtected(path, response.headers());
    }
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    for (String path : List.of("/admin", "/admin/kantor", "/admin/layanan", "/admin/staf")) {
      HttpResponse<String> response = admin.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertProtected(path, response.headers());
      assertThat(response.headers().firstValue("Cache-Control"))
          .as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
    assertProtected("api", anonymous.get("/api/v1/offices").headers());
  }

  @Test
  void pagesHaveNoInlineScriptsOrStyles() {
    String page = new WebClient(port).get("/kecamatan/jetis").body();
    assertThat(page)
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
        .doesNotContain(" style=\"")
        .doesNotContain("<style");
  }

  @Test
  void sessionCookieIsHttpOnly() {
    WebClient client = new WebClient(port);
    HttpResponse<String> response = client.get("/masuk");
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("SESSION=")
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void responsesAreCompressedWhenAsked() throws IOException {
    WebClient client = new WebClient(port);
    for (String path :
        List.of(
            "/kecamatan/jetis",
            "/kecamatan/jetis/layanan/SKTM",
            "/api/v1/offices/jetis/services",
            "/api/openapi.json")) {
      HttpResponse<byte[]> response = client.getBytes(path, "Accept-Encoding", "gzip");
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      String body;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(body).as(path).isNotEmpty();
    }
    assertThat(client.getBytes("/kecamatan/jetis").headers().firstValue("Content-Encoding"))
        .isEmpty();
  }

  @Test
  void theLogoIsServedWithNosniff() throws IOException {
    UUID purwokerto =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
    jdbc.sql(
            "update office set logo = ?, logo_content_type = 'image/png' where id = ? and logo is null")
        .params(png.toByteArray(), purwokerto)
        .update();
    HttpResponse<byte[]> response =
        new WebClient(port).getBytes("/kecamatan/purwokerto-utara/logo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(new WebClient(port).getBytes("/kecamatan/tidak-ada/logo").statusCode())
        .isEqualTo(404);
  }
}
