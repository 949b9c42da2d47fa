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

  /** API clients get a JSON problem (RFC 9457) instead of a page. */
  @RequestMapping(path = "/error", produces = "application/json")
  org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> apiError(
      HttpServletRequest request) {
    int status = status(request);
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatus(status);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
    }
    return org.springframework.http.ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer value ? value : 500;
  }

  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model)
      throws java.io.IOException {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int status = status(request);
    response.setStatus(status);
    if (original instanceof String path && path.startsWith("/api/")) {
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + "}");
      return null;
    }
    boolean controlCharacters = request.getAttribute(ControlCharacterFilter.REJECTED) != null;
    String kind =
        switch (status) {
          case 400 -> controlCharacters ? "controlCharacters" : "badRequest";
          case 403 -> "forbidden";
          case 404, 405 -> "notFound";
          case 413 -> "tooLarge";
          case 503 -> "busy";
          default -> "server";
        };
    model.addAttribute("page", Pages.of(request, messages));
    model.addAttribute("kind", kind);
    model.addAttribute("status", status);
    return "error";
  }
}
