package id.go.kecamatan.content.web;

import id.go.kecamatan.content.FaqItem;
import id.go.kecamatan.content.Faqs;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing questions and answers: an office administrator the office's, hiding or adapting the
 * regency's ({@code /admin/sosialisasi/tanya-jawab}); a regency administrator the regency's for all
 * its offices ({@code /admin/kabupaten/tanya-jawab}). The security configuration gives each path to
 * its role; every look-up is within the officer's own office or regency.
 */
@Controller
class FaqAdmin {

  static final String OFFICE = "/admin/sosialisasi/tanya-jawab";
  static final String REGENCY = "/admin/kabupaten/tanya-jawab";

  private final Faqs faqs;
  private final Offices offices;

  FaqAdmin(Faqs faqs, Offices offices) {
    this.faqs = faqs;
    this.offices = offices;
  }

  /** The officer's office (null for a regency administrator's page) and regency. */
  record Scope(UUID regencyId, UUID officeId) {}

  @GetMapping({OFFICE, REGENCY})
  String list(HttpServletRequest request, Model model) {
    Scope scope = scope(request);
    model.addAttribute("base", base(request));
    model.addAttribute("regency", scope.officeId() == null);
    model.addAttribute(
        "items",
        scope.officeId() == null
            ? faqs.ofRegency(scope.regencyId())
            : faqs.ofOffice(scope.regencyId(), scope.officeId()));
    model.addAttribute("services", faqs.services(scope.regencyId(), scope.officeId()));
    return "content/faq-admin";
  }

  @GetMapping({OFFICE + "/baru", REGENCY + "/baru"})
  String createForm(
      @RequestParam(name = "sesuaikan", required = false) String adapt,
      HttpServletRequest request,
      Model model) {
    Scope scope = scope(request);
    Faqs.Form form = Faqs.Form.empty();
    if (adapt != null && scope.officeId() != null) {
      FaqItem regencyItem =
          faqs.find(scope.regencyId(), null, uuid(adapt)).orElseThrow(NotFoundException::new);
      form = Faqs.Form.adapting(regencyItem);
    }
    return form(request, null, form, new FieldErrors(), model);
  }

  @GetMapping({OFFICE + "/{id}", REGENCY + "/{id}"})
  String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
    Scope scope = scope(request);
    FaqItem item =
        faqs.find(scope.regencyId(), scope.officeId(), uuid(id))
            .orElseThrow(NotFoundException::new);
    return form(request, item, Faqs.Form.of(item), new FieldErrors(), model);
  }

  @PostMapping({OFFICE, REGENCY})
  String create(
      HttpServletRequest request, Fields fields, Model model, RedirectAttributes redirect) {
    return save(request, null, fields, model, redirect);
  }

  @PostMapping({OFFICE + "/{id}", REGENCY + "/{id}"})
  String update(
      @PathVariable String id,
      HttpServletRequest request,
      Fields fields,
      Model model,
      RedirectAttributes redirect) {
    return save(request, uuid(id), fields, model, redirect);
  }

  @PostMapping({OFFICE + "/{id}/hapus", REGENCY + "/{id}/hapus"})
  String delete(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Scope scope = scope(request);
    faqs.delete(scope.regencyId(), scope.officeId(), uuid(id));
    redirect.addFlashAttribute("notice", "outreach.faq.deleted");
    return "redirect:" + base(request);
  }

  @PostMapping(OFFICE + "/{id}/sembunyikan")
  String hide(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Scope scope = scope(request);
    faqs.hide(scope.regencyId(), scope.officeId(), uuid(id), true);
    redirect.addFlashAttribute("notice", "outreach.faq.hidden");
    return "redirect:" + OFFICE;
  }

  @PostMapping(OFFICE + "/{id}/tampilkan")
  String show(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Scope scope = scope(request);
    faqs.hide(scope.regencyId(), scope.officeId(), uuid(id), false);
    redirect.addFlashAttribute("notice", "outreach.faq.shown");
    return "redirect:" + OFFICE;
  }

  /** The form's fields as posted. */
  record Fields(
      String serviceCode, String question, String answer, String adaptsId, String version) {

    Faqs.Form form() {
      int v;
      try {
        v = version == null ? 0 : Integer.parseInt(version.strip());
      } catch (NumberFormatException e) {
        v = -1;
      }
      return new Faqs.Form(
          serviceCode,
          question,
          answer,
          adaptsId == null || adaptsId.isBlank() ? null : uuid(adaptsId),
          v);
    }
  }

  private String save(
      HttpServletRequest request,
      UUID id,
      Fields fields,
      Model model,
      RedirectAttributes redirect) {
    Scope scope = scope(request);
    FaqItem existing =
        id == null
            ? null
            : faqs.find(scope.regencyId(), scope.officeId(), id)
                .orElseThrow(NotFoundException::new);
    Faqs.Form form = fields.form();
    Faqs.Saved saved = faqs.save(scope.regencyId(), scope.officeId(), id, form);
    if (saved.errors().any()) {
      return form(request, existing, form, saved.errors(), model);
    }
    redirect.addFlashAttribute("notice", "outreach.faq.saved");
    return "redirect:" + base(request);
  }

  private String form(
      HttpServletRequest request,
      FaqItem existing,
      Faqs.Form form,
      FieldErrors errors,
      Model model) {
    Scope scope = scope(request);
    model.addAttribute("base", base(request));
    model.addAttribute("existing", existing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("services", faqs.services(scope.regencyId(), scope.officeId()));
    return "content/faq-edit";
  }

  private static String base(HttpServletRequest request) {
    return request.getRequestURI().startsWith(REGENCY) ? REGENCY : OFFICE;
  }

  private Scope scope(HttpServletRequest request) {
    if (base(request).equals(REGENCY)) {
      Officer officer = CurrentOfficer.require();
      if (officer.regencyId() == null) {
        throw new NotFoundException();
      }
      return new Scope(officer.regencyId(), null);
    }
    Officer officer = CurrentOfficer.inOffice();
    return new Scope(offices.get(officer.officeId()).regencyId(), officer.officeId());
  }

  private static UUID uuid(String id) {
    try {
      if (id != null && id.length() == 36) {
        return UUID.fromString(id);
      }
    } catch (IllegalArgumentException e) {
      // not found below
    }
    throw new NotFoundException();
  }
}
