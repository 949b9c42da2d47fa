package id.go.kecamatan.accounts.web;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, the console home and the account page (own e-mail address, password change). */
@Controller
class SignInController {

  private final StaffAccounts accounts;
  private final Offices offices;
  private final SecondFactors factors;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final boolean demo;

  SignInController(
      StaffAccounts accounts,
      Offices offices,
      SecondFactors factors,
      WorkingCalendar calendar,
      Clock clock,
      @Value("${layanan.demo.enabled:false}") boolean demo) {
    this.accounts = accounts;
    this.offices = offices;
    this.factors = factors;
    this.calendar = calendar;
    this.clock = clock;
    this.demo = demo;
  }

  @GetMapping("/masuk")
  String login(
      @RequestParam(name = "gagal", required = false) String failed,
      @RequestParam(name = "tunggu", required = false) String wait,
      Model model) {
    if (CurrentOfficer.get().isPresent()) {
      return "redirect:/admin";
    }
    // the same answers for a known and an unknown user name: wrong, or too many failures
    long seconds = wait != null && wait.matches("[0-9]{1,5}") ? Long.parseLong(wait) : 0;
    if (wait != null) {
      long minutes = (Math.max(seconds, 1) + 59) / 60;
      model.addAttribute(
          "message", seconds > 0 && seconds < 60 ? "login.wait.seconds" : "login.wait");
      model.addAttribute("args", new Object[] {seconds > 0 && seconds < 60 ? seconds : minutes});
    } else {
      model.addAttribute("message", failed != null ? "login.failed" : null);
    }
    model.addAttribute("username", null);
    // the demo's accounts are on its own page, so a first visit can sign in without the README
    model.addAttribute("demo", demo);
    return "auth/login";
  }

  @GetMapping("/admin")
  String home(Model model) {
    Officer officer = CurrentOfficer.require();
    Office office = officer.officeId() == null ? null : offices.get(officer.officeId());
    model.addAttribute(
        "officeName",
        office == null
            ? offices.regency(officer.regencyId()).map(r -> r.name()).orElse(null)
            : office.displayName());
    model.addAttribute("officeSlug", office == null ? null : office.slug());
    model.addAttribute(
        "villageName",
        officer.villageId() == null || office == null
            ? null
            : offices.village(office.id(), officer.villageId()).map(v -> v.name()).orElse(null));
    // those who enter (regency) or watch (office) the national days: before the year they are due
    boolean calendarKeeper = officer.has(Role.REGENCY_ADMIN) || officer.has(Role.OFFICE_ADMIN);
    model.addAttribute(
        "nationalDaysDue",
        calendarKeeper ? calendar.nationalDaysDue(LocalDate.now(clock)).orElse(null) : null);
    return "admin/home";
  }

  @GetMapping("/akun/kata-sandi")
  String passwordForm(
      @RequestParam(name = "tersimpan", required = false) String saved,
      @RequestParam(name = "email-tersimpan", required = false) String emailSaved,
      Model model) {
    return accountPage(
        model,
        new FieldErrors(),
        saved != null,
        emailSaved != null,
        ownEmail(),
        factors,
        CurrentOfficer.require());
  }

  @PostMapping("/akun/kata-sandi")
  String changePassword(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      jakarta.servlet.http.HttpSession session,
      Model model) {
    FieldErrors errors =
        accounts.changePassword(
            CurrentOfficer.require().staffId(), current, password, confirmation, session.getId());
    if (errors.any()) {
      return accountPage(
          model, errors, false, false, ownEmail(), factors, CurrentOfficer.require());
    }
    return "redirect:/akun/kata-sandi?tersimpan";
  }

  /** The officer sets the address of their own daily messages (digest, letters to sign). */
  @PostMapping("/akun/email")
  String changeEmail(@RequestParam(defaultValue = "") String email, Model model) {
    FieldErrors errors = accounts.changeOwnEmail(CurrentOfficer.require().staffId(), email);
    if (errors.any()) {
      return accountPage(model, errors, false, false, email, factors, CurrentOfficer.require());
    }
    return "redirect:/akun/kata-sandi?email-tersimpan";
  }

  private String ownEmail() {
    return accounts.byUsername(CurrentOfficer.require().username()).map(s -> s.email()).orElse("");
  }

  /** The account page: one's e-mail address, the password change and the second factor. */
  static String accountPage(
      Model model,
      FieldErrors errors,
      boolean saved,
      boolean emailSaved,
      String email,
      SecondFactors factors,
      Officer officer) {
    model.addAttribute("errors", errors);
    model.addAttribute("secondFactorSince", factors.confirmedAt(officer.staffId()).orElse(null));
    model.addAttribute("secondFactorRequired", factors.required(officer.roles()));
    model.addAttribute("recoveryCodesLeft", factors.recoveryCodesLeft(officer.staffId()));
    model.addAttribute("saved", saved);
    model.addAttribute("emailSaved", emailSaved);
    model.addAttribute("email", email == null ? "" : email);
    return "auth/password";
  }
}
