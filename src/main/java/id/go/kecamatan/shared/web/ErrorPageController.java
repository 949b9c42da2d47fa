package id.go.kecamatan.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Error pages in the visitor's language, in the site layout, without details of the cause. */
@Controller
class ErrorPageController implements ErrorController {

  private final MessageSource messages;

  ErrorPageController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    response.setStatus(status);
    String kind =
        switch (status) {
          case 400 -> "badRequest";
          case 403 -> "forbidden";
          case 404, 405 -> "notFound";
          case 413 -> "tooLarge";
          default -> "server";
        };
    model.addAttribute("page", Pages.of(request, messages));
    model.addAttribute("kind", kind);
    model.addAttribute("status", status);
    return "error";
  }
}
