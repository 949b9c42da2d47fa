package id.go.kecamatan.content.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.content.Kiosks;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.KioskMode;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-service kiosk (anjungan mandiri): its start screen ({@code /kios}) with the office's
 * services as large buttons, the status look-up and the queue ticket; on a browser that is not an
 * enabled kiosk, the form for the enabling code; "Selesai" ({@code /kios/selesai}) that clears the
 * session and every entered value. And the office administrator's devices ({@code
 * /admin/sosialisasi/kios}): add one (its code shown once), revoke one.
 */
@Controller
class KioskPages {

  static final String ADMIN = "/admin/sosialisasi/kios";

  /** Enabling codes typed per address and minute: enough for a mistyped code, not for guessing. */
  static final int CODES_PER_MINUTE = 5;

  /** How long the device cookie lives; the device is revoked, not timed out. */
  static final Duration COOKIE_AGE = Duration.ofDays(400);

  private final Kiosks kiosks;
  private final Offices offices;
  private final Catalog catalog;
  private final RateLimit codeLimit;

  KioskPages(Kiosks kiosks, Offices offices, Catalog catalog, RateLimits limits) {
    this.kiosks = kiosks;
    this.offices = offices;
    this.catalog = catalog;
    this.codeLimit = limits.perMinute("kiosk-codes-per-address", CODES_PER_MINUTE);
  }

  @GetMapping("/kios")
  String start(HttpServletRequest request, Model model) {
    if (!(request.getAttribute(KioskMode.ATTRIBUTE) instanceof KioskMode kiosk)) {
      return "content/kiosk-enable";
    }
    Office office = offices.bySlug(kiosk.slug()).orElseThrow(NotFoundException::new);
    model.addAttribute("office", office);
    model.addAttribute("services", catalog.activeServices(office.id(), ""));
    return "content/kiosk-start";
  }

  @PostMapping("/kios/aktifkan")
  String enable(
      @RequestParam(name = "code", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (codeLimit.take(request.getRemoteAddr()) > 0) {
      model.addAttribute("error", "outreach.kiosk.error.wait");
      return "content/kiosk-enable";
    }
    Optional<String> token = kiosks.enable(code);
    if (token.isEmpty()) {
      model.addAttribute("error", "outreach.kiosk.error.code");
      return "content/kiosk-enable";
    }
    KioskFilter.startOver(request, response);
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(Kiosks.COOKIE, token.get())
            .path("/")
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .maxAge(COOKIE_AGE)
            .build()
            .toString());
    return "redirect:/kios";
  }

  @GetMapping(KioskMode.FINISH)
  String finish(HttpServletRequest request, HttpServletResponse response) {
    KioskFilter.startOver(request, response);
    return "redirect:/kios";
  }

  // ---- the office administrator's devices ----

  @GetMapping(ADMIN)
  String devices(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    model.addAttribute("devices", kiosks.list(officer.officeId()));
    model.addAttribute("idle", Kiosks.DEFAULT_IDLE_MINUTES);
    return "content/kiosk-admin";
  }

  @PostMapping(ADMIN)
  String add(
      @RequestParam(name = "label", required = false) String label,
      @RequestParam(name = "idleMinutes", required = false) String idleMinutes,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Kiosks.Added added = kiosks.add(officer.officeId(), label, idleMinutes);
    model.addAttribute("devices", kiosks.list(officer.officeId()));
    model.addAttribute("errors", added.errors());
    model.addAttribute("label", label);
    model.addAttribute("idle", idleMinutes);
    model.addAttribute("code", added.code());
    model.addAttribute("validMinutes", (int) Kiosks.CODE_VALIDITY.toMinutes());
    return "content/kiosk-admin";
  }

  @PostMapping(ADMIN + "/{id}/cabut")
  String revoke(@PathVariable String id, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    UUID device;
    try {
      device = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    kiosks.revoke(officer.officeId(), device);
    redirect.addFlashAttribute("notice", "outreach.kiosk.revoked");
    return "redirect:" + ADMIN;
  }
}
