package id.go.kecamatan.complaints.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.StandardTexts;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's complaint categories (kategori pengaduan): the two-level tree with
 * each category's expectation, responsible role or officer, tier and active flag, and per category
 * the standard texts officers insert into their answers.
 */
@Controller
class CategoryAdminController {

  private static final String BASE = "/admin/pengaduan/kategori";

  private final ComplaintCategories categories;
  private final StandardTexts texts;
  private final StaffAccounts accounts;

  CategoryAdminController(
      ComplaintCategories categories, StandardTexts texts, StaffAccounts accounts) {
    this.categories = categories;
    this.texts = texts;
    this.accounts = accounts;
  }

  @GetMapping(BASE)
  String list(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return listPage(model, officer, ComplaintCategories.Form.blank(), new FieldErrors());
  }

  private String listPage(
      Model model, Officer officer, ComplaintCategories.Form form, FieldErrors errors) {
    model.addAttribute("categories", categories.all(officer.officeId()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    common(model, officer);
    return "complaints/categories";
  }

  private void common(Model model, Officer officer) {
    List<Category> all = categories.all(officer.officeId());
    model.addAttribute("tops", all.stream().filter(Category::top).toList());
    model.addAttribute(
        "staff", accounts.staffOf(officer.officeId()).stream().filter(Staff::active).toList());
    model.addAttribute(
        "roles",
        List.of(
            Role.OFFICE_ADMIN.name(),
            Role.VERIFIER.name(),
            Role.SIGNER.name(),
            Role.FRONT_OFFICE.name()));
  }

  @PostMapping(BASE)
  String create(
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ComplaintCategories.Form form = form(f);
    Outcome<Category> created = categories.create(officer.officeId(), form);
    if (!created.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return listPage(model, officer, form, created.errors());
    }
    redirect.addFlashAttribute("notice", "complaints.categories.saved");
    return "redirect:" + BASE;
  }

  @GetMapping(BASE + "/{id}")
  String edit(@PathVariable String id, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Category c = category(officer, id);
    return editPage(
        model,
        officer,
        c,
        ComplaintCategories.Form.of(c),
        new FieldErrors(),
        new FieldErrors(),
        Map.of());
  }

  private String editPage(
      Model model,
      Officer officer,
      Category c,
      ComplaintCategories.Form form,
      FieldErrors errors,
      FieldErrors textErrors,
      Map<String, String> text) {
    model.addAttribute("category", c);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("textErrors", textErrors);
    model.addAttribute("text", text);
    model.addAttribute("texts", texts.of(officer.officeId(), c.id()));
    model.addAttribute("steps", StandardTexts.STEPS.stream().map(ComplaintStatus::name).toList());
    common(model, officer);
    return "complaints/category";
  }

  @PostMapping(BASE + "/{id}")
  String update(
      @PathVariable String id,
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Category c = category(officer, id);
    ComplaintCategories.Form form = form(f);
    Outcome<Category> saved =
        categories.update(officer.officeId(), c.id(), form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return editPage(model, officer, c, form, saved.errors(), new FieldErrors(), Map.of());
    }
    redirect.addFlashAttribute("notice", "complaints.categories.saved");
    return "redirect:" + BASE + "/" + c.id();
  }

  @PostMapping(BASE + "/{id}/teks")
  String addText(
      @PathVariable String id,
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Category c = category(officer, id);
    FieldErrors errors =
        texts.add(officer.officeId(), c.id(), f.get("step"), f.get("title"), f.get("body"));
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return editPage(
          model, officer, c, ComplaintCategories.Form.of(c), new FieldErrors(), errors, f);
    }
    redirect.addFlashAttribute("notice", "complaints.texts.saved");
    return "redirect:" + BASE + "/" + c.id();
  }

  @PostMapping(BASE + "/{id}/teks/{text}/hapus")
  String removeText(
      @PathVariable String id, @PathVariable String text, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Category c = category(officer, id);
    UUID textId = StaffController.uuid(text);
    Optional<StandardTexts.Text> found =
        textId == null ? Optional.empty() : texts.get(officer.officeId(), textId);
    if (found.isEmpty() || !found.get().categoryId().equals(c.id())) {
      throw new NotFoundException();
    }
    texts.remove(officer.officeId(), textId);
    redirect.addFlashAttribute("notice", "complaints.texts.removed");
    return "redirect:" + BASE + "/" + c.id();
  }

  private Category category(Officer officer, String id) {
    UUID categoryId = StaffController.uuid(id);
    return (categoryId == null
            ? Optional.<Category>empty()
            : categories.get(officer.officeId(), categoryId))
        .orElseThrow(NotFoundException::new);
  }

  private static ComplaintCategories.Form form(Map<String, String> f) {
    return new ComplaintCategories.Form(
        f.getOrDefault("parentId", ""),
        f.getOrDefault("name", ""),
        f.getOrDefault("expectation", ""),
        f.getOrDefault("responsibleRole", ""),
        f.getOrDefault("responsibleStaffId", ""),
        f.getOrDefault("tierDays", ""),
        "ya".equals(f.get("active")),
        f.getOrDefault("position", "0"));
  }
}
