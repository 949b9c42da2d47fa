package id.go.kecamatan.office.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Official;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office administrator's screens: profile, logo, officials, villages. */
@Controller
class OfficeAdminController {

  private final Offices offices;

  OfficeAdminController(Offices offices) {
    this.offices = offices;
  }

  @GetMapping({"/admin/kantor", "/admin/kantor/logo"})
  String profile(
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge, Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    FieldErrors logoErrors = new FieldErrors();
    if (tooLarge != null) {
      logoErrors.reject("logo", "office.error.logoTooLarge", Offices.MAX_LOGO_BYTES / 1024);
    }
    return profilePage(
        model, office, Offices.ProfileForm.of(office), new FieldErrors(), logoErrors);
  }

  @PostMapping("/admin/kantor")
  String saveProfile(
      @ModelAttribute Offices.ProfileForm form, Model model, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Outcome<Office> outcome = offices.updateProfile(officer.officeId(), form);
    if (!outcome.ok()) {
      return profilePage(
          model, offices.get(officer.officeId()), form, outcome.errors(), new FieldErrors());
    }
    redirect.addFlashAttribute("notice", "admin.saved");
    return "redirect:/admin/kantor";
  }

  @PostMapping("/admin/kantor/logo")
  String uploadLogo(
      @RequestParam(name = "logo", required = false) MultipartFile logo,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    Officer officer = CurrentOfficer.inOffice();
    byte[] bytes = logo == null || logo.isEmpty() ? new byte[0] : logo.getBytes();
    FieldErrors errors = offices.updateLogo(officer.officeId(), bytes);
    if (errors.any()) {
      Office office = offices.get(officer.officeId());
      return profilePage(model, office, Offices.ProfileForm.of(office), new FieldErrors(), errors);
    }
    redirect.addFlashAttribute("notice", "profile.logo.saved");
    return "redirect:/admin/kantor";
  }

  private static String profilePage(
      Model model,
      Office office,
      Offices.ProfileForm form,
      FieldErrors errors,
      FieldErrors logoErrors) {
    model.addAttribute("office", office);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("logoErrors", logoErrors);
    return "admin/profile";
  }

  @GetMapping("/admin/pejabat")
  String officials(Model model) {
    return officialsPage(model, Map.of(), Map.of());
  }

  @PostMapping("/admin/pejabat/{position}")
  String saveOfficial(
      @PathVariable String position,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String nip,
      @RequestParam(defaultValue = "") String rank,
      Model model,
      RedirectAttributes redirect) {
    Official.Position which =
        Arrays.stream(Official.Position.values())
            .filter(p -> p.name().equals(position))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    FieldErrors errors =
        offices.updateOfficial(CurrentOfficer.inOffice().officeId(), which, name, nip, rank);
    if (errors.any()) {
      return officialsPage(
          model, Map.of(which, errors), Map.of(which, new Official(null, which, name, nip, rank)));
    }
    redirect.addFlashAttribute("notice", "admin.saved");
    return "redirect:/admin/pejabat";
  }

  private String officialsPage(
      Model model,
      Map<Official.Position, FieldErrors> errors,
      Map<Official.Position, Official> typed) {
    var officeId = CurrentOfficer.inOffice().officeId();
    Map<Official.Position, Official> shown = new LinkedHashMap<>();
    Map<Official.Position, FieldErrors> errorsShown = new LinkedHashMap<>();
    for (Official.Position position : Official.Position.values()) {
      shown.put(
          position,
          typed.containsKey(position)
              ? typed.get(position)
              : offices
                  .official(officeId, position)
                  .orElse(new Official(officeId, position, "", "", "")));
      errorsShown.put(position, errors.getOrDefault(position, new FieldErrors()));
    }
    model.addAttribute("officials", shown);
    model.addAttribute("errors", errorsShown);
    return "admin/officials";
  }

  @GetMapping("/admin/desa")
  String villages(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    model.addAttribute("office", offices.get(officer.officeId()));
    model.addAttribute("villages", offices.villages(officer.officeId()));
    return "admin/villages";
  }
}
