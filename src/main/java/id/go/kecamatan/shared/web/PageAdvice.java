package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the {@link Page} to every model. */
@ControllerAdvice
class PageAdvice {

  private final MessageSource messages;
  private final Clock clock;

  PageAdvice(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  @ModelAttribute("page")
  Page page(HttpServletRequest request) {
    return Pages.of(request, messages, clock.getZone());
  }
}
