package id.go.kecamatan.notifications.web;

import id.go.kecamatan.notifications.internal.MessageLog;
import id.go.kecamatan.notifications.internal.MessageRetention;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office administrator's message log: what the office sent to whom (masked), by which channel,
 * with what outcome, and the full text of messages that went to the log instead of a gateway; the
 * page says how long messages are kept ({@link MessageRetention}).
 */
@Controller
class MessageLogController {

  private static final int MAX_PAGE = 10_000;

  private final MessageLog log;
  private final MessageRetention retention;

  MessageLogController(MessageLog log, MessageRetention retention) {
    this.log = log;
    this.retention = retention;
  }

  @GetMapping("/admin/pesan")
  String list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "halaman", required = false) String page,
      Model model) {
    FieldErrors errors = new FieldErrors();
    Optional<MessageLog.Filter> filter = MessageLog.Filter.parse(status);
    if (filter.isEmpty()) {
      errors.reject("status", "notifications.filter.invalid");
    }
    MessageLog.Filter chosen = filter.orElse(MessageLog.Filter.ALL);
    MessageLog.Listing listing =
        log.list(CurrentOfficer.inOffice().officeId(), chosen, pageNumber(page));
    model.addAttribute("listing", listing);
    model.addAttribute("filter", chosen);
    model.addAttribute("filters", MessageLog.Filter.values());
    model.addAttribute("retention", retention);
    model.addAttribute("errors", errors);
    return "notifications/log";
  }

  /** The page asked for; the first for anything that is not a page number (links only). */
  private static int pageNumber(String page) {
    if (page == null || !page.matches("[0-9]{1,5}")) {
      return 1;
    }
    int number = Integer.parseInt(page);
    return number >= 1 && number <= MAX_PAGE ? number : 1;
  }
}
