package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatePartsFilterTests {

  @Test
  void threeFieldsBecomeOneIsoDateAndBack() {
    assertThat(DatePartsFilter.combine("31", "1", "1990")).isEqualTo("1990-01-31");
    assertThat(DatePartsFilter.combine(" 5 ", "05", "1980")).isEqualTo("1980-05-05");
    assertThat(DatePartsFilter.combine("", "", "")).isEmpty();
    assertThat(DatePartsFilter.combine(null, null, null)).isEmpty();
    // what is not a date is kept as typed, for the rule to refuse and the form to show again
    assertThat(DatePartsFilter.combine("31", "2", "1990")).isEqualTo("1990-02-31");
    assertThat(DatePartsFilter.combine("ab", "", "1990")).isEqualTo("1990--ab");
    assertThat(DatePartsFilter.combine("1-2", "3", "4")).isEqualTo("4-03-12");
    assertThat(DatePartsFilter.split("1990-01-31")).containsExactly("31", "1", "1990");
    assertThat(DatePartsFilter.split("1990--ab")).containsExactly("ab", "", "1990");
    assertThat(DatePartsFilter.split("")).containsExactly("", "", "");
    assertThat(DatePartsFilter.split("garbage")).containsExactly("", "", "");
  }

  @Test
  void aPostedFormReadsTheDateAsOneParameterAndKeepsAnExplicitOne() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/permohonan/x/identitas");
    request.setContentType("application/x-www-form-urlencoded");
    request.addParameter("birthDate-day", "7");
    request.addParameter("birthDate-month", "12");
    request.addParameter("birthDate-year", "2001");
    request.addParameter("other-day", "1");
    request.addParameter("other", "2020-02-02");
    MockFilterChain chain = new MockFilterChain();
    new DatePartsFilter().doFilter(request, new MockHttpServletResponse(), chain);
    var seen = chain.getRequest();
    assertThat(seen.getParameter("birthDate")).isEqualTo("2001-12-07");
    assertThat(seen.getParameterMap()).containsKey("birthDate");
    assertThat(seen.getParameter("other")).isEqualTo("2020-02-02");
    assertThat(seen.getParameter("birthDate-day")).isEqualTo("7");
  }
}
