package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A public page sent again from memory to the next anonymous visitor is the page its controller
 * sends: the same bytes and headers (the security headers, no-cache, its tag, 304 to a browser
 * holding it), compressed for a browser that takes gzip, with a request id of its own; a visitor
 * with a cookie or credentials always gets a page made for them.
 */
@IntegrationTest
class RenderedPagesIntegrationTests {

  static final String PAGE = "/kecamatan/jetis/layanan/SKTM";

  @LocalServerPort int port;
  @Autowired RenderedPages pages;

  @Test
  void theNextAnonymousVisitorGetsTheSamePageWithTheSameHeadersFromMemory() throws IOException {
    pages.clear();
    WebClient visitor = new WebClient(port);
    HttpResponse<byte[]> rendered = visitor.getBytes(PAGE);
    // kept once the page went out
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pages.size() == 1);

    HttpResponse<byte[]> fromMemory = visitor.getBytes(PAGE);
    assertThat(fromMemory.statusCode()).isEqualTo(200);
    assertThat(fromMemory.body()).isEqualTo(rendered.body());
    assertThat(headers(fromMemory.headers())).isEqualTo(headers(rendered.headers()));
    assertThat(fromMemory.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(fromMemory.headers().firstValue("X-Request-Id"))
        .isPresent()
        .isNotEqualTo(rendered.headers().firstValue("X-Request-Id"));

    HttpResponse<byte[]> gzip = visitor.getBytes(PAGE, "Accept-Encoding", "gzip");
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzip.headers().firstValue("Vary").orElse(""))
        .containsIgnoringCase("accept-encoding");
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes())
        .isEqualTo(rendered.body());
    assertThat(headers(gzip.headers())).isEqualTo(headers(rendered.headers()));

    String tag = rendered.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> unchanged = visitor.getBytes(PAGE, "If-None-Match", tag);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().firstValue("ETag")).hasValue(tag);
    assertThat(unchanged.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(pages.size()).isEqualTo(1);
  }

  @Test
  void aVisitorWithACookieGetsThePageMadeForThem() {
    WebClient visitor = new WebClient(port);
    assertThat(visitor.get(PAGE).body()).contains("lang=\"id\"");
    assertThat(visitor.get(PAGE).body()).as("kept in Indonesian").contains("lang=\"id\"");
    // the language chosen earlier, in its cookie
    HttpResponse<String> english = visitor.get(PAGE, "Cookie", "lang=en");
    assertThat(english.body()).contains("lang=\"en\"");
    assertThat(english.headers().firstValue("Set-Cookie")).isEmpty();
    // a signed-in officer: the page with the sign-out, never kept
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    HttpResponse<String> staff = officer.get(PAGE);
    assertThat(staff.body()).contains("action=\"/keluar\"");
    assertThat(staff.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(visitor.get(PAGE).body()).doesNotContain("action=\"/keluar\"");
  }

  @Test
  void aVisitorWhoChoseEnglishGetsTheEnglishPageFromMemoryKeptApart() {
    pages.clear();
    WebClient visitor = new WebClient(port);
    HttpResponse<String> english = visitor.get(PAGE, "Cookie", "lang=en");
    assertThat(english.body()).contains("lang=\"en\"");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pages.size() == 1);

    long sent = pages.sent();
    HttpResponse<String> again = visitor.get(PAGE, "Cookie", "lang=en");
    assertThat(again.body()).isEqualTo(english.body());
    assertThat(pages.sent()).as("from memory").isEqualTo(sent + 1);
    assertThat(visitor.get(PAGE).body()).as("Indonesian, kept apart").contains("lang=\"id\"");
    assertThat(visitor.get(PAGE, "Cookie", "lang=id").body()).contains("lang=\"id\"");

    // any other cookie beside the language: the whole chain, never from memory
    long before = pages.sent();
    HttpResponse<String> session = visitor.get(PAGE, "Cookie", "lang=en; SESSION=bukan-sesi");
    assertThat(session.body()).contains("lang=\"en\"");
    assertThat(visitor.get(PAGE, "Cookie", "lang=en; kiosk=1").statusCode()).isEqualTo(200);
    assertThat(pages.sent()).isEqualTo(before);
  }

  @Test
  void addressesAnyoneTypesDoNotFillTheMemory() {
    pages.clear();
    WebClient visitor = new WebClient(port);
    String longQuery = "?utm=" + "x".repeat(RenderedPages.LONGEST_QUERY);
    assertThat(visitor.get(PAGE + longQuery).statusCode()).isEqualTo(200);
    assertThat(visitor.get("/kecamatan/tidak-ada").statusCode()).isEqualTo(404);
    // a page that is kept, as a mark that the requests before it were done with
    visitor.get("/kabupaten/35.16");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pages.size() == 1);
    assertThat(pages.keeps(PAGE)).as("a long query string, an error are not kept").isFalse();
    for (int i = 0; i < 5; i++) {
      visitor.get(PAGE + "?k=" + i);
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pages.size() == 6);
  }

  @Test
  void gzipIsWhatTheBrowserAccepts() {
    assertThat(accepts("gzip, deflate, br")).isTrue();
    assertThat(accepts("br;q=1.0, GZIP;q=0.5")).isTrue();
    assertThat(accepts("gzip;q=0")).isFalse();
    assertThat(accepts("deflate")).isFalse();
    assertThat(accepts(null)).isFalse();
  }

  private static boolean accepts(String header) {
    org.springframework.mock.web.MockHttpServletRequest request =
        new org.springframework.mock.web.MockHttpServletRequest("GET", PAGE);
    if (header != null) {
      request.addHeader("Accept-Encoding", header);
    }
    return RenderedPages.acceptsGzip(request);
  }

  /** The headers that belong to the page (not the connection's, nor the request's id). */
  private static Map<String, List<String>> headers(HttpHeaders headers) {
    return headers.map().entrySet().stream()
        .filter(
            e ->
                !List.of(
                        "date",
                        "x-request-id",
                        "content-length",
                        "content-encoding",
                        "vary",
                        "keep-alive",
                        "connection")
                    .contains(e.getKey().toLowerCase()))
        .collect(
            Collectors.toMap(
                e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }
}
