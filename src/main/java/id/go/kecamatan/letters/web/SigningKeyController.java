package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.SigningKeys;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signer's own signing key ({@code /admin/surat/kunci}, SIGNER only): the certificate, and a
 * new key under a new passphrase typed twice, with the account's password typed again. With a
 * remote signing service the page records the signer's NIK instead, also with the password.
 */
@Controller
class SigningKeyController {

  private final SigningKeys keys;
  private final boolean remote;

  SigningKeyController(
      SigningKeys keys, @Value("${layanan.letters.signer.kind:local}") String kind) {
    this.keys = keys;
    this.remote = "remote".equals(kind);
  }

  @GetMapping("/admin/surat/kunci")
  String page(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return page(model, officer, new FieldErrors(), null);
  }

  @PostMapping("/admin/surat/kunci")
  String create(
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String passphrase,
      @RequestParam(defaultValue = "") String repeat,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    if (remote) {
      throw new NotFoundException();
    }
    char[] typed = passphrase.toCharArray();
    char[] typedPassword = password.toCharArray();
    try {
      FieldErrors errors = SigningKeys.checkPassphrase(typed);
      if (!errors.any() && !passphrase.equals(repeat)) {
        errors.reject("repeat", "signing.passphrase.mismatch");
      }
      if (errors.any()) {
        return page(model, officer, errors, null);
      }
      boolean replacing = keys.hasKey(officer.officeId(), officer.staffId());
      Outcome<?> outcome =
          keys.createWithPassword(officer.officeId(), officer.staffId(), typedPassword, typed);
      if (!outcome.ok()) {
        return page(model, officer, outcome.errors(), null);
      }
      redirect.addFlashAttribute(
          "notice", replacing ? "signing.key.replaced" : "signing.key.created");
      return "redirect:/admin/surat/kunci";
    } finally {
      Arrays.fill(typed, '\0');
      Arrays.fill(typedPassword, '\0');
    }
  }

  @PostMapping("/admin/surat/kunci/nik")
  String saveNik(
      @RequestParam(defaultValue = "") String nik,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    char[] typedPassword = password.toCharArray();
    FieldErrors errors;
    try {
      errors = keys.saveNik(officer.officeId(), officer.staffId(), nik, typedPassword);
    } finally {
      Arrays.fill(typedPassword, '\0');
    }
    if (errors.any()) {
      return page(model, officer, errors, nik);
    }
    redirect.addFlashAttribute("notice", "signing.nik.saved");
    return "redirect:/admin/surat/kunci";
  }

  private String page(Model model, Officer officer, FieldErrors errors, String typedNik) {
    model.addAttribute("remote", remote);
    model.addAttribute(
        "certificate", keys.certificate(officer.officeId(), officer.staffId()).orElse(null));
    model.addAttribute(
        "nik",
        typedNik != null ? typedNik : keys.nik(officer.officeId(), officer.staffId()).orElse(""));
    model.addAttribute("errors", errors);
    return "letters/signing/key";
  }
}
