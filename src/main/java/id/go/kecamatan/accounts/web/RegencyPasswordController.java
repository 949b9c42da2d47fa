package id.go.kecamatan.accounts.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regency administrator sets a new password for an office administrator (or another regency
 * administrator) who cannot sign in: nobody else can, when an office has one administrator. Linked
 * from the list of the regency's accounts ({@code /admin/kabupaten/dua-langkah}); {@link
 * StaffAccounts#resetByRegency} checks the account is the regency's and may be reset.
 */
@Controller
class RegencyPasswordController {

  static final String LIST = "/admin/kabupaten/dua-langkah";

  private final StaffAccounts accounts;
  private final Offices offices;

  RegencyPasswordController(StaffAccounts accounts, Offices offices) {
    this.accounts = accounts;
    this.offices = offices;
  }

  @GetMapping(LIST + "/{staffId}/kata-sandi")
  String form(@PathVariable UUID staffId, Model model) {
    return page(model, staff(staffId), new FieldErrors());
  }

  @PostMapping(LIST + "/{staffId}/kata-sandi")
  String reset(
      @PathVariable UUID staffId,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.require();
    Staff staff = staff(staffId);
    FieldErrors errors =
        accounts.resetByRegency(
            officer.regencyId(), staffId, password, confirmation, officer.staffId());
    if (errors.any()) {
      response.setStatus(422);
      return page(model, staff, errors);
    }
    redirect.addFlashAttribute("notice", "account.reset.done");
    redirect.addFlashAttribute("noticeArgs", new Object[] {staff.fullName()});
    return "redirect:" + LIST;
  }

  private Staff staff(UUID staffId) {
    return accounts.ofRegency(CurrentOfficer.require().regencyId(), staffId);
  }

  private String page(Model model, Staff staff, FieldErrors errors) {
    model.addAttribute("staff", staff);
    model.addAttribute(
        "officeName",
        staff.officeId() == null ? null : offices.get(staff.officeId()).displayName());
    model.addAttribute("errors", errors);
    return "admin/password-reset";
  }
}
