package id.go.kecamatan.content.web;

import id.go.kecamatan.content.Announcement;
import id.go.kecamatan.content.AnnouncementPriority;
import id.go.kecamatan.content.Announcements;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing announcements: an office administrator the office's ({@code
 * /admin/sosialisasi/pengumuman}), a regency administrator the regency's for all its offices
 * ({@code /admin/kabupaten/pengumuman}); the security configuration gives each path to its role,
 * and every look-up is within the officer's own office or regency, so another's announcement is not
 * found.
 */
@Controller
class AnnouncementAdmin {

  static final String OFFICE = "/admin/sosialisasi/pengumuman";
  static final String REGENCY = "/admin/kabupaten/pengumuman";

  private final Announcements announcements;
  private final Offices offices;

  AnnouncementAdmin(Announcements announcements, Offices offices) {
    this.announcements = announcements;
    this.offices = offices;
  }

  @GetMapping({OFFICE, REGENCY})
  String list(HttpServletRequest request, Model model) {
    Announcements.Scope scope = scope(request);
    model.addAttribute("base", base(request));
    model.addAttribute("regency", scope.officeId() == null);
    model.addAttribute("announcements", announcements.list(scope));
    model.addAttribute("today", announcements.today());
    if (scope.officeId() != null) {
      // what the regency shows on this office's pages today, and whose banner is on its home page
      model.addAttribute(
          "fromRegency",
          announcements.current(scope.regencyId(), scope.officeId()).stream()
              .filter(Announcement::regencyWide)
              .toList());
      model.addAttribute(
          "shownBanner", announcements.banner(scope.regencyId(), scope.officeId()).orElse(null));
      model.addAttribute("slug", offices.get(scope.officeId()).slug());
    }
    return "content/announcements-admin";
  }

  @GetMapping({OFFICE + "/baru", REGENCY + "/baru"})
  String createForm(HttpServletRequest request, Model model) {
    scope(request);
    return form(
        request,
        null,
        Announcements.Form.starting(announcements.today()),
        new FieldErrors(),
        model);
  }

  @GetMapping({OFFICE + "/{id}", REGENCY + "/{id}"})
  String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
    Announcement a =
        announcements.find(scope(request), uuid(id)).orElseThrow(NotFoundException::new);
    return form(request, a, Announcements.Form.of(a), new FieldErrors(), model);
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
    UUID found = uuid(id);
    announcements.find(scope(request), found).orElseThrow(NotFoundException::new);
    return save(request, found, fields, model, redirect);
  }

  @PostMapping({OFFICE + "/{id}/akhiri", REGENCY + "/{id}/akhiri"})
  String end(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    announcements.endToday(scope(request), uuid(id));
    redirect.addFlashAttribute("notice", "outreach.announcements.ended");
    return "redirect:" + base(request);
  }

  /** The form's fields as posted. */
  record Fields(
      String title,
      String body,
      String ticker,
      String priority,
      String banner,
      String startsOn,
      String endsOn,
      String reviewOn,
      String version) {

    Announcements.Form form() {
      int v;
      try {
        v = version == null ? 0 : Integer.parseInt(version.strip());
      } catch (NumberFormatException e) {
        v = -1;
      }
      return new Announcements.Form(
          title, body, ticker, priority, banner != null, startsOn, endsOn, reviewOn, v);
    }
  }

  private String save(
      HttpServletRequest request,
      UUID id,
      Fields fields,
      Model model,
      RedirectAttributes redirect) {
    Announcements.Form form = fields.form();
    Announcements.Saved saved = announcements.save(scope(request), id, form);
    if (saved.errors().any()) {
      Announcement existing =
          id == null ? null : announcements.find(scope(request), id).orElse(null);
      return form(request, existing, form, saved.errors(), model);
    }
    redirect.addFlashAttribute("notice", "outreach.announcements.saved");
    return "redirect:" + base(request);
  }

  private String form(
      HttpServletRequest request,
      Announcement existing,
      Announcements.Form form,
      FieldErrors errors,
      Model model) {
    model.addAttribute("base", base(request));
    model.addAttribute("existing", existing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "priorities", Arrays.stream(AnnouncementPriority.values()).map(Enum::name).toList());
    return "content/announcement-edit";
  }

  private static String base(HttpServletRequest request) {
    return request.getRequestURI().startsWith(REGENCY) ? REGENCY : OFFICE;
  }

  /** The office administrator's office, or the regency administrator's regency. */
  private Announcements.Scope scope(HttpServletRequest request) {
    if (base(request).equals(REGENCY)) {
      Officer officer = CurrentOfficer.require();
      if (officer.regencyId() == null) {
        throw new NotFoundException();
      }
      return Announcements.Scope.regency(officer.regencyId());
    }
    Officer officer = CurrentOfficer.inOffice();
    return Announcements.Scope.office(
        offices.get(officer.officeId()).regencyId(), officer.officeId());
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
