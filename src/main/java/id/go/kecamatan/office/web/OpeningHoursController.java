package id.go.kecamatan.office.web;

import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's opening hours and breaks ({@code /admin/kantor/jam-layanan}), office admin only. */
@Controller
class OpeningHoursController {

  private final OpeningHours hours;

  OpeningHoursController(OpeningHours hours) {
    this.hours = hours;
  }

  @GetMapping("/admin/kantor/jam-layanan")
  String show(Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    Map<String, String> values = new HashMap<>();
    for (OpeningHours.Day d : hours.week(officeId)) {
      int n = d.weekday().getValue();
      values.put("opens-" + n, text(d.opens()));
      values.put("closes-" + n, text(d.closes()));
      values.put("breakStarts-" + n, text(d.breakStarts()));
      values.put("breakEnds-" + n, text(d.breakEnds()));
    }
    return page(model, values, new FieldErrors());
  }

  @PostMapping("/admin/kantor/jam-layanan")
  String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
    Map<String, String> values = new HashMap<>();
    for (var weekday : OpeningHours.WEEKDAYS) {
      int n = weekday.getValue();
      for (String field : List.of("opens-", "closes-", "breakStarts-", "breakEnds-")) {
        values.put(field + n, form.getOrDefault(field + n, ""));
      }
    }
    FieldErrors errors = hours.save(CurrentOfficer.inOffice().officeId(), values);
    if (errors.any()) {
      return page(model, values, errors);
    }
    redirect.addFlashAttribute("notice", "openingHours.saved");
    return "redirect:/admin/kantor/jam-layanan";
  }

  private static String page(Model model, Map<String, String> values, FieldErrors errors) {
    model.addAttribute("weekdays", OpeningHours.WEEKDAYS);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    return "admin/opening-hours";
  }

  private static String text(LocalTime t) {
    return t == null ? "" : t.toString();
  }
}
