package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The language link of a page that answers a form leads to the page the form was on: the English
 * walk switched to Indonesian on the application's consent error (POST /permohonan/<id>/kirim) and
 * got "page not found", as that address answers only POST.
 */
class PagesTests {

  private static String languageLink(MockHttpServletRequest request) {
    request.setPreferredLocales(java.util.List.of(Locale.ENGLISH));
    return Pages.of(request, new StaticMessageSource(), Zone.WIB.id()).otherLanguageUrl();
  }

  private static MockHttpServletRequest request(String method, String uri, String referer) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    request.addHeader("Host", "layanan.example:8080");
    if (referer != null) {
      request.addHeader("Referer", referer);
    }
    return request;
  }

  @Test
  void aPageAnsweringAFormLinksTheFormsPageInTheOtherLanguage() {
    assertThat(
            languageLink(
                request(
                    "POST",
                    "/permohonan/d1/kirim",
                    "http://layanan.example:8080/permohonan/d1/periksa")))
        .isEqualTo("/permohonan/d1/periksa?lang=id");
    assertThat(
            languageLink(
                request(
                    "POST",
                    "/janji/kelola/ABC/batal",
                    "https://layanan.example:8080/janji/kelola/ABC?tanggal=2026-12-09&lang=en")))
        .isEqualTo("/janji/kelola/ABC?tanggal=2026-12-09&lang=id");
  }

  @Test
  void withoutAFormPageOfThisSiteTheLinkIsThePagesOwnAddress() {
    assertThat(languageLink(request("POST", "/status", null))).isEqualTo("/status?lang=id");
    assertThat(languageLink(request("POST", "/status", "https://elsewhere.example/status")))
        .isEqualTo("/status?lang=id");
    assertThat(languageLink(request("POST", "/status", "not an address at all")))
        .isEqualTo("/status?lang=id");
    assertThat(languageLink(request("POST", "/status", "javascript:alert(1)")))
        .isEqualTo("/status?lang=id");
    MockHttpServletRequest get =
        request("GET", "/status", "http://layanan.example:8080/kecamatan/jetis");
    get.setQueryString("kode=351616-K7M3QPX9");
    assertThat(languageLink(get)).isEqualTo("/status?kode=351616-K7M3QPX9&lang=id");
  }
}
