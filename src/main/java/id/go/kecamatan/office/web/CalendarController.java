package id.go.kecamatan.office.web;

import id.go.kecamatan.office.Holiday;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar: an office administrator manages the office's closures at {@code
 * /admin/kalender}; a regency administrator manages national holidays and cuti bersama at {@code
 * /admin/kabupaten/kalender}. Both see the national days.
 */
@Controller
class CalendarController {

  private final WorkingCalendar calendar;
  private final Clock clock;

  CalendarController(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The scope of the screen: an office, or the national days (office id null). */
  private record Scope(UUID officeId, String base) {}

  private static Scope scope(boolean national) {
    Officer officer = CurrentOfficer.require();
    if (national) {
      if (!officer.has(Role.REGENCY_ADMIN)) {
        throw new NotFoundException();
      }
      return new Scope(null, "/admin/kabupaten/kalender");
    }
    return new Scope(CurrentOfficer.inOffice().officeId(), "/admin/kalender");
  }

  @GetMapping("/admin/kalender")
  String office(@RequestParam(name = "tahun", required = false) String year, Model model) {
    return page(scope(false), year(year), new FieldErrors(), "", "LOCAL", "", model);
  }

  @GetMapping("/admin/kabupaten/kalender")
  String national(@RequestParam(name = "tahun", required = false) String year, Model model) {
    return page(scope(true), year(year), new FieldErrors(), "", "LIBUR", "", model);
  }

  @PostMapping({"/admin/kalender", "/admin/kabupaten/kalender"})
  String add(
      @RequestParam(defaultValue = "") String day,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String name,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Scope scope = scope(request.getRequestURI().startsWith("/admin/kabupaten"));
    FieldErrors errors = calendar.add(scope.officeId(), day, kind, name);
    if (errors.any()) {
      Integer year = null;
      try {
        year = LocalDate.parse(day.strip()).getYear();
      } catch (RuntimeException e) {
        // show the current year
      }
      return page(scope, year, errors, day, kind, name, model);
    }
    redirect.addFlashAttribute("notice", "calendar.added");
    return "redirect:" + scope.base() + "?tahun=" + LocalDate.parse(day.strip()).getYear();
  }

  @PostMapping({"/admin/kalender/{id}/hapus", "/admin/kabupaten/kalender/{id}/hapus"})
  String remove(
      @PathVariable UUID id,
      jakarta.servlet.http.HttpServletRequest request,
      RedirectAttributes redirect) {
    Scope scope = scope(request.getRequestURI().startsWith("/admin/kabupaten"));
    if (!calendar.remove(scope.officeId(), id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("notice", "calendar.removed");
    return "redirect:" + scope.base();
  }

  /** The year asked for; anything but a number (a mistyped address) shows the current year. */
  private static Integer year(String typed) {
    String digits = typed == null ? "" : typed.strip();
    return digits.matches("[0-9]{1,4}") ? Integer.valueOf(digits) : null;
  }

  private String page(
      Scope scope,
      Integer year,
      FieldErrors errors,
      String day,
      String kind,
      String name,
      Model model) {
    int shown = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
    model.addAttribute("national", scope.officeId() == null);
    model.addAttribute("base", scope.base());
    model.addAttribute("year", shown);
    model.addAttribute("entered", calendar.nationalDaysEntered(shown));
    model.addAttribute(
        "holidays",
        calendar.holidays(scope.officeId(), shown).stream()
            .filter(h -> scope.officeId() != null || h.national())
            .toList());
    model.addAttribute(
        "kinds",
        scope.officeId() == null
            ? new Holiday.Kind[] {Holiday.Kind.LIBUR, Holiday.Kind.CUTI_BERSAMA}
            : Holiday.Kind.values());
    model.addAttribute("errors", errors);
    model.addAttribute("day", day);
    model.addAttribute("kind", kind);
    model.addAttribute("name", name);
    return "admin/calendar";
  }
}
