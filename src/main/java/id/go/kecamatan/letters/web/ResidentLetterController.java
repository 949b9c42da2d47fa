package id.go.kecamatan.letters.web;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ResidentGrants;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.internal.LetterRepository;
import id.go.kecamatan.office.Offices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident downloads their letter from the status page, {@code /status/{code}/surat}: only a
 * browser session that opened the application (tracking code and phone digits) gets it; any other
 * visitor is sent to the look-up form, with no hint whether the code exists. A revoked letter is
 * not served: a page says when and why, and to contact the office.
 */
@Controller
class ResidentLetterController {

  private final LetterRepository letters;
  private final TrackedApplications tracked;
  private final Offices offices;

  ResidentLetterController(LetterRepository letters, TrackedApplications tracked, Offices offices) {
    this.letters = letters;
    this.tracked = tracked;
    this.offices = offices;
  }

  @GetMapping("/status/{code}/surat")
  Object download(
      @PathVariable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Optional<TrackingCode> granted =
        TrackingCode.parse(code).filter(c -> ResidentGrants.mayOpenApplication(request, c.value()));
    if (granted.isEmpty()) {
      return "redirect:/status";
    }
    Optional<IssuedLetter> found = letters.byTrackingCode(granted.get().value());
    if (found.isEmpty()) {
      // issued on paper only: the status page says what to do; not issued yet: just the status
      boolean issued =
          tracked
              .status(granted.get())
              .map(
                  v ->
                      v.status() == ApplicationStatus.ISSUED
                          || v.status() == ApplicationStatus.COLLECTED)
              .orElse(false);
      if (issued) {
        redirect.addFlashAttribute("notice", "status.letter.none");
      }
      return "redirect:/status/" + granted.get().value();
    }
    IssuedLetter letter = found.get();
    if (letter.revoked()) {
      response.setStatus(HttpStatus.GONE.value());
      model.addAttribute("letter", letter);
      model.addAttribute("office", offices.get(letter.officeId()));
      return "letters/issued/revoked";
    }
    byte[] pdf = letters.pdf(letter.officeId(), letter.id()).orElseThrow();
    return LetterPdfs.of(letter, pdf, false);
  }
}
