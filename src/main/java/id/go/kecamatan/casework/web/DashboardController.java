package id.go.kecamatan.casework.web;

import id.go.kecamatan.casework.internal.Dashboard;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The office dashboard (dasbor) for office staff at {@code /admin/dasbor}: the whole office, or for
 * a village operator (without another role) their village only.
 */
@Controller
class DashboardController {

  private final Dashboard dashboard;
  private final Offices offices;

  DashboardController(Dashboard dashboard, Offices offices) {
    this.dashboard = dashboard;
    this.offices = offices;
  }

  @GetMapping("/admin/dasbor")
  String show(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    boolean villageOnly = villageOnly(officer);
    model.addAttribute("office", offices.get(officer.officeId()));
    model.addAttribute(
        "villageName",
        villageOnly
            ? offices
                .village(officer.officeId(), officer.villageId())
                .map(v -> v.name())
                .orElse(null)
            : null);
    model.addAttribute(
        "figures", dashboard.of(officer.officeId(), villageOnly ? officer.villageId() : null));
    return "dashboard/office";
  }

  /** A village operator sees their village only, unless another role gives them the office. */
  static boolean villageOnly(Officer officer) {
    return officer.villageId() != null
        && officer.roles().stream().allMatch(r -> r == Role.VILLAGE_OPERATOR);
  }
}
