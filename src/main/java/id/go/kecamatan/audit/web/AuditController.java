package id.go.kecamatan.audit.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.CurrentOfficer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office administrator reads the office's audit trail. */
@Controller
class AuditController {

  private final AuditTrail audit;

  AuditController(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String latest(Model model) {
    model.addAttribute("entries", audit.latest(CurrentOfficer.inOffice().officeId(), 200));
    return "admin/audit";
  }
}
