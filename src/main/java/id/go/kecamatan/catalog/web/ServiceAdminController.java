package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.RequirementForm;
import id.go.kecamatan.catalog.ServiceForm;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office administrator edits the catalogue: services, their standards and requirements. */
@Controller
class ServiceAdminController {

  private final Catalog catalog;
  private final Offices offices;

  ServiceAdminController(Catalog catalog, Offices offices) {
    this.catalog = catalog;
    this.offices = offices;
  }

  @GetMapping("/admin/layanan")
  String list(Model model) {
    model.addAttribute("services", catalog.allServices(CurrentOfficer.inOffice().officeId()));
    return "admin/services";
  }

  @GetMapping("/admin/layanan/baru")
  String newForm(Model model) {
    return form(model, null, ServiceForm.blank(), new FieldErrors());
  }

  @PostMapping("/admin/layanan")
  String create(@ModelAttribute ServiceForm form, Model model, RedirectAttributes redirect) {
    Outcome<ServiceType> outcome = catalog.create(CurrentOfficer.inOffice().officeId(), form);
    if (!outcome.ok()) {
      return form(model, null, form, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "services.created");
    return "redirect:/admin/layanan/" + outcome.value().id();
  }

  @GetMapping("/admin/layanan/{id}")
  String edit(@PathVariable UUID id, Model model) {
    ServiceType service = catalog.service(CurrentOfficer.inOffice().officeId(), id);
    return form(model, service, ServiceForm.of(service), new FieldErrors());
  }

  @PostMapping("/admin/layanan/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute ServiceForm form,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    ServiceType before = catalog.service(officeId, id);
    Outcome<ServiceType> outcome = catalog.update(officeId, id, form);
    if (!outcome.ok()) {
      return form(model, before, form, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "admin.saved");
    return "redirect:/admin/layanan/" + id;
  }

  @PostMapping("/admin/layanan/{id}/aktif")
  String setActive(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean active,
      RedirectAttributes redirect) {
    catalog.setActive(CurrentOfficer.inOffice().officeId(), id, active);
    redirect.addFlashAttribute("notice", active ? "services.activated" : "services.deactivated");
    return "redirect:/admin/layanan";
  }

  @PostMapping("/admin/layanan/{id}/persyaratan")
  String addRequirement(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reqName,
      @RequestParam(defaultValue = "") String reqDescription,
      @RequestParam(defaultValue = "false") boolean reqRequired,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    RequirementForm requirement = new RequirementForm(reqName, reqDescription, reqRequired);
    Outcome<Requirement> outcome = catalog.addRequirement(officeId, id, requirement);
    if (!outcome.ok()) {
      ServiceType service = catalog.service(officeId, id);
      model.addAttribute("requirementForm", requirement);
      return form(model, service, ServiceForm.of(service), new FieldErrors(), outcome.errors());
    }
    redirect.addFlashAttribute("notice", "services.req.added");
    return "redirect:/admin/layanan/" + id + "#persyaratan";
  }

  @GetMapping("/admin/layanan/{id}/persyaratan/{requirementId}")
  String editRequirement(@PathVariable UUID id, @PathVariable UUID requirementId, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    Requirement requirement = catalog.requirement(officeId, id, requirementId);
    return requirementPage(
        model,
        catalog.service(officeId, id),
        requirement,
        new RequirementForm(requirement.name(), requirement.description(), requirement.required()),
        new FieldErrors());
  }

  @PostMapping("/admin/layanan/{id}/persyaratan/{requirementId}")
  String updateRequirement(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      @RequestParam(defaultValue = "") String reqName,
      @RequestParam(defaultValue = "") String reqDescription,
      @RequestParam(defaultValue = "false") boolean reqRequired,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    RequirementForm form = new RequirementForm(reqName, reqDescription, reqRequired);
    Outcome<Requirement> outcome = catalog.updateRequirement(officeId, id, requirementId, form);
    if (!outcome.ok()) {
      return requirementPage(
          model,
          catalog.service(officeId, id),
          catalog.requirement(officeId, id, requirementId),
          form,
          outcome.errors());
    }
    redirect.addFlashAttribute("notice", "services.req.updated");
    return "redirect:/admin/layanan/" + id + "#persyaratan";
  }

  @PostMapping("/admin/layanan/{id}/persyaratan/{requirementId}/{direction:naik|turun}")
  String moveRequirement(
      @PathVariable UUID id, @PathVariable UUID requirementId, @PathVariable String direction) {
    catalog.moveRequirement(
        CurrentOfficer.inOffice().officeId(), id, requirementId, "naik".equals(direction) ? -1 : 1);
    return "redirect:/admin/layanan/" + id + "#persyaratan";
  }

  @PostMapping("/admin/layanan/{id}/persyaratan/{requirementId}/hapus")
  String deleteRequirement(
      @PathVariable UUID id, @PathVariable UUID requirementId, RedirectAttributes redirect) {
    catalog.deleteRequirement(CurrentOfficer.inOffice().officeId(), id, requirementId);
    redirect.addFlashAttribute("notice", "services.req.removed");
    return "redirect:/admin/layanan/" + id + "#persyaratan";
  }

  private String form(Model model, ServiceType service, ServiceForm form, FieldErrors errors) {
    return form(model, service, form, errors, new FieldErrors());
  }

  private String form(
      Model model,
      ServiceType service,
      ServiceForm form,
      FieldErrors errors,
      FieldErrors requirementErrors) {
    model.addAttribute("service", service);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("requirementErrors", requirementErrors);
    if (!model.containsAttribute("requirementForm")) {
      model.addAttribute("requirementForm", new RequirementForm("", "", true));
    }
    model.addAttribute("officeSlug", offices.get(CurrentOfficer.inOffice().officeId()).slug());
    return "admin/service";
  }

  private String requirementPage(
      Model model,
      ServiceType service,
      Requirement requirement,
      RequirementForm form,
      FieldErrors errors) {
    model.addAttribute("service", service);
    model.addAttribute("requirement", requirement);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/requirement";
  }
}
