package id.go.kecamatan.accounts.web;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.accounts.SecondFactors.Check;
import id.go.kecamatan.accounts.SecondFactors.Confirmation;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.internal.SecondFactorSession;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor of staff sign-in: the code after the password (or a recovery code), setting up
 * the authenticator app, new recovery codes, and the regency administrator's reset.
 */
@Controller
class SecondFactorController {

  private final SecondFactors factors;
  private final SecondFactorSession session;
  private final StaffAccounts accounts;
  private final Offices offices;
  private final boolean demo;

  SecondFactorController(
      SecondFactors factors,
      SecondFactorSession session,
      StaffAccounts accounts,
      Offices offices,
      @Value("${layanan.demo.enabled:false}") boolean demo) {
    this.demo = demo;
    this.factors = factors;
    this.session = session;
    this.accounts = accounts;
    this.offices = offices;
  }

  // ---- the code after the password -------------------------------------------------------------

  @GetMapping("/masuk/kode")
  String codePage(Model model) {
    if (!"/masuk/kode".equals(session.due())) {
      return "redirect:/admin";
    }
    return codePage(model, new FieldErrors());
  }

  @PostMapping("/masuk/kode")
  String code(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (!"/masuk/kode".equals(session.due())) {
      return "redirect:/admin";
    }
    Officer officer = CurrentOfficer.require();
    Check check = factors.verify(officer.staffId(), code);
    if (!check.ok()) {
      return codePage(model, refused(check, "code", "secondFactor.error.code"));
    }
    session.complete(request, response);
    return "redirect:/admin";
  }

  @PostMapping("/masuk/kode/pemulihan")
  String recovery(
      @RequestParam(defaultValue = "") String recoveryCode,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    if (!"/masuk/kode".equals(session.due())) {
      return "redirect:/admin";
    }
    Officer officer = CurrentOfficer.require();
    Check check = factors.useRecoveryCode(officer.staffId(), officer.officeId(), recoveryCode);
    if (!check.ok()) {
      FieldErrors errors = refused(check, "recoveryCode", "secondFactor.error.recoveryCode");
      model.addAttribute("recoveryOpen", true);
      return codePage(model, errors);
    }
    session.complete(request, response);
    redirect.addFlashAttribute("recoveryLeft", factors.recoveryCodesLeft(officer.staffId()));
    return "redirect:/akun/kata-sandi";
  }

  private String codePage(Model model, FieldErrors errors) {
    model.addAttribute("errors", errors);
    model.addAttribute("username", CurrentOfficer.require().username());
    model.addAttribute("demo", demo);
    return "auth/second-factor";
  }

  // ---- setting up the app ----------------------------------------------------------------------

  @GetMapping("/masuk/dua-langkah")
  String enrolPage(Model model) {
    Officer officer = CurrentOfficer.require();
    if (factors.confirmedAt(officer.staffId()).isPresent()) {
      return "redirect:/akun/kata-sandi";
    }
    return enrolPage(model, officer, new FieldErrors());
  }

  @PostMapping("/masuk/dua-langkah")
  String enrol(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.require();
    if (factors.confirmedAt(officer.staffId()).isPresent()) {
      return "redirect:/akun/kata-sandi";
    }
    Confirmation confirmation = factors.confirm(officer.staffId(), officer.officeId(), code);
    if (!confirmation.check().ok()) {
      return enrolPage(
          model, officer, refused(confirmation.check(), "code", "secondFactor.error.code"));
    }
    if (session.due() != null) {
      session.complete(request, response);
    }
    return recoveryCodesPage(model, response, confirmation.recoveryCodes(), true);
  }

  private String enrolPage(Model model, Officer officer, FieldErrors errors) {
    SecondFactors.Enrolment enrolment = factors.enrolment(officer.staffId(), officer.username());
    model.addAttribute("errors", errors);
    model.addAttribute("required", factors.required(officer.roles()));
    model.addAttribute("key", grouped(enrolment.key()));
    model.addAttribute(
        "qr", id.go.kecamatan.shared.web.QrCode.svg(enrolment.uri(), "QR " + officer.username()));
    model.addAttribute("pending", session.due() != null);
    return "auth/second-factor-enrol";
  }

  // ---- new recovery codes (account page) -------------------------------------------------------

  @PostMapping("/akun/dua-langkah/kode-pemulihan")
  String newRecoveryCodes(
      @RequestParam(defaultValue = "") String code, HttpServletResponse response, Model model) {
    Officer officer = CurrentOfficer.require();
    Confirmation confirmation =
        factors.newRecoveryCodes(officer.staffId(), officer.officeId(), code);
    if (!confirmation.check().ok()) {
      model.addAttribute(
          "secondFactorErrors",
          refused(confirmation.check(), "recovery-code", "secondFactor.error.code"));
      return SignInController.accountPage(
          model, new FieldErrors(), false, false, ownEmail(officer), factors, officer);
    }
    return recoveryCodesPage(model, response, confirmation.recoveryCodes(), false);
  }

  private String ownEmail(Officer officer) {
    return accounts.byUsername(officer.username()).map(Staff::email).orElse("");
  }

  private static String recoveryCodesPage(
      Model model, HttpServletResponse response, List<String> codes, boolean enrolled) {
    // shown once: never kept by a browser or a proxy
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("codes", codes);
    model.addAttribute("enrolled", enrolled);
    return "auth/recovery-codes";
  }

  // ---- the regency administrator ---------------------------------------------------------------

  @GetMapping("/admin/kabupaten/dua-langkah")
  String regency(Model model) {
    Officer officer = CurrentOfficer.require();
    Map<UUID, String> officeNames = new LinkedHashMap<>();
    for (Office office : offices.officesOf(officer.regencyId())) {
      officeNames.put(office.id(), office.displayName());
    }
    model.addAttribute("statuses", factors.ofRegency(accounts.staffOfRegency(officer.regencyId())));
    model.addAttribute("officeNames", officeNames);
    model.addAttribute("self", officer.staffId());
    return "admin/second-factors";
  }

  @PostMapping("/admin/kabupaten/dua-langkah/{staffId}/atur-ulang")
  String reset(@PathVariable UUID staffId, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.require();
    Staff staff = accounts.ofRegency(officer.regencyId(), staffId);
    if (staff.id().equals(officer.staffId())) {
      redirect.addFlashAttribute("notice", "secondFactor.reset.self");
    } else if (factors.reset(staff)) {
      redirect.addFlashAttribute("notice", "secondFactor.reset.done");
      redirect.addFlashAttribute("noticeArgs", new Object[] {staff.fullName()});
    } else {
      redirect.addFlashAttribute("notice", "secondFactor.reset.none");
      redirect.addFlashAttribute("noticeArgs", new Object[] {staff.fullName()});
    }
    return "redirect:/admin/kabupaten/dua-langkah";
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static FieldErrors refused(Check check, String field, String wrongKey) {
    FieldErrors errors = new FieldErrors();
    if (check.waitSeconds() > 0) {
      long minutes = (check.waitSeconds() + 59) / 60;
      errors.reject(field, "secondFactor.error.wait", minutes);
    } else {
      errors.reject(field, wrongKey);
    }
    return errors;
  }

  /** The key in groups of four, easier to type from the screen. */
  static String grouped(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(key, i, Math.min(key.length(), i + 4));
    }
    return out.toString();
  }
}
