package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FieldType;
import id.go.kecamatan.catalog.FormAnswers;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFieldForm;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator edits a service's application form (formulir permohonan): questions in
 * order, each added, changed, moved or deleted, and a preview that checks answers as a resident's
 * would be checked, storing nothing.
 */
@Controller
class FormAdminController {

  private final Catalog catalog;
  private final FormFields forms;
  private final FormAnswers answers;
  private final Offices offices;

  FormAdminController(Catalog catalog, FormFields forms, FormAnswers answers, Offices offices) {
    this.catalog = catalog;
    this.forms = forms;
    this.answers = answers;
    this.offices = offices;
  }

  @GetMapping("/admin/layanan/{id}/formulir")
  String list(@PathVariable UUID id, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    model.addAttribute("service", catalog.service(officeId, id));
    model.addAttribute("form", forms.definition(officeId, id));
    return "admin/form-fields";
  }

  @GetMapping("/admin/layanan/{id}/formulir/baru")
  String newField(@PathVariable UUID id, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    return fieldPage(model, officeId, id, null, FormFieldForm.blank(), new FieldErrors());
  }

  @PostMapping("/admin/layanan/{id}/formulir")
  String add(
      @PathVariable UUID id,
      @ModelAttribute FormFieldForm field,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    Outcome<FormField> outcome = forms.add(officeId, id, field);
    if (!outcome.ok()) {
      return fieldPage(model, officeId, id, null, field, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "forms.added");
    return "redirect:/admin/layanan/" + id + "/formulir";
  }

  @GetMapping("/admin/layanan/{id}/formulir/pratinjau")
  String preview(@PathVariable UUID id, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    return previewPage(model, officeId, id, Map.of(), new FieldErrors(), null);
  }

  @PostMapping("/admin/layanan/{id}/formulir/pratinjau")
  String checkPreview(
      @PathVariable UUID id, @RequestParam MultiValueMap<String, String> submitted, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    Map<String, List<String>> given = new LinkedHashMap<>(submitted);
    given.remove("_csrf");
    FormAnswers.Checked checked = answers.check(forms.definition(officeId, id), given);
    return previewPage(
        model, officeId, id, given, checked.errors(), checked.ok() ? checked.answers() : null);
  }

  @GetMapping("/admin/layanan/{id}/formulir/{fieldId}")
  String edit(@PathVariable UUID id, @PathVariable UUID fieldId, Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    FormField field = forms.field(officeId, id, fieldId);
    return fieldPage(model, officeId, id, field, FormFieldForm.of(field), new FieldErrors());
  }

  @PostMapping("/admin/layanan/{id}/formulir/{fieldId}")
  String update(
      @PathVariable UUID id,
      @PathVariable UUID fieldId,
      @ModelAttribute FormFieldForm field,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    FormField before = forms.field(officeId, id, fieldId);
    Outcome<FormField> outcome = forms.update(officeId, id, fieldId, field);
    if (!outcome.ok()) {
      return fieldPage(model, officeId, id, before, field, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "forms.updated");
    return "redirect:/admin/layanan/" + id + "/formulir";
  }

  @PostMapping("/admin/layanan/{id}/formulir/{fieldId}/{direction:naik|turun}")
  String move(
      @PathVariable UUID id,
      @PathVariable UUID fieldId,
      @PathVariable String direction,
      RedirectAttributes redirect) {
    String problem =
        forms.move(
            CurrentOfficer.inOffice().officeId(), id, fieldId, "naik".equals(direction) ? -1 : 1);
    redirect.addFlashAttribute(
        problem == null ? "notice" : "problem", problem == null ? "forms.moved" : problem);
    return "redirect:/admin/layanan/" + id + "/formulir";
  }

  @PostMapping("/admin/layanan/{id}/formulir/{fieldId}/hapus")
  String delete(@PathVariable UUID id, @PathVariable UUID fieldId, RedirectAttributes redirect) {
    String problem = forms.delete(CurrentOfficer.inOffice().officeId(), id, fieldId);
    redirect.addFlashAttribute(
        problem == null ? "notice" : "problem", problem == null ? "forms.removed" : problem);
    return "redirect:/admin/layanan/" + id + "/formulir";
  }

  private String fieldPage(
      Model model,
      UUID officeId,
      UUID serviceId,
      FormField field,
      FormFieldForm form,
      FieldErrors errors) {
    ServiceType service = catalog.service(officeId, serviceId);
    FormDefinition definition = forms.definition(officeId, serviceId);
    model.addAttribute("service", service);
    model.addAttribute("field", field);
    model.addAttribute("fieldForm", form);
    model.addAttribute("errors", errors);
    model.addAttribute("types", FieldType.values());
    model.addAttribute(
        "earlier",
        definition.fields().stream()
            .filter(f -> field == null || f.position() < field.position())
            .toList());
    return "admin/form-field";
  }

  private String previewPage(
      Model model,
      UUID officeId,
      UUID serviceId,
      Map<String, List<String>> given,
      FieldErrors errors,
      Map<String, List<String>> accepted) {
    model.addAttribute("service", catalog.service(officeId, serviceId));
    model.addAttribute("form", forms.definition(officeId, serviceId));
    model.addAttribute("answers", given);
    model.addAttribute("errors", errors);
    model.addAttribute("accepted", accepted);
    model.addAttribute("villages", offices.villages(officeId));
    return "admin/form-preview";
  }
}
