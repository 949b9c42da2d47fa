package id.go.kecamatan.complaints.web;

import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintRegister;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Disclosure;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public register of an office's complaints (register pengaduan), no sign-in, no JavaScript:
 * the published Anonim and Publik complaints with the office's answers, and the complaints received
 * per category in the last {@value #MONTHS} months with the small counts suppressed ({@link
 * Disclosure}).
 */
@Controller
class PublicRegisterController {

  static final int MONTHS = RegisterCounts.MONTHS;

  private final Offices offices;
  private final ComplaintRegister register;
  private final ComplaintCategories categories;

  PublicRegisterController(
      Offices offices, ComplaintRegister register, ComplaintCategories categories) {
    this.offices = offices;
    this.register = register;
    this.categories = categories;
  }

  @GetMapping("/kecamatan/{slug}/pengaduan/register")
  String register(
      @PathVariable String slug,
      @RequestParam(name = "kategori", defaultValue = "") String category,
      @RequestParam(name = "halaman", defaultValue = "1") String page,
      Model model) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    List<Category> all = categories.all(office.id()).stream().filter(Category::active).toList();
    UUID typed = StaffController.uuid(category);
    UUID chosen = all.stream().anyMatch(c -> c.id().equals(typed)) ? typed : null;
    int number;
    try {
      number = Math.max(1, Math.min(Integer.parseInt(page.strip()), ComplaintRegister.MAX_PAGE));
    } catch (NumberFormatException e) {
      number = 1;
    }
    YearMonth last = register.thisMonth();
    model.addAttribute("office", office);
    model.addAttribute("categories", all);
    model.addAttribute("chosen", chosen == null ? "" : chosen.toString());
    model.addAttribute("result", register.published(office.id(), chosen, number));
    model.addAttribute(
        "counts",
        RegisterCounts.of(
            register.monthlyCounts(office.id(), last.minusMonths(MONTHS - 1), last), last));
    return "complaints/register";
  }
}
