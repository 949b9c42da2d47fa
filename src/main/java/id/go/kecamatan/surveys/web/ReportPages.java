package id.go.kecamatan.surveys.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.QrCode;
import id.go.kecamatan.surveys.FollowUps;
import id.go.kecamatan.surveys.OfficeQuestions;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Responses;
import id.go.kecamatan.surveys.Suggestions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The IKM reports: the office's for its administrator and signers ({@code /admin/survei}, with its
 * saran/kritik), the regency's for the regency administrator ({@code /admin/kabupaten/survei}), and
 * the public pages of an office ({@code /kecamatan/<slug>/ikm}) and a regency ({@code
 * /kabupaten/<code>/ikm}), which show the same index as the reports for the same period. The
 * period: {@code periode} (bulan, triwulan, semester, tahun), {@code tahun}, {@code ke}; by default
 * the current year.
 */
@Controller
class ReportPages {

  private final Reports reports;
  private final Offices offices;
  private final Catalog catalog;
  private final Clock clock;
  private final PublicAddress site;
  private final FollowUps followUps;
  private final Suggestions suggestions;
  private final OfficeQuestions ownQuestions;

  ReportPages(
      Reports reports,
      Offices offices,
      Catalog catalog,
      Clock clock,
      PublicAddress site,
      FollowUps followUps,
      Suggestions suggestions,
      OfficeQuestions ownQuestions) {
    this.ownQuestions = ownQuestions;
    this.site = site;
    this.followUps = followUps;
    this.suggestions = suggestions;
    this.reports = reports;
    this.offices = offices;
    this.catalog = catalog;
    this.clock = clock;
  }

  @GetMapping("/admin/survei")
  String office(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      @RequestParam(name = "layanan", required = false) String service,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Office office = offices.get(officer.officeId());
    UUID serviceId = service(office, service);
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    model.addAttribute("office", office);
    model.addAttribute("services", catalog.allServices(office.id()));
    model.addAttribute("serviceId", serviceId);
    model.addAttribute("report", reports.office(office.id(), serviceId, period, true));
    String url = site.of(Responses.WALK_IN_FORM, office.slug());
    model.addAttribute("surveyUrl", url);
    model.addAttribute("qr", QrCode.svg(url, office.displayName()));
    followUp(office, period, model);
    model.addAttribute(
        "ownQuestions", ownQuestions.results(office.id(), period.from(), period.to(), 20));
    return "surveys/admin-report";
  }

  @GetMapping("/admin/kabupaten/survei")
  String regency(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      Model model) {
    Regency regency =
        offices.regency(CurrentOfficer.require().regencyId()).orElseThrow(NotFoundException::new);
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    model.addAttribute("regency", regency);
    model.addAttribute("report", reports.regency(regency.id(), period));
    return "surveys/regency-report";
  }

  @GetMapping("/kecamatan/{slug}/ikm")
  String publicOffice(
      @PathVariable String slug,
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      Model model) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    model.addAttribute("office", office);
    model.addAttribute("regency", offices.regency(office.regencyId()).orElseThrow());
    model.addAttribute("report", reports.office(office.id(), null, period, false));
    String url = site.of(Responses.WALK_IN_FORM, office.slug());
    model.addAttribute("surveyUrl", url);
    model.addAttribute("qr", QrCode.svg(url, office.displayName()));
    model.addAttribute("published", suggestions.published(office.id(), period));
    followUp(office, period, model);
    return "surveys/public-office";
  }

  @GetMapping("/kabupaten/{code}/ikm")
  String publicRegency(
      @PathVariable String code,
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      Model model) {
    Regency regency = offices.regencyByCode(code).orElseThrow(NotFoundException::new);
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    model.addAttribute("regency", regency);
    model.addAttribute("report", reports.regency(regency.id(), period));
    return "surveys/public-regency";
  }

  /** The period's follow-up plan, the previous period's, and the other periods with a plan. */
  private void followUp(Office office, Period period, Model model) {
    model.addAttribute("plan", followUps.of(office.id(), period).orElse(null));
    model.addAttribute("previousPlan", followUps.of(office.id(), period.previous()).orElse(null));
    model.addAttribute(
        "planPeriods",
        followUps.periods(office.id()).stream()
            .filter(p -> !p.equals(period) && !p.equals(period.previous()))
            .toList());
  }

  /** One of the office's services, or null for all (also for anything else given). */
  private UUID service(Office office, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return catalog.allServices(office.id()).stream()
        .map(ServiceType::id)
        .filter(id -> id.toString().equals(value.trim()))
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }
}
