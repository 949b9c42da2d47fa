package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.SignerProfile;
import id.go.kecamatan.letters.SignerProfiles;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office admin names each signer's position {@code /admin/surat/penandatangan}. */
@Controller
class SignerController {

  private final SignerProfiles profiles;

  SignerController(SignerProfiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping("/admin/surat/penandatangan")
  String list(Model model) {
    return page(model, null, Map.of(), new FieldErrors());
  }

  @PostMapping("/admin/surat/penandatangan/{staffId}")
  String save(
      @PathVariable UUID staffId,
      @RequestParam(name = "position", required = false) String position,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "rank", required = false) String rank,
      Model model,
      RedirectAttributes redirect) {
    Outcome<SignerProfile> outcome =
        profiles.set(CurrentOfficer.inOffice().officeId(), staffId, position, title, rank);
    if (!outcome.ok()) {
      Map<String, String> typed =
          Map.of(
              "position", position == null ? "" : position,
              "title", title == null ? "" : title,
              "rank", rank == null ? "" : rank);
      return page(model, staffId, typed, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "admin.saved");
    return "redirect:/admin/surat/penandatangan";
  }

  private String page(Model model, UUID failed, Map<String, String> typed, FieldErrors errors) {
    model.addAttribute("signers", profiles.signers(CurrentOfficer.inOffice().officeId()));
    model.addAttribute("failed", failed);
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    return "letters/signers";
  }
}
