package id.go.kecamatan.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Error pages in the visitor's language, in the site layout, without details of the cause. */
@Controller
class ErrorPageController implements ErrorController {

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final MessageSource messages;
  private final java.time.Clock clock;

  ErrorPageController(MessageSource messages, java.time.Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * API clients get a JSON problem (RFC 9457) instead of a page, titled in Indonesian, or English
   * with {@code Accept-Language: en}, like the problems the API's controllers answer with.
   */
  @RequestMapping(path = "/error", produces = "application/json")
  org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> apiError(
      HttpServletRequest request) {
    org.springframework.http.ProblemDetail problem = problem(request);
    return org.springframework.http.ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The problem of a failed request: its status, a title saying what went wrong in the client's
   * language ({@code api.problem.<status>}; a 4xx without its own title is a request that cannot be
   * processed, a 5xx a failure of the server) and the path, reduced to plain URL characters.
   */
  private org.springframework.http.ProblemDetail problem(HttpServletRequest request) {
    int status = status(request);
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatus(status);
    java.util.Locale locale = ApiProblems.locale(request);
    String fallback = status >= 500 ? "api.problem.5xx" : "api.problem.4xx";
    String key =
        status == 400 && request.getAttribute(ControlCharacterFilter.REJECTED) != null
            ? "api.problem.controlCharacters"
            : "api.problem." + status;
    problem.setTitle(
        messages.getMessage(
            key, null, messages.getMessage(fallback, null, fallback, locale), locale));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
    }
    return problem;
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
      // the API's problem also for a client that accepts no JSON (the status says enough)
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8);
      org.springframework.http.ProblemDetail problem = problem(request);
      java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("title", problem.getTitle());
      body.put("status", problem.getStatus());
      if (problem.getInstance() != null) {
        body.put("instance", problem.getInstance().toString());
      }
      response.getWriter().write(JSON.writeValueAsString(body));
      return null;
    }
    boolean controlCharacters = request.getAttribute(ControlCharacterFilter.REJECTED) != null;
    String kind =
        switch (status) {
          case 400 -> controlCharacters ? "controlCharacters" : "badRequest";
          case 403 ->
              request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                  ? "expired"
                  : "forbidden";
          case 404, 405 -> "notFound";
          case 413 -> "tooLarge";
          case 503 -> "busy";
          default -> "server";
        };
    model.addAttribute("page", Pages.of(request, messages, clock.getZone()));
    model.addAttribute("kind", kind);
    model.addAttribute("status", status);
    return "error";
  }
}
