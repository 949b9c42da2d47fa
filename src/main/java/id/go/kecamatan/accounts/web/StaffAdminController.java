package id.go.kecamatan.accounts.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office administrator manages the office's staff accounts. */
@Controller
class StaffAdminController {

  /** Roles an office administrator may grant. */
  static final List<Role> OFFICE_ROLES =
      List.of(
          Role.OFFICE_ADMIN, Role.FRONT_OFFICE, Role.VILLAGE_OPERATOR, Role.VERIFIER, Role.SIGNER);

  private final StaffAccounts accounts;
  private final Offices offices;

  StaffAdminController(StaffAccounts accounts, Offices offices) {
    this.accounts = accounts;
    this.offices = offices;
  }

  @GetMapping("/admin/staf")
  String list(Model model) {
    return listPage(model, new StaffForm("", "", "", "", Set.of(), "", ""), new FieldErrors());
  }

  @PostMapping("/admin/staf")
  String create(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String nip,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(name = "roles", required = false) List<String> roles,
      @RequestParam(defaultValue = "") String villageId,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect) {
    StaffForm form =
        new StaffForm(username, fullName, nip, email, roles(roles), villageId, password);
    Outcome<Staff> outcome = accounts.create(CurrentOfficer.inOffice().officeId(), form);
    if (!outcome.ok()) {
      return listPage(model, form.withoutPassword(), outcome.errors());
    }
    redirect.addFlashAttribute("notice", "staff.created");
    return "redirect:/admin/staf";
  }

  @GetMapping("/admin/staf/{id}")
  String edit(@PathVariable UUID id, Model model) {
    Staff staff = accounts.get(CurrentOfficer.inOffice().officeId(), id);
    return editPage(
        model,
        staff,
        new StaffForm(
            staff.username(),
            staff.fullName(),
            staff.nip(),
            staff.email() == null ? "" : staff.email(),
            staff.roles(),
            staff.villageId() == null ? "" : staff.villageId().toString(),
            ""),
        new FieldErrors(),
        staff.version());
  }

  @PostMapping("/admin/staf/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String nip,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(name = "roles", required = false) List<String> roles,
      @RequestParam(defaultValue = "") String villageId,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(name = "version", required = false) String version,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Staff staff = accounts.get(officer.officeId(), id);
    StaffForm form =
        new StaffForm(username, fullName, nip, email, roles(roles), villageId, password);
    // the version the form was drawn from (missing: not compared, as for a service; garbled: stale)
    Integer drawnFrom =
        version == null
            ? null
            : version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : -1;
    Outcome<Staff> outcome =
        accounts.update(officer.officeId(), id, form, officer.staffId(), drawnFrom);
    if (!outcome.ok()) {
      // after a conflict the form keeps the version it was drawn from: saved again, it is
      // refused again until the page is reloaded with the account as it is now
      return editPage(model, staff, form.withoutPassword(), outcome.errors(), drawnFrom);
    }
    redirect.addFlashAttribute("notice", "staff.updated");
    return "redirect:/admin/staf";
  }

  @PostMapping("/admin/staf/{id}/aktif")
  String setActive(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean active,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    boolean done = accounts.setActive(officer.officeId(), id, active, officer.staffId());
    redirect.addFlashAttribute(
        "notice",
        !done ? "staff.selfDeactivate" : active ? "staff.activated" : "staff.deactivated");
    return "redirect:/admin/staf";
  }

  /** Unknown role names are dropped here and reported as "choose a role" when nothing remains. */
  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      for (String name : names) {
        for (Role role : Role.values()) {
          if (role.name().equals(name)) {
            roles.add(role);
          }
        }
      }
    }
    return roles;
  }

  private String listPage(Model model, StaffForm form, FieldErrors errors) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    model.addAttribute("staff", accounts.staffOf(officeId));
    commonModel(model, officeId, form, errors);
    return "admin/staff";
  }

  private String editPage(
      Model model, Staff staff, StaffForm form, FieldErrors errors, Integer version) {
    model.addAttribute("member", staff);
    model.addAttribute("version", version);
    commonModel(model, CurrentOfficer.inOffice().officeId(), form, errors);
    return "admin/staff-edit";
  }

  private void commonModel(Model model, UUID officeId, StaffForm form, FieldErrors errors) {
    model.addAttribute("villages", offices.villages(officeId));
    model.addAttribute("roles", OFFICE_ROLES);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
  }
}
