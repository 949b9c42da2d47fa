package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where an upload over the limit is sent back to: this site only. */
class UploadLimitFilterTests {

  static String pathOf(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    return UploadLimitFilter.sameSitePath(request);
  }

  @Test
  void sendsTheUserBackToTheSamePath() {
    assertThat(pathOf("/permohonan/1/berkas/2")).isEqualTo("/permohonan/1/berkas/2");
  }

  @Test
  void neverRedirectsToAnotherHost() {
    assertThat(pathOf("//evil.example/x")).isEqualTo("/");
    assertThat(pathOf("/\\evil.example/x")).isEqualTo("/");
    assertThat(pathOf("/a\r\nSet-Cookie: x=1")).isEqualTo("/");
  }
}
