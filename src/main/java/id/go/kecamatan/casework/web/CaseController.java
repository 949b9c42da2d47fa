package id.go.kecamatan.casework.web;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.casework.CaseFile;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.RequirementChecks;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
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
  private final RequirementChecks checks;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Applications applications;

  CaseController(
      Casework casework,
      RequirementChecks checks,
      WorkingCalendar calendar,
      Clock clock,
      Applications applications) {
    this.applications = applications;
    this.casework = casework;
    this.checks = checks;
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
    // entered at the counter from a queue ticket: "dari antrean A-012"
    model.addAttribute(
        "visit", applications.counterVisit(file.application().officeId(), id).orElse(null));
    model.addAttribute("checksVersion", checks.version(file));
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

  /**
   * The checks of all requirements from the case page's one form: per requirement {@code
   * verdict-<id>} ({@code accept}, {@code reject} or empty to leave it), {@code reasonKey-<id>} and
   * {@code reason-<id>}; {@code versi} the version of the checks the form was drawn from; {@code
   * aksi=terimaSisa} also accepts every requirement not yet checked. All or nothing.
   */
  @PostMapping(BASE + "{id}/persyaratan")
  String checkAll(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ApplicationId app = new ApplicationId(id);
    Set<UUID> requirements = new LinkedHashSet<>();
    for (String name : form.keySet()) {
      for (String prefix : List.of("verdict-", "reasonKey-", "reason-")) {
        if (name.startsWith(prefix)) {
          requirementId(name.substring(prefix.length())).ifPresent(requirements::add);
        }
      }
    }
    List<RequirementChecks.Entry> entries = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (UUID r : requirements) {
      String verdict = form.get("verdict-" + r);
      String key = form.get("reasonKey-" + r);
      String text = form.get("reason-" + r);
      entries.add(new RequirementChecks.Entry(r, verdict, key, text));
      values.put("verdict-" + r, verdict == null ? "" : verdict);
      values.put("reasonKey-" + r, key == null ? "" : key);
      values.put("reason-" + r, text == null ? "" : text);
    }
    Integer version = version(form.get("versi"));
    boolean acceptRemaining = "terimaSisa".equals(form.get("aksi"));
    return outcome(
        app,
        () -> checks.record(officer, app, entries, version, acceptRemaining),
        officer,
        values,
        model,
        response,
        redirect);
  }

  /** The check of one requirement (the form of one requirement, kept for links and scripts). */
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
    Map<String, String> values =
        Map.of("reason-" + requirementId, reasonText == null ? "" : reasonText);
    return outcome(
        app,
        () -> checks.check(officer, app, requirementId, verdict, reasonKey, reasonText),
        officer,
        values,
        model,
        response,
        redirect);
  }

  private String outcome(
      ApplicationId app,
      Supplier<Outcome<Integer>> checking,
      Officer officer,
      Map<String, String> values,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Outcome<Integer> outcome;
    try {
      outcome = checking.get();
    } catch (OptimisticLockingFailureException e) {
      // another officer checked first: nothing is saved; the page shows the latest checks with
      // this officer's choices and reasons still in the form, to compare and save again
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("conflict", "casework.conflict.checks");
      return render(model, officer, app, null, values);
    }
    if (!outcome.ok()) {
      response.setStatus(400);
      return render(model, officer, app, outcome.errors(), values);
    }
    redirect.addFlashAttribute(
        "notice", outcome.value() > 0 ? "casework.checked" : "casework.checked.none");
    return "redirect:" + BASE + app.value() + "#persyaratan";
  }

  private static java.util.Optional<UUID> requirementId(String text) {
    try {
      return java.util.Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** The version the form was drawn from; missing or garbled reads as stale (-1). */
  private static Integer version(String text) {
    if (text == null || !text.strip().matches("\\d{1,9}")) {
      return -1;
    }
    return Integer.valueOf(text.strip());
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
