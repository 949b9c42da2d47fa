package id.go.kecamatan.notifications.web;

import id.go.kecamatan.notifications.internal.FailedMessages;
import id.go.kecamatan.notifications.internal.MessageLog;
import id.go.kecamatan.notifications.internal.MessageRetention;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's message log: what the office sent to whom (masked), by which channel,
 * with what outcome, and the full text of messages that went to the log instead of a gateway; the
 * page says how long messages are kept ({@link MessageRetention}). A failed message can be sent
 * again ({@link FailedMessages}).
 */
@Controller
class MessageLogController {

  private static final int MAX_PAGE = 10_000;

  private final MessageLog log;
  private final MessageRetention retention;
  private final FailedMessages failed;

  MessageLogController(MessageLog log, MessageRetention retention, FailedMessages failed) {
    this.log = log;
    this.retention = retention;
    this.failed = failed;
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

  @PostMapping("/admin/pesan/{id}/kirim-ulang")
  String resend(
      @PathVariable UUID id,
      @RequestParam(name = "status", required = false) String status,
      RedirectAttributes redirect) {
    switch (failed.resend(CurrentOfficer.inOffice().officeId(), id)) {
      case RESENT -> redirect.addFlashAttribute("notice", "notifications.resend.done");
      case NOT_FAILED -> redirect.addFlashAttribute("conflict", "notifications.resend.notFailed");
      case SIGN_IN_CODE ->
          redirect.addFlashAttribute("conflict", "notifications.resend.signInCode");
      case NOT_FOUND -> redirect.addFlashAttribute("conflict", "notifications.resend.notFound");
    }
    // back to the list the administrator was looking at
    MessageLog.Filter back = MessageLog.Filter.parse(status).orElse(MessageLog.Filter.ALL);
    return "redirect:/admin/pesan"
        + (back == MessageLog.Filter.ALL ? "" : "?status=" + back.name());
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
