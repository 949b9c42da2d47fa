package id.go.kecamatan.statistics.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.statistics.Statistics;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regency's consolidated monthly reports for its admin: the versions published (the automatic
 * version 1 and the corrections), and publishing a month or a correction of it with its reason,
 * like an office's report. Everyone downloads them from the regency's statistics page.
 */
@Controller
class RegencyReportController {

  static final String BASE = "/admin/kabupaten/statistik/laporan";

  private final MonthlyReports reports;
  private final Offices offices;
  private final Statistics statistics;

  RegencyReportController(MonthlyReports reports, Offices offices, Statistics statistics) {
    this.reports = reports;
    this.offices = offices;
    this.statistics = statistics;
  }

  @GetMapping(BASE)
  String list(Model model) {
    return page(model, regency(), "", "", new FieldErrors());
  }

  @PostMapping(BASE)
  String publish(
      @RequestParam(name = "bulan", required = false) String month,
      @RequestParam(name = "alasan", required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Regency regency = regency();
    String typed = month == null ? "" : month.strip();
    YearMonth chosen =
        typed.length() == 7 && typed.charAt(4) == '-'
            ? Period.parse(typed.substring(5), typed.substring(0, 4))
            : null;
    List<Office> active = offices.officesOf(regency.id()).stream().filter(Office::active).toList();
    Outcome<PublishedReport> outcome =
        reports.publishRegency(
            regency,
            active,
            chosen,
            statistics.currentMonth(),
            CurrentOfficer.require().fullName(),
            reason);
    if (!outcome.ok()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(
          model,
          regency,
          typed.length() > 7 ? typed.substring(0, 7) : typed,
          reason == null ? "" : reason.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", ""),
          outcome.errors());
    }
    redirect.addFlashAttribute(
        "notice",
        MonthlyReports.reasonUnused(outcome.value(), reason)
            ? "statistics.report.publishedFirst"
            : "statistics.report.published");
    return "redirect:" + BASE;
  }

  private String page(
      Model model, Regency regency, String month, String reason, FieldErrors errors) {
    model.addAttribute("regency", regency);
    model.addAttribute("reports", reports.ofRegency(regency.id()));
    model.addAttribute(
        "month", month.isEmpty() ? statistics.currentMonth().minusMonths(1).toString() : month);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("maxReason", MonthlyReports.MAX_REASON);
    return "statistics/regency-reports";
  }

  private Regency regency() {
    Officer officer = CurrentOfficer.require();
    if (!officer.has(Role.REGENCY_ADMIN) || officer.regencyId() == null) {
      throw new AccessDeniedException("the consolidated reports are the regency admin's");
    }
    return offices.regency(officer.regencyId()).orElseThrow(NotFoundException::new);
  }
}
