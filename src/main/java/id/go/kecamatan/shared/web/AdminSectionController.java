package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The landing page of a section of the back office's navigation ({@link AdminNavigation}): its
 * links the officer may open, one line each. A section with none of them is not found.
 */
@Controller
class AdminSectionController {

  @GetMapping("/admin/bagian/{key}")
  String section(@PathVariable String key, Model model) {
    Officer officer = CurrentOfficer.require();
    AdminNavigation.Section section =
        AdminNavigation.section(key).orElseThrow(NotFoundException::new);
    List<AdminNavigation.Link> links = section.visibleTo(officer);
    if (links.isEmpty()) {
      throw new NotFoundException();
    }
    model.addAttribute("section", section);
    model.addAttribute("links", links);
    return "admin/section";
  }
}
