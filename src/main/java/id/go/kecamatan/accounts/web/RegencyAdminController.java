package id.go.kecamatan.accounts.web;

import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.office.RegionDirectory;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regency administrator registers the kecamatan of the regency from region codes, each with its
 * first office administrator.
 */
@Controller
class RegencyAdminController {

  private final Offices offices;
  private final RegionDirectory regions;
  private final OfficeOnboarding onboarding;

  RegencyAdminController(Offices offices, RegionDirectory regions, OfficeOnboarding onboarding) {
    this.offices = offices;
    this.regions = regions;
    this.onboarding = onboarding;
  }

  private Regency regency() {
    return offices
        .regency(CurrentOfficer.require().regencyId())
        .orElseThrow(NotFoundException::new);
  }

  @GetMapping("/admin/kabupaten/kecamatan")
  String list(Model model) {
    return page(
        model, regency(), new FieldErrors(), "", new OfficeOnboarding.FirstAdmin("", "", "", ""));
  }

  @PostMapping("/admin/kabupaten/kecamatan")
  String create(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect) {
    Regency regency = regency();
    OfficeOnboarding.FirstAdmin admin =
        new OfficeOnboarding.FirstAdmin(username, fullName, email, password);
    Outcome<Office> outcome = onboarding.register(regency.id(), code, admin);
    if (!outcome.ok()) {
      return page(
          model,
          regency,
          outcome.errors(),
          code,
          new OfficeOnboarding.FirstAdmin(username, fullName, email, ""));
    }
    redirect.addFlashAttribute("created", outcome.value().name());
    redirect.addFlashAttribute("villageCount", offices.villages(outcome.value().id()).size());
    return "redirect:/admin/kabupaten/kecamatan";
  }

  private String page(
      Model model,
      Regency regency,
      FieldErrors errors,
      String code,
      OfficeOnboarding.FirstAdmin admin) {
    var list = offices.officesOf(regency.id());
    Set<String> registered = list.stream().map(Office::code).collect(Collectors.toSet());
    model.addAttribute("regency", regency);
    model.addAttribute("offices", list);
    model.addAttribute(
        "available",
        regions.childrenOf(regency.code()).stream()
            .filter(r -> !registered.contains(r.code()))
            .toList());
    model.addAttribute("errors", errors);
    model.addAttribute("code", code);
    model.addAttribute("admin", admin);
    return "admin/regency-offices";
  }
}
