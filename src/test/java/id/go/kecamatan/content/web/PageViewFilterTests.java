package id.go.kecamatan.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simple rule that keeps crawlers, link previews and scripts out of the visit figures. */
class PageViewFilterTests {

  @Test
  void browsersOfPeopleCount() {
    assertThat(
            PageViewFilter.person(
                "Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/120.0 Mobile Safari/537.36"))
        .isTrue();
    assertThat(
            PageViewFilter.person(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"))
        .isTrue();
  }

  @Test
  void machinesDoNot() {
    for (String agent :
        new String[] {
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
          "facebookexternalhit/1.1",
          "WhatsApp/2.23.20.0 A",
          "TelegramBot (like TwitterBot)",
          "curl/8.4.0",
          "python-requests/2.31",
          "Java-http-client/17.0.9",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0",
          "",
          "   "
        }) {
      assertThat(PageViewFilter.person(agent)).as(agent).isFalse();
    }
    assertThat(PageViewFilter.person(null)).isFalse();
  }
}
