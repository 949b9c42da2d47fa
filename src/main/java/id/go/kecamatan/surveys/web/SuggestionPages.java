package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Suggestions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moderation of saran/kritik for the office administrator ({@code /admin/survei/saran}): the
 * period's saran/kritik of the office's responses, each published or not; only published ones
 * appear on the public IKM page. Another office's ids answer 404.
 */
@Controller
class SuggestionPages {

  static final String PATH = "/admin/survei/saran";

  private final Suggestions suggestions;
  private final Offices offices;
  private final Clock clock;

  SuggestionPages(Suggestions suggestions, Offices offices, Clock clock) {
    this.suggestions = suggestions;
    this.offices = offices;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String list(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    model.addAttribute("office", office);
    model.addAttribute("period", period);
    model.addAttribute("suggestions", suggestions.ofOffice(office.id(), period));
    return "surveys/suggestions";
  }

  @PostMapping(PATH + "/{id}")
  String decide(
      @PathVariable String id,
      @RequestParam(name = "terbitkan", required = false) String publish,
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    UUID responseId = uuid(id);
    if (!"ya".equals(publish) && !"tidak".equals(publish)) {
      throw new NotFoundException();
    }
    if (!suggestions.decide(officeId, responseId, "ya".equals(publish))) {
      throw new NotFoundException();
    }
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    return "redirect:" + PATH + "?" + period.query() + "#saran-" + responseId;
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }
}
