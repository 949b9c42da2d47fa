package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a link that leaves the site carries (a letter's QR code, a message, a poster, a
 * shared page): the configured public address whatever address the page was opened at, so a
 * WhatsApp share from an internal address still works; without one, the address of the request.
 */
class PublicAddressTests {

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void linksUseTheConfiguredPublicAddressWhateverTheRequestsAddress() {
    inRequest("http", "10.0.0.7", 8080);
    PublicAddress address =
        new PublicAddress(" https://layanan.mojokertokab.go.id/ ", new MockEnvironment());

    assertThat(address.base()).isEqualTo("https://layanan.mojokertokab.go.id");
    assertThat(address.of("/kecamatan/{slug}/layanan/{code}", "jetis", "SKW"))
        .isEqualTo("https://layanan.mojokertokab.go.id/kecamatan/jetis/layanan/SKW");
    assertThat(address.of("/kecamatan/{slug}/logo", "jetis"))
        .isEqualTo("https://layanan.mojokertokab.go.id/kecamatan/jetis/logo");
  }

  @Test
  void withoutOneLinksUseTheAddressTheRequestCameTo() {
    inRequest("https", "kecamatan.example.id", 443);
    PublicAddress address = new PublicAddress("", new MockEnvironment());

    assertThat(address.base()).isEqualTo("https://kecamatan.example.id");
    assertThat(address.of("/v/{code}", "ABCD")).isEqualTo("https://kecamatan.example.id/v/ABCD");
  }

  @Test
  void outsideARequestWithoutOneLinksGoToThisServerOnLocalhost() {
    MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234");

    assertThat(new PublicAddress(null, environment).base()).isEqualTo("http://localhost:41234");
    assertThat(new PublicAddress("", new MockEnvironment()).base())
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void beforeTheServerListensLinksGoToThePortItWillTake() {
    // the demo's letters are signed while the application starts, e.g. with SERVER_PORT=18080
    MockEnvironment configured = new MockEnvironment().withProperty("server.port", "18080");
    assertThat(new PublicAddress("", configured).base()).isEqualTo("http://localhost:18080");
    MockEnvironment random = new MockEnvironment().withProperty("server.port", "0");
    assertThat(new PublicAddress("", random).base()).isEqualTo("http://localhost:8080");
  }

  private static void inRequest(String scheme, String host, int port) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setScheme(scheme);
    request.setServerName(host);
    request.setServerPort(port);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }
}
