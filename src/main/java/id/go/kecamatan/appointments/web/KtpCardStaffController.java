package id.go.kecamatan.appointments.web;

import id.go.kecamatan.appointments.KtpCardStatus;
import id.go.kecamatan.appointments.KtpCards;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.TypedBack;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The officers' e-KTP pages ({@code /admin/ktp-el}): the list by status with one action for many
 * cards, recording a card, and a card's page with its history, the next step, the surat keterangan
 * and the pick-up check. Everything is scoped to the officer's office: another office's card is not
 * found.
 */
@Controller
class KtpCardStaffController {

  static final String BASE = "/admin/ktp-el";
  static final int LISTED = 200;

  private final KtpCards cards;
  private final Documents documents;
  private final AuditTrail audit;

  KtpCardStaffController(KtpCards cards, Documents documents, AuditTrail audit) {
    this.cards = cards;
    this.documents = documents;
    this.audit = audit;
  }

  @GetMapping(BASE)
  String list(
      @RequestParam(name = "status", defaultValue = "") String status,
      @RequestParam(name = "q", defaultValue = "") String q,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return listPage(model, officer, status, q, new FieldErrors());
  }

  private String listPage(
      Model model, Officer officer, String status, String q, FieldErrors errors) {
    KtpCardStatus chosen = parse(status);
    String query = q.length() > 100 ? q.substring(0, 100) : q;
    model.addAttribute("rows", cards.list(officer.officeId(), chosen, query, LISTED));
    model.addAttribute("counts", cards.counts(officer.officeId()));
    model.addAttribute("statuses", Arrays.asList(KtpCardStatus.values()));
    model.addAttribute(
        "targets",
        Arrays.stream(KtpCardStatus.values())
            .filter(s -> s != KtpCardStatus.RECORDED && s != KtpCardStatus.PICKED_UP)
            .toList());
    model.addAttribute("status", chosen == null ? "" : chosen.name());
    model.addAttribute("q", query);
    model.addAttribute("errors", errors);
    model.addAttribute("limit", LISTED);
    return "appointments/ktp-list";
  }

  @PostMapping(BASE + "/langkah")
  String stepMany(
      @RequestParam(name = "kartu", required = false) List<String> ids,
      @RequestParam(name = "ke", defaultValue = "") String to,
      @RequestParam(name = "status", defaultValue = "") String status,
      @RequestParam(name = "q", defaultValue = "") String q,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    FieldErrors errors = new FieldErrors();
    List<UUID> chosen = new ArrayList<>();
    if (ids != null) {
      ids.stream()
          .limit(KtpCards.MAX_PER_ACTION + 1L)
          .map(KtpCardStaffController::uuid)
          .forEach(
              id -> {
                if (id != null) {
                  chosen.add(id);
                }
              });
    }
    KtpCardStatus target = parse(to);
    if (chosen.isEmpty()) {
      errors.reject("kartu", "appointments.ktp.error.noneChosen");
    } else if (chosen.size() > KtpCards.MAX_PER_ACTION) {
      errors.reject("kartu", "appointments.ktp.error.tooMany", KtpCards.MAX_PER_ACTION);
    }
    if (target == null || target == KtpCardStatus.RECORDED || target == KtpCardStatus.PICKED_UP) {
      errors.reject("ke", "appointments.ktp.error.target");
    }
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return listPage(model, officer, status, q, errors);
    }
    KtpCards.Moved moved = cards.step(officer, chosen, target);
    redirect.addFlashAttribute("moved", moved);
    redirect.addFlashAttribute("movedTo", target.name());
    return "redirect:"
        + UriComponentsBuilder.fromPath(BASE)
            .queryParam("status", parse(status) == null ? "" : status)
            .queryParam("q", q.length() > 100 ? q.substring(0, 100) : q)
            .encode()
            .build()
            .toUriString();
  }

  @GetMapping(BASE + "/baru")
  String newCard(Model model) {
    CurrentOfficer.inOffice();
    return newPage(model, KtpCards.RecordForm.blank(), new FieldErrors());
  }

  private static String newPage(Model model, KtpCards.RecordForm form, FieldErrors errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "appointments/ktp-new";
  }

  @PostMapping(BASE + "/baru")
  String record(
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.RecordForm form =
        new KtpCards.RecordForm(
            f.getOrDefault("nik", ""),
            f.getOrDefault("name", ""),
            f.getOrDefault("kk", ""),
            f.getOrDefault("phone", ""),
            f.getOrDefault("email", ""));
    var recorded = cards.record(officer, form);
    if (!recorded.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return newPage(model, shorten(form), recorded.errors());
    }
    redirect.addFlashAttribute("notice", "appointments.ktp.done.recorded");
    return "redirect:" + BASE + "/" + recorded.value().id();
  }

  /** Echoes what was typed back into the form, cut to the field's length. */
  private static KtpCards.RecordForm shorten(KtpCards.RecordForm f) {
    return new KtpCards.RecordForm(
        cut(f.nik(), 30),
        cut(f.name(), 200),
        cut(f.kk(), 30),
        cut(f.phone(), 30),
        cut(f.email(), 300));
  }

  static String cut(String value, int max) {
    return value == null ? "" : value.length() > max ? value.substring(0, max) : value;
  }

  @GetMapping(BASE + "/{id}")
  String card(@PathVariable String id, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return cardPage(model, officer, card(officer, id), new FieldErrors(), Map.of(), true);
  }

  /**
   * Where {@code UploadLimitFilter} sends a pick-up whose authority letter is over the size limit:
   * the card's page with the message at the letter and what the officer had entered (ADR 0052).
   */
  @GetMapping(BASE + "/{id}/ambil")
  String pickUpTooLarge(
      @PathVariable String id,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.Card card = card(officer, id);
    if (tooLarge == null) {
      return "redirect:" + BASE + "/" + card.id();
    }
    Map<String, String> typed = TypedBack.fields(model);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    return cardPage(
        model,
        officer,
        card,
        new FieldErrors()
            .reject("suratKuasa", "documents.error.tooBig", documents.limits().maxFile()),
        Map.of(
            "by", cut(typed.getOrDefault("by", ""), 10),
            "proxyName", cut(typed.getOrDefault("proxyName", ""), 200),
            "proxyNik", cut(typed.getOrDefault("proxyNik", ""), 30),
            "idChecked", cut(typed.getOrDefault("idChecked", ""), 5),
            "letterChecked", cut(typed.getOrDefault("letterChecked", ""), 5)),
        false);
  }

  private KtpCards.Card card(Officer officer, String id) {
    UUID cardId = uuid(id);
    if (cardId == null) {
      throw new NotFoundException();
    }
    return cards.find(officer.officeId(), cardId).orElseThrow(NotFoundException::new);
  }

  private String cardPage(
      Model model,
      Officer officer,
      KtpCards.Card card,
      FieldErrors errors,
      Map<String, String> values,
      boolean viewed) {
    if (viewed) {
      audit.record(
          officer.officeId(), "ktp.viewed", "ktp_card", card.id(), Map.of("code", card.code()));
    }
    model.addAttribute("card", card);
    model.addAttribute("steps", cards.steps(officer.officeId(), card.id()));
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("maxFile", documents.limits().maxFile());
    return "appointments/ktp-card";
  }

  @PostMapping(BASE + "/{id}/langkah")
  String stepOne(
      @PathVariable String id,
      @RequestParam(name = "ke", defaultValue = "") String to,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.Card card = card(officer, id);
    KtpCardStatus target = parse(to);
    if (target == null || !card.status().mayStepTo(target)) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return cardPage(
          model,
          officer,
          card,
          new FieldErrors().reject("ke", "appointments.ktp.error.step"),
          Map.of(),
          false);
    }
    KtpCards.Moved moved = cards.step(officer, List.of(card.id()), target);
    redirect.addFlashAttribute(
        "notice",
        moved.moved() == 1 ? "appointments.ktp.done.step" : "appointments.ktp.error.step");
    return "redirect:" + BASE + "/" + card.id();
  }

  @PostMapping(BASE + "/{id}/suket")
  String interimLetter(
      @PathVariable String id,
      @RequestParam(name = "letterNumber", defaultValue = "") String number,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.Card card = card(officer, id);
    FieldErrors errors = cards.issueInterimLetter(officer, card.id(), number);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return cardPage(
          model, officer, card, errors, Map.of("letterNumber", cut(number, 100)), false);
    }
    redirect.addFlashAttribute("notice", "appointments.ktp.done.interimLetter");
    return "redirect:" + BASE + "/" + card.id();
  }

  @PostMapping(BASE + "/{id}/ambil")
  String pickUp(
      @PathVariable String id,
      @RequestParam Map<String, String> f,
      @RequestParam(name = "suratKuasa", required = false) List<MultipartFile> files,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.Card card = card(officer, id);
    KtpCards.PickUpForm form =
        new KtpCards.PickUpForm(
            f.getOrDefault("by", ""),
            f.getOrDefault("idChecked", ""),
            f.getOrDefault("proxyName", ""),
            f.getOrDefault("proxyNik", ""),
            f.getOrDefault("letterChecked", ""));
    FieldErrors errors;
    try (RequestUploads uploads = new RequestUploads()) {
      List<Upload> letters = uploads.of(files);
      if (letters.size() > 1) {
        errors = new FieldErrors().reject("suratKuasa", "appointments.ktp.error.oneLetter");
      } else {
        errors = cards.pickUp(officer, card.id(), form, letters.isEmpty() ? null : letters.get(0));
      }
    }
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return cardPage(
          model,
          officer,
          card,
          errors,
          Map.of(
              "by", cut(form.by(), 10),
              "proxyName", cut(form.proxyName(), 200),
              "proxyNik", cut(form.proxyNik(), 30),
              "idChecked", cut(form.idChecked(), 5),
              "letterChecked", cut(form.letterChecked(), 5)),
          false);
    }
    redirect.addFlashAttribute("notice", "appointments.ktp.done.pickedUp");
    return "redirect:" + BASE + "/" + card.id();
  }

  @GetMapping(BASE + "/{id}/surat-kuasa")
  ResponseEntity<InputStreamResource> authorityLetter(@PathVariable String id) {
    Officer officer = CurrentOfficer.inOffice();
    KtpCards.Card card = card(officer, id);
    if (card.authorityLetterId() == null) {
      throw new NotFoundException();
    }
    audit.record(
        officer.officeId(),
        "ktp.authority-letter.viewed",
        "ktp_card",
        card.id(),
        Map.of("code", card.code()));
    return documents.download(officer.officeId(), card.authorityLetterId());
  }

  static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() || text.length() > 40
          ? null
          : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static KtpCardStatus parse(String value) {
    try {
      return value == null || value.isBlank() ? null : KtpCardStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
