package id.go.kecamatan.letters.web;

import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.Worklist;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SigningReport;
import id.go.kecamatan.letters.SigningTasks;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signing queue {@code /admin/surat/tanda-tangan}: the office's approved applications waiting
 * for their letter, nearest deadline first, each with a preview of its letter; the signer signs one
 * or a selection with one passphrase entry (or every letter of the page, with the button "sign all
 * on this page", which works without JavaScript), or returns one to the checkers with a note. The
 * first page of each letter is shown in the queue as an image.
 */
@Controller
class SigningController {

  private final LetterSigning signing;
  private final Worklist worklist;
  private final Casework casework;
  private final Clock clock;
  private final List<SigningTasks> tasks;

  SigningController(
      LetterSigning signing,
      Worklist worklist,
      Casework casework,
      Clock clock,
      List<SigningTasks> tasks) {
    this.signing = signing;
    this.worklist = worklist;
    this.casework = casework;
    this.clock = clock;
    this.tasks = tasks;
  }

  @GetMapping("/admin/surat/tanda-tangan")
  String queue(
      @RequestParam(name = "setelah", required = false) String after,
      @RequestParam(name = "setelah-id", required = false) UUID afterId,
      Model model) {
    return queuePage(model, after, afterId, Set.of(), new FieldErrors());
  }

  @PostMapping("/admin/surat/tanda-tangan")
  String sign(
      @RequestParam(name = "permohonan", required = false) List<UUID> chosen,
      @RequestParam(name = "halaman", required = false) List<UUID> onPage,
      @RequestParam(name = "semua", required = false) String all,
      @RequestParam(name = "passphrase", required = false) String passphrase,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    // "sign all on this page": the letters the page listed, whatever was ticked
    List<UUID> given = all != null && onPage != null ? onPage : chosen;
    Set<UUID> ticked =
        given == null
            ? Set.of()
            : given.stream()
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    Outcome<SigningReport> outcome =
        signing.sign(
            officer,
            ticked.stream().map(ApplicationId::new).toList(),
            passphrase == null ? null : passphrase.toCharArray());
    if (!outcome.ok()) {
      return queuePage(model, null, null, ticked, outcome.errors());
    }
    redirect.addFlashAttribute("report", outcome.value());
    return "redirect:/admin/surat/tanda-tangan";
  }

  @GetMapping("/admin/surat/tanda-tangan/{id}/pratinjau")
  ResponseEntity<byte[]> preview(@PathVariable UUID id) {
    byte[] pdf;
    try {
      pdf = signing.preview(CurrentOfficer.inOffice(), new ApplicationId(id));
    } catch (IllegalTransitionException e) {
      throw new NotFoundException();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("pratinjau-surat.pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  /** The first page of the draft letter as an image, shown in the queue beside its choice. */
  @GetMapping("/admin/surat/tanda-tangan/{id}/pratinjau.png")
  ResponseEntity<byte[]> previewImage(@PathVariable UUID id) {
    byte[] png;
    try {
      png = signing.previewPng(CurrentOfficer.inOffice(), new ApplicationId(id));
    } catch (IllegalTransitionException e) {
      throw new NotFoundException();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(png);
  }

  @GetMapping("/admin/surat/tanda-tangan/{id}/kembalikan")
  String returnForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
    requireAuthority();
    return returnPage(model, id, "", new FieldErrors(), redirect);
  }

  @PostMapping("/admin/surat/tanda-tangan/{id}/kembalikan")
  String returnToCheckers(
      @PathVariable UUID id,
      @RequestParam(name = "note", required = false) String note,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = requireAuthority();
    try {
      Outcome<?> outcome = casework.returnFromSigning(officer, new ApplicationId(id), note);
      if (!outcome.ok()) {
        return returnPage(model, id, note, outcome.errors(), redirect);
      }
    } catch (IllegalTransitionException | OptimisticLockingFailureException e) {
      redirect.addFlashAttribute("notice", "letters.return.changed");
      return "redirect:/admin/surat/tanda-tangan";
    }
    redirect.addFlashAttribute("notice", "letters.return.done");
    return "redirect:/admin/surat/tanda-tangan";
  }

  /** Only a signer who may sign today returns an application from the queue. */
  private Officer requireAuthority() {
    Officer officer = CurrentOfficer.inOffice();
    if (signing.authority(officer).isEmpty()) {
      throw new AccessDeniedException("No signing authority today");
    }
    return officer;
  }

  private String returnPage(
      Model model, UUID id, String note, FieldErrors errors, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    var file = casework.open(officer, new ApplicationId(id));
    if (file.application().status() != ApplicationStatus.APPROVED) {
      // signed or returned by another signer since the queue was drawn: the queue says so (it was
      // a 404)
      redirect.addFlashAttribute("notice", "letters.return.changed");
      return "redirect:/admin/surat/tanda-tangan";
    }
    model.addAttribute("file", file);
    model.addAttribute("note", note == null ? "" : note);
    model.addAttribute("errors", errors);
    return "letters/return";
  }

  private String queuePage(
      Model model, String after, UUID afterId, Set<UUID> chosen, FieldErrors errors) {
    Officer officer = CurrentOfficer.inOffice();
    LocalDate today = LocalDate.now(clock);
    LocalDate afterDeadline = null;
    try {
      afterDeadline = after == null ? null : LocalDate.parse(after);
    } catch (java.time.format.DateTimeParseException e) {
      afterDeadline = null;
    }
    Worklist.Filter filter =
        new Worklist.Filter(
            ApplicationStatus.APPROVED,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            afterDeadline,
            afterId);
    Worklist.Result result =
        worklist.find(officer.officeId(), officer.staffId(), filter, null, today);
    model.addAttribute("authority", signing.authority(officer).orElse(null));
    model.addAttribute("rows", result.rows());
    model.addAttribute("hasNext", result.hasNext());
    model.addAttribute("chosen", chosen);
    model.addAttribute("errors", errors);
    model.addAttribute("maxBatch", LetterSigning.MAX_BATCH);
    // other documents waiting for a signer (the monthly report), signed on their own page
    model.addAttribute(
        "tasks", tasks.stream().flatMap(t -> t.waiting(officer.officeId()).stream()).toList());
    return "letters/queue";
  }
}
