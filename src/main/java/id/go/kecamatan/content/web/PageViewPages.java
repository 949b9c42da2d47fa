package id.go.kecamatan.content.web;

import id.go.kecamatan.content.PageKind;
import id.go.kecamatan.content.PageViews;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office administrator's visit figures ({@code /admin/sosialisasi/kunjungan}): visits of the
 * office's public pages per kind of page and per day over 7, 30 or 90 days, counted without cookies
 * or anything about the visitors.
 */
@Controller
class PageViewPages {

  static final String BASE = "/admin/sosialisasi/kunjungan";

  /** The periods offered, in days up to today. */
  static final List<Integer> PERIODS = List.of(7, 30, 90);

  private final PageViews views;

  PageViewPages(PageViews views) {
    this.views = views;
  }

  @GetMapping(BASE)
  String figures(@RequestParam(name = "hari", required = false) String days, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    int period =
        PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(30);
    LocalDate today = views.today();
    LocalDate from = today.minusDays(period - 1L);
    Map<PageKind, Long> perKind = views.perKind(officer.officeId(), from, today);
    model.addAttribute("period", period);
    model.addAttribute("periods", PERIODS);
    model.addAttribute("kinds", List.of(PageKind.values()));
    model.addAttribute("perKind", perKind);
    model.addAttribute("total", perKind.values().stream().mapToLong(Long::longValue).sum());
    model.addAttribute("perDay", views.perDay(officer.officeId(), from, today));
    return "content/page-views";
  }
}
