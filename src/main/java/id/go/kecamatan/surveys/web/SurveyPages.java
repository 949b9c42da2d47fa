package id.go.kecamatan.surveys.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import id.go.kecamatan.surveys.OfficeQuestions;
import id.go.kecamatan.surveys.ResponseChannel;
import id.go.kecamatan.surveys.Responses;
import id.go.kecamatan.surveys.Responses.Result;
import id.go.kecamatan.surveys.Responses.Status;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey for residents: the invitation's single-use link ({@code /survei/<token>}), the
 * office's walk-in form reached by the QR code ({@code /kecamatan/<slug>/survei}, limited per
 * address), and the thanks page, which offers a way to complain after a low score.
 */
@Controller
class SurveyPages {

  private final Responses responses;
  private final OfficeQuestions questions;
  private final Offices offices;
  private final Catalog catalog;
  private final ComplaintLink complaints;
  private final RateLimit walkIns;

  SurveyPages(
      Responses responses,
      Offices offices,
      Catalog catalog,
      ComplaintLink complaints,
      OfficeQuestions questions,
      RateLimits limits,
      @Value("${layanan.surveys.walk-ins-per-hour-per-address:30}") int perHour) {
    this.responses = responses;
    this.offices = offices;
    this.catalog = catalog;
    this.complaints = complaints;
    this.questions = questions;
    this.walkIns = limits.limit("survey-walk-ins-per-address", perHour, Duration.ofHours(1));
  }

  @GetMapping("/survei/{token}")
  String invitation(@PathVariable String token, HttpServletResponse response, Model model) {
    Result result = responses.invitation(token);
    if (result.status() != Status.OPEN) {
      return closed(result, response, model);
    }
    return invitationForm(token, result.officeId(), new FieldErrors(), Map.of(), model);
  }

  @PostMapping("/survei/{token}")
  String answerInvitation(
      @PathVariable String token,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    Result result = responses.answerInvitation(token, form);
    return switch (result.status()) {
      case SAVED -> thanks(result);
      case INVALID -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        yield invitationForm(token, result.officeId(), result.errors(), form, model);
      }
      default -> closed(result, response, model);
    };
  }

  @GetMapping(Responses.WALK_IN_FORM)
  String walkIn(@PathVariable String slug, Model model) {
    return walkInForm(office(slug), new FieldErrors(), Map.of(), model);
  }

  @PostMapping(Responses.WALK_IN_FORM)
  String answerWalkIn(
      @PathVariable String slug,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Office office = office(slug);
    long wait = walkIns.take(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(wait));
      return walkInForm(
          office, new FieldErrors().reject("limited", "surveys.error.tooMany", wait), form, model);
    }
    Result result = responses.answer(office.id(), ResponseChannel.WALK_IN, form);
    if (result.status() != Status.SAVED) {
      walkIns.giveBack(request.getRemoteAddr());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return walkInForm(office, result.errors(), form, model);
    }
    return thanks(result);
  }

  @GetMapping(Responses.WALK_IN_FORM + "/terima-kasih")
  String thanks(
      @PathVariable String slug,
      @RequestParam(name = "pengaduan", required = false) String low,
      Model model) {
    Office office = office(slug);
    model.addAttribute("office", office);
    model.addAttribute("low", low != null);
    model.addAttribute("complaintPath", complaints.of(office));
    return "surveys/thanks";
  }

  private String thanks(Result result) {
    Office office = offices.get(result.officeId());
    return "redirect:" + walkInPath(office) + "/terima-kasih" + (result.low() ? "?pengaduan" : "");
  }

  /** The office's walk-in form, the thanks page under it. */
  private static String walkInPath(Office office) {
    return Responses.WALK_IN_FORM.replace("{slug}", office.slug());
  }

  private String invitationForm(
      String token, UUID officeId, FieldErrors errors, Map<String, String> values, Model model) {
    model.addAttribute("office", offices.get(officeId));
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("action", "/survei/" + token);
    model.addAttribute("extra", questions.active(officeId));
    return "surveys/answer";
  }

  private String walkInForm(
      Office office, FieldErrors errors, Map<String, String> values, Model model) {
    model.addAttribute("office", office);
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("action", walkInPath(office));
    model.addAttribute("services", catalog.activeServices(office.id(), ""));
    model.addAttribute("extra", questions.active(office.id()));
    return "surveys/answer";
  }

  private String closed(Result result, HttpServletResponse response, Model model) {
    String reason =
        switch (result.status()) {
          case ALREADY_ANSWERED -> "used";
          case EXPIRED -> "expired";
          default -> "unknown";
        };
    response.setStatus(
        result.status() == Status.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
    model.addAttribute("office", result.officeId() == null ? null : offices.get(result.officeId()));
    model.addAttribute("reason", reason);
    return "surveys/closed";
  }

  private Office office(String slug) {
    return offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
  }
}
