package id.go.kecamatan.letters.web;

import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.internal.render.LetterFont;
import id.go.kecamatan.letters.internal.render.LetterRenderer;
import id.go.kecamatan.letters.internal.render.LetterRenderingFailed;
import id.go.kecamatan.letters.internal.render.LetterTemplate;
import id.go.kecamatan.letters.internal.render.LetterTemplates;
import id.go.kecamatan.letters.internal.render.PaperSize;
import id.go.kecamatan.letters.internal.render.Placeholders;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's letter templates: which template each service uses, the editor with
 * its placeholders and a preview of the first page from sample data (a PNG image; without
 * JavaScript through the Pratinjau button, with JavaScript as the admin types), reset to the
 * default, and the paper and font of the office's letters.
 */
@Controller
class LetterTemplateAdminController {

  private static final String BASE = "/admin/surat/templat";

  private final LetterTemplates templates;
  private final LetterRenderer renderer;
  private final FormFields forms;
  private final MessageSource messages;

  LetterTemplateAdminController(
      LetterTemplates templates,
      LetterRenderer renderer,
      FormFields forms,
      MessageSource messages) {
    this.templates = templates;
    this.renderer = renderer;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping(BASE)
  String list(Model model) {
    return listPage(model, new FieldErrors(), null, null);
  }

  @PostMapping(BASE + "/pengaturan")
  String saveSettings(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "") String font,
      Model model,
      RedirectAttributes redirect) {
    FieldErrors errors = templates.saveSettings(officeId(), paper, font);
    if (errors.any()) {
      return listPage(model, errors, paper, font);
    }
    redirect.addFlashAttribute("notice", "letterTemplates.settings.saved");
    return "redirect:" + BASE;
  }

  private String listPage(Model model, FieldErrors errors, String paper, String font) {
    UUID officeId = officeId();
    var settings = templates.settings(officeId);
    model.addAttribute("services", templates.services(officeId));
    model.addAttribute("own", templates.servicesWithOwnTemplate(officeId));
    model.addAttribute("paper", paper != null ? paper : settings.paper().name());
    model.addAttribute("font", font != null ? font : settings.font().name());
    model.addAttribute("papers", List.of(PaperSize.values()));
    model.addAttribute("fonts", List.of(LetterFont.values()));
    model.addAttribute("errors", errors);
    return "letters/templates/list";
  }

  @GetMapping(BASE + "/{serviceId}")
  String edit(@PathVariable String serviceId, Model model, Locale locale) {
    ServiceType service = service(serviceId);
    LetterTemplates.Effective effective = templates.effective(officeId(), service);
    TemplateForm form =
        new TemplateForm(
            effective.own() ? effective.title() : null, effective.body(), effective.version());
    // a template saved before a rule was added is shown with what is wrong with it now
    FieldErrors errors = new FieldErrors();
    LetterTemplate.Compiled compiled =
        templates.check(forms.definition(officeId(), service.id()), effective.body());
    if (!compiled.ok()) {
      LetterTemplate.Problem problem = compiled.problems().get(0);
      errors.reject("body", problem.key(), problem.args());
    }
    return editPage(model, locale, service, form, errors, false);
  }

  @PostMapping(BASE + "/{serviceId}")
  String save(
      @PathVariable String serviceId,
      @RequestParam(required = false) String title,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) Integer version,
      @RequestParam(defaultValue = "simpan") String action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    ServiceType service = service(serviceId);
    TemplateForm form = new TemplateForm(title, body, version);
    if (action.equals("pratinjau")) {
      FormDefinition definition = forms.definition(officeId(), service.id());
      LetterTemplate.Compiled compiled = templates.check(definition, body);
      FieldErrors errors = titleErrors(title);
      if (!compiled.ok()) {
        LetterTemplate.Problem problem = compiled.problems().get(0);
        errors.reject("body", problem.key(), problem.args());
      }
      return editPage(model, locale, service, form, errors, true);
    }
    Outcome<LetterTemplates.Effective> saved =
        templates.save(officeId(), service.id(), title, body, version);
    if (!saved.ok()) {
      return editPage(model, locale, service, form, saved.errors(), true);
    }
    redirect.addFlashAttribute("notice", "letterTemplates.saved");
    return "redirect:" + BASE + "/" + service.id();
  }

  @PostMapping(BASE + "/{serviceId}/reset")
  String reset(@PathVariable String serviceId, RedirectAttributes redirect) {
    ServiceType service = service(serviceId);
    templates.reset(officeId(), service.id());
    redirect.addFlashAttribute("notice", "letterTemplates.resetDone");
    return "redirect:" + BASE + "/" + service.id();
  }

  /**
   * The preview image of typed text, for the editor's script: PNG, or 422 with the first problem as
   * plain text.
   */
  @PostMapping(BASE + "/{serviceId}/pratinjau")
  ResponseEntity<?> preview(
      @PathVariable String serviceId,
      @RequestParam(required = false) String title,
      @RequestParam(defaultValue = "") String body,
      Locale locale) {
    ServiceType service = service(serviceId);
    FieldErrors titleProblems = titleErrors(title);
    if (titleProblems.any()) {
      FieldErrors.Error error = titleProblems.get("title");
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
          .body(messages.getMessage(error.key(), error.args(), locale));
    }
    LetterTemplate.Compiled compiled =
        templates.check(forms.definition(officeId(), service.id()), body);
    if (!compiled.ok()) {
      LetterTemplate.Problem problem = compiled.problems().get(0);
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
          .body(messages.getMessage(problem.key(), problem.args(), locale));
    }
    byte[] png;
    try {
      png = renderer.previewPng(officeId(), service.id(), title, compiled.template());
    } catch (LetterRenderingFailed e) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
          .body(messages.getMessage("letterTemplates.error.render", null, locale));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .header("Cache-Control", "no-store")
        .body(png);
  }

  /** The title as saving checks it: plain text of at most {@link LetterTemplates#MAX_TITLE}. */
  private static FieldErrors titleErrors(String title) {
    return new FieldErrors()
        .optionalText("title", FieldErrors.clean(title), LetterTemplates.MAX_TITLE);
  }

  private String editPage(
      Model model,
      Locale locale,
      ServiceType service,
      TemplateForm form,
      FieldErrors errors,
      boolean unsaved) {
    UUID officeId = officeId();
    FormDefinition definition = forms.definition(officeId, service.id());
    LetterTemplates.Effective effective = templates.effective(officeId, service);
    String preview = null;
    if (!errors.has("body") && !errors.has("title")) {
      LetterTemplate.Compiled compiled = templates.check(definition, form.body());
      if (compiled.ok()) {
        try {
          preview =
              "data:image/png;base64,"
                  + Base64.getEncoder()
                      .encodeToString(
                          renderer.previewPng(
                              officeId, service.id(), form.title(), compiled.template()));
        } catch (LetterRenderingFailed e) {
          errors.reject("body", "letterTemplates.error.render");
        }
      }
    }
    List<PlaceholderRow> placeholders =
        new java.util.ArrayList<>(
            Placeholders.STANDARD.stream()
                .map(
                    name ->
                        new PlaceholderRow(
                            name, messages.getMessage("letterTemplates.ph." + name, null, locale)))
                .toList());
    String lang = locale.getLanguage();
    definition
        .fields()
        .forEach(
            field ->
                placeholders.add(
                    new PlaceholderRow(
                        Placeholders.ANSWER + field.key(),
                        messages.getMessage(
                            "letterTemplates.placeholders.answer",
                            new Object[] {field.label(lang)},
                            locale))));
    model.addAttribute("service", service);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("own", effective.own());
    model.addAttribute("defaultTitle", templates.defaultTitle(service));
    model.addAttribute("placeholders", placeholders);
    model.addAttribute("preview", preview);
    model.addAttribute("unsaved", unsaved);
    return "letters/templates/edit";
  }

  private ServiceType service(String serviceId) {
    UUID id;
    try {
      id = UUID.fromString(serviceId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    return templates.service(officeId(), id);
  }

  private static UUID officeId() {
    return CurrentOfficer.inOffice().officeId();
  }
}
