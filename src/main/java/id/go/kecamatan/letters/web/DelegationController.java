package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.Delegation;
import id.go.kecamatan.letters.Delegations;
import id.go.kecamatan.letters.SignerPosition;
import id.go.kecamatan.letters.SignerProfiles;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delegations of signing {@code /admin/surat/delegasi}: every signer and office admin sees them;
 * the Camat (or the office admin) gives and cancels them.
 */
@Controller
class DelegationController {

  private final Delegations delegations;
  private final SignerProfiles profiles;
  private final Clock clock;

  DelegationController(Delegations delegations, SignerProfiles profiles, Clock clock) {
    this.delegations = delegations;
    this.profiles = profiles;
    this.clock = clock;
  }

  @GetMapping("/admin/surat/delegasi")
  String list(Model model) {
    LocalDate today = LocalDate.now(clock);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("startsOn", today.toString());
    form.put("endsOn", today.plusDays(4).toString());
    return page(model, form, new FieldErrors());
  }

  @PostMapping("/admin/surat/delegasi")
  String delegate(
      @RequestParam(name = "delegate", required = false) String delegate,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "startsOn", required = false) String startsOn,
      @RequestParam(name = "endsOn", required = false) String endsOn,
      @RequestParam(name = "note", required = false) String note,
      Model model,
      RedirectAttributes redirect) {
    Outcome<Delegation> outcome =
        delegations.delegate(CurrentOfficer.inOffice(), delegate, kind, startsOn, endsOn, note);
    if (!outcome.ok()) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("delegate", delegate);
      form.put("kind", kind);
      form.put("startsOn", startsOn);
      form.put("endsOn", endsOn);
      form.put("note", note);
      return page(model, form, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "letters.delegation.saved");
    return "redirect:/admin/surat/delegasi";
  }

  @PostMapping("/admin/surat/delegasi/{id}/batalkan")
  String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
    delegations.cancel(CurrentOfficer.inOffice(), id);
    redirect.addFlashAttribute("notice", "letters.delegation.cancelled");
    return "redirect:/admin/surat/delegasi";
  }

  private String page(Model model, Map<String, String> form, FieldErrors errors) {
    Officer officer = CurrentOfficer.inOffice();
    model.addAttribute("delegations", delegations.of(officer.officeId()));
    model.addAttribute("mayDelegate", delegations.mayDelegate(officer));
    model.addAttribute(
        "delegates",
        profiles.signers(officer.officeId()).stream()
            .filter(s -> s.profile() != null && s.profile().position() != SignerPosition.CAMAT)
            .toList());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "letters/delegations";
  }
}
