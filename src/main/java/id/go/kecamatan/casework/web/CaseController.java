package id.go.kecamatan.casework.web;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.casework.CaseFile;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One application in the back office, {@code /admin/permohonan/{id}}: the case file and its forms.
 * Each form posts to its own address and comes back to the case page; a form with errors shows the
 * page again with the errors and what was typed (status 400). When another officer changed the
 * application first, nothing changes and the page says so.
 */
@Controller
class CaseController {

  private static final String BASE = "/admin/permohonan/";

  private final Casework casework;
  private final WorkingCalendar calendar;
  private final Clock clock;

  CaseController(Casework casework, WorkingCalendar calendar, Clock clock) {
    this.casework = casework;
    this.calendar = calendar;
    this.clock = clock;
  }

  @GetMapping(BASE + "{id}")
  String show(
      @PathVariable UUID id,
      @RequestParam(name = "konflik", required = false) String conflict,
      Model model) {
    // after a lost race the decision redirects here with ?konflik: say so, whatever its value
    model.addAttribute("conflict", conflict == null ? null : "casework.conflict");
    return render(model, CurrentOfficer.inOffice(), new ApplicationId(id), null, Map.of());
  }

  private String render(
      Model model,
      Officer officer,
      ApplicationId id,
      FieldErrors errors,
      Map<String, String> values) {
    CaseFile file = casework.open(officer, id);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("file", file);
    model.addAttribute("today", today);
    model.addAttribute("soon", calendar.of(file.application().officeId()).plus(today, 2));
    model.addAttribute("decides", Casework.decides(officer));
    model.addAttribute("secondChecks", Casework.secondChecks(officer, file));
    model.addAttribute("assigns", officer.has(Role.OFFICE_ADMIN));
    model.addAttribute(
        "verifiers",
        officer.has(Role.OFFICE_ADMIN)
            ? casework.verifiers(officer.officeId())
            : java.util.List.of());
    model.addAttribute("reasons", Casework.REASONS);
    model.addAttribute("errors", errors == null ? new FieldErrors() : errors);
    model.addAttribute("values", values);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    if (!model.containsAttribute("conflict")) {
      model.addAttribute("conflict", null);
    }
    return "casework/case";
  }

  @GetMapping(BASE + "{id}/berkas/{documentId}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable UUID id, @PathVariable UUID documentId) {
    return casework.document(CurrentOfficer.inOffice(), new ApplicationId(id), documentId, false);
  }

  @GetMapping(BASE + "{id}/berkas/{documentId}/pratinjau")
  ResponseEntity<InputStreamResource> thumbnail(
      @PathVariable UUID id, @PathVariable UUID documentId) {
    return casework.document(CurrentOfficer.inOffice(), new ApplicationId(id), documentId, true);
  }

  @PostMapping(BASE + "{id}/persyaratan/{requirementId}")
  String check(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      @RequestParam(name = "verdict", required = false) String verdict,
      @RequestParam(name = "reasonKey", required = false) String reasonKey,
      @RequestParam(name = "reasonText", required = false) String reasonText,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ApplicationId app = new ApplicationId(id);
    Outcome<Void> outcome =
        casework.check(officer, app, requirementId, verdict, reasonKey, reasonText);
    if (!outcome.ok()) {
      response.setStatus(400);
      return render(
          model,
          officer,
          app,
          outcome.errors(),
          Map.of("reason-" + requirementId, reasonText == null ? "" : reasonText));
    }
    redirect.addFlashAttribute("notice", "casework.checked");
    return "redirect:" + BASE + id + "#persyaratan";
  }

  @PostMapping(BASE + "{id}/catatan")
  String note(
      @PathVariable UUID id,
      @RequestParam(name = "note", required = false) String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ApplicationId app = new ApplicationId(id);
    Outcome<Void> outcome = casework.note(officer, app, note);
    if (!outcome.ok()) {
      response.setStatus(400);
      return render(
          model, officer, app, outcome.errors(), Map.of("note", note == null ? "" : note));
    }
    redirect.addFlashAttribute("notice", "casework.noted");
    return "redirect:" + BASE + id + "#catatan";
  }

  @PostMapping(BASE + "{id}/ambil")
  String claim(@PathVariable UUID id, RedirectAttributes redirect) {
    casework.claim(CurrentOfficer.inOffice(), new ApplicationId(id));
    redirect.addFlashAttribute("notice", "casework.claimed");
    return "redirect:" + BASE + id;
  }

  @PostMapping(BASE + "{id}/tugaskan")
  String assign(
      @PathVariable UUID id,
      @RequestParam(name = "assignee", required = false) String assignee,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ApplicationId app = new ApplicationId(id);
    Outcome<Void> outcome = casework.assign(officer, app, assignee);
    if (!outcome.ok()) {
      response.setStatus(400);
      return render(model, officer, app, outcome.errors(), Map.of());
    }
    redirect.addFlashAttribute("notice", "casework.assigned");
    return "redirect:" + BASE + id;
  }

  @PostMapping(BASE + "{id}/periksa")
  String startReview(@PathVariable UUID id, RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    return decide(
        id,
        redirect,
        a -> "casework.reviewStarted",
        () -> {
          casework.startReview(officer, new ApplicationId(id));
          return null;
        },
        null,
        null);
  }

  @PostMapping(BASE + "{id}/kelengkapan")
  String requestCompletion(
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    return decide(
        id,
        redirect,
        a -> "casework.completionRequested",
        () -> casework.requestCompletion(officer, new ApplicationId(id)),
        model,
        response);
  }

  @PostMapping(BASE + "{id}/setujui")
  String approve(
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    return decide(
        id,
        redirect,
        a ->
            a != null && a.status() == ApplicationStatus.IN_REVIEW
                ? "casework.firstCheckPassed"
                : "casework.approved",
        () -> casework.approve(officer, new ApplicationId(id)),
        model,
        response);
  }

  @PostMapping(BASE + "{id}/tolak")
  String reject(
      @PathVariable UUID id,
      @RequestParam(name = "rejectReason", required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    try {
      Outcome<Application> outcome = casework.reject(officer, new ApplicationId(id), reason);
      if (!outcome.ok()) {
        response.setStatus(400);
        return render(
            model,
            officer,
            new ApplicationId(id),
            outcome.errors(),
            Map.of("rejectReason", reason == null ? "" : reason));
      }
    } catch (OptimisticLockingFailureException | IllegalTransitionException e) {
      return "redirect:" + BASE + id + "?konflik";
    }
    redirect.addFlashAttribute("notice", "casework.rejected");
    return "redirect:" + BASE + id;
  }

  /**
   * Runs a decision; a lost race (optimistic lock) or a status that no longer allows it gives the
   * conflict message and changes nothing; errors show the page again.
   */
  private String decide(
      UUID id,
      RedirectAttributes redirect,
      Function<Application, String> notice,
      Supplier<Outcome<Application>> decision,
      Model model,
      HttpServletResponse response) {
    Outcome<Application> outcome;
    try {
      outcome = decision.get();
      if (outcome != null && !outcome.ok()) {
        response.setStatus(400);
        return render(
            model, CurrentOfficer.inOffice(), new ApplicationId(id), outcome.errors(), Map.of());
      }
    } catch (OptimisticLockingFailureException | IllegalTransitionException e) {
      return "redirect:" + BASE + id + "?konflik";
    }
    redirect.addFlashAttribute("notice", notice.apply(outcome == null ? null : outcome.value()));
    return "redirect:" + BASE + id;
  }
}
