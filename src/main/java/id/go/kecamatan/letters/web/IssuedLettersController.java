package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.internal.LetterDesk;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The office's issued letters (surat terbit) in the back office, {@code /admin/surat/terbit}: the
 * list with search, one letter with its verification link and scans, download and print, handing
 * the paper letter over (sudah diambil), and revocation (pencabutan) by the office admin with a
 * confirmation page. Who may open these is set by the URL rules; revocation is checked again in
 * {@link LetterDesk#revoke}.
 */
@Controller
class IssuedLettersController {

  private static final String BASE = "/admin/surat/terbit";

  private final LetterDesk desk;
  private final LetterSigning signing;

  IssuedLettersController(LetterDesk desk, LetterSigning signing) {
    this.desk = desk;
    this.signing = signing;
  }

  @GetMapping(BASE)
  String list(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "setelah", required = false) String after,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    FieldErrors errors = new FieldErrors();
    String search = FieldErrors.clean(q);
    if (search != null && search.length() > LetterDesk.MAX_SEARCH) {
      errors.reject("q", "error.tooLong", LetterDesk.MAX_SEARCH);
      search = search.substring(0, LetterDesk.MAX_SEARCH);
    }
    if (search != null && search.chars().anyMatch(Character::isISOControl)) {
      // NUL and other control characters cannot be in a number, a code or a name
      errors.reject("q", "error.control");
      search = null;
    }
    Instant afterSignedAt = null;
    UUID afterId = null;
    String keyset = FieldErrors.clean(after);
    if (keyset != null) {
      String[] parts = keyset.split("_", 2);
      try {
        afterSignedAt = Instant.parse(parts[0]);
        afterId = UUID.fromString(parts[1]);
      } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
        afterSignedAt = null;
        afterId = null;
      }
    }
    LetterDesk.Page result = desk.list(officer, search, afterSignedAt, afterId);
    String next = null;
    if (result.hasNext()) {
      IssuedLetter last = result.rows().get(result.rows().size() - 1);
      UriComponentsBuilder link = UriComponentsBuilder.fromPath(BASE);
      if (search != null) {
        link.queryParam("q", "{q}");
      }
      link.queryParam("setelah", last.signedAt() + "_" + last.id());
      next =
          (search != null ? link.encode().buildAndExpand(search) : link.encode().build())
              .toUriString();
    }
    model.addAttribute("result", result);
    model.addAttribute("q", search == null ? "" : search);
    model.addAttribute("firstPage", keyset != null);
    model.addAttribute("next", next);
    model.addAttribute("errors", errors);
    return "letters/issued/list";
  }

  @GetMapping(BASE + "/{id}")
  String show(
      @PathVariable UUID id,
      @RequestParam(name = "konflik", required = false) String conflict,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    IssuedLetter letter = desk.open(officer, id);
    if (conflict != null) {
      model.addAttribute("conflict", "verification.issued.conflict");
    }
    return detail(model, officer, letter);
  }

  private String detail(Model model, Officer officer, IssuedLetter letter) {
    model.addAttribute("letter", letter);
    model.addAttribute("verifyUrl", signing.verificationUrl(letter.verificationCode()));
    model.addAttribute("revokes", officer.has(Role.OFFICE_ADMIN));
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    if (!model.containsAttribute("conflict")) {
      model.addAttribute("conflict", null);
    }
    return "letters/issued/show";
  }

  @GetMapping(BASE + "/{id}/unduh")
  ResponseEntity<byte[]> download(@PathVariable UUID id) {
    LetterDesk.Pdf pdf = desk.pdf(CurrentOfficer.inOffice(), id, false);
    return LetterPdfs.of(pdf.letter(), pdf.bytes(), false);
  }

  @GetMapping(BASE + "/{id}/cetak")
  ResponseEntity<byte[]> print(@PathVariable UUID id) {
    LetterDesk.Pdf pdf = desk.pdf(CurrentOfficer.inOffice(), id, true);
    return LetterPdfs.of(pdf.letter(), pdf.bytes(), true);
  }

  @PostMapping(BASE + "/{id}/diambil")
  String collect(@PathVariable UUID id, RedirectAttributes redirect) {
    LetterDesk.Collected outcome = desk.collect(CurrentOfficer.inOffice(), id);
    switch (outcome) {
      case DONE -> redirect.addFlashAttribute("notice", "verification.issued.collected");
      case REVOKED -> redirect.addFlashAttribute("conflict", "verification.issued.collectRevoked");
      case CONFLICT -> redirect.addFlashAttribute("conflict", "verification.issued.conflict");
    }
    return "redirect:" + BASE + "/" + id;
  }

  @GetMapping(BASE + "/{id}/cabut")
  String confirmRevocation(@PathVariable UUID id, Model model) {
    Officer officer = adminOnly();
    IssuedLetter letter = desk.get(officer, id);
    if (letter.revoked()) {
      return "redirect:" + BASE + "/" + id;
    }
    return revokePage(model, letter, "", new FieldErrors());
  }

  @PostMapping(BASE + "/{id}/cabut")
  String revoke(
      @PathVariable UUID id,
      @RequestParam(name = "alasan", required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = adminOnly();
    Outcome<IssuedLetter> outcome = desk.revoke(officer, id, reason);
    if (!outcome.ok()) {
      IssuedLetter letter = desk.get(officer, id);
      response.setStatus(
          letter.revoked() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
      return revokePage(model, letter, reason == null ? "" : reason, outcome.errors());
    }
    redirect.addFlashAttribute("notice", "verification.revoke.done");
    return "redirect:" + BASE + "/" + id;
  }

  private static String revokePage(
      Model model, IssuedLetter letter, String reason, FieldErrors errors) {
    model.addAttribute("letter", letter);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("maxReason", LetterDesk.MAX_REASON);
    return "letters/issued/revoke";
  }

  private static Officer adminOnly() {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("revocation is the office admin's");
    }
    return officer;
  }
}
