package id.go.kecamatan.appointments.web;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.appointments.KtpCardKeys;
import id.go.kecamatan.appointments.KtpCardStatus;
import id.go.kecamatan.appointments.KtpCards;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The resident's e-KTP status page, without an account: the look-up with the card's code and the
 * last four digits of the phone number or the NIK, then where the card is, each step with its date,
 * and what to bring to pick it up. The session remembers the cards it opened (never the URL), like
 * the complaints' look-up; look-ups are limited per address against guessing.
 */
@Controller
class KtpCardStatusController {

  private static final String GRANTS = "resident.ktp";
  private static final int MAX_GRANTS = 10;

  private final KtpCards cards;
  private final KtpCardKeys keys;
  private final Offices offices;
  private final OpeningHours hours;
  private final KtpLookupLimits limits;

  KtpCardStatusController(
      KtpCards cards,
      KtpCardKeys keys,
      Offices offices,
      OpeningHours hours,
      KtpLookupLimits limits) {
    this.cards = cards;
    this.keys = keys;
    this.offices = offices;
    this.hours = hours;
    this.limits = limits;
  }

  @GetMapping("/ktp-el")
  String lookup(@RequestParam(name = "kode", required = false) String code, Model model) {
    return lookupPage(
        model, code == null ? "" : KtpCardStaffController.cut(code, 30), new FieldErrors());
  }

  @PostMapping("/ktp-el")
  String open(
      @RequestParam(name = "kode", defaultValue = "") String code,
      @RequestParam(name = "kunci", defaultValue = "") String key,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    FieldErrors errors = new FieldErrors();
    String shown = KtpCardStaffController.cut(code, 30);
    long wait = limits.lookup(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return lookupPage(
          model, shown, errors.reject("kode", "appointments.ktp.error.limited", wait));
    }
    if (code.isBlank()) {
      errors.reject("kode", "appointments.ktp.error.codeRequired");
    }
    if (key.isBlank()) {
      errors.reject("kunci", "appointments.ktp.error.keyRequired");
    }
    if (!errors.any()) {
      Optional<String> opened = keys.open(code, key);
      if (opened.isPresent()) {
        grant(request, opened.get());
        return "redirect:/ktp-el/" + opened.get();
      }
      errors.reject("kode", "appointments.ktp.error.notFound");
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return lookupPage(model, shown, errors);
  }

  private static String lookupPage(Model model, String code, FieldErrors errors) {
    model.addAttribute("code", code);
    model.addAttribute("errors", errors);
    return "appointments/ktp-lookup";
  }

  @GetMapping("/ktp-el/{code}")
  String show(@PathVariable String code, HttpServletRequest request, Model model) {
    Optional<KtpCards.Card> card =
        TrackingCode.parse(code)
            .map(TrackingCode::value)
            .filter(c -> may(request, c))
            .flatMap(keys::forResident);
    if (card.isEmpty()) {
      return TrackingCode.parse(code)
          .map(c -> "redirect:/ktp-el?kode=" + c.value())
          .orElse("redirect:/ktp-el");
    }
    KtpCards.Card c = card.get();
    model.addAttribute("card", c);
    model.addAttribute("officeName", offices.get(c.officeId()).displayName());
    model.addAttribute("office", offices.get(c.officeId()));
    model.addAttribute(
        "hours",
        c.status() == KtpCardStatus.READY_FOR_PICKUP
            ? hours.lines(c.officeId(), RequestContextUtils.getLocale(request))
            : List.of());
    model.addAttribute("steps", cards.steps(c.officeId(), c.id()));
    model.addAttribute("stages", Arrays.stream(KtpCardStatus.values()).toList());
    return "appointments/ktp-status";
  }

  private static void grant(HttpServletRequest request, String code) {
    HttpSession session = request.getSession(true);
    List<String> next = new ArrayList<>();
    if (session.getAttribute(GRANTS) instanceof List<?> granted) {
      granted.forEach(g -> next.add(String.valueOf(g)));
    }
    next.remove(code);
    next.add(code);
    while (next.size() > MAX_GRANTS) {
      next.remove(0);
    }
    session.setAttribute(GRANTS, next);
  }

  private static boolean may(HttpServletRequest request, String code) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(GRANTS) instanceof List<?> granted
        && granted.contains(code);
  }
}
