package id.go.kecamatan.complaints.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintDetails;
import id.go.kecamatan.complaints.ComplaintHandling;
import id.go.kecamatan.complaints.ComplaintRegister;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.ComplaintWorklist;
import id.go.kecamatan.complaints.StandardTexts;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' complaint pages: the worklist and the case page with its thread and every step of
 * the status machine. Everything is scoped to the officer's office: another office's complaint is
 * not found. Reading is open to the office's staff; deciding to those {@link
 * ComplaintHandling#mayHandle} allows (403 for the others).
 */
@Controller
class StaffController {

  private static final String BASE = "/admin/pengaduan";

  private final ComplaintWorklist worklist;
  private final ComplaintHandling handling;
  private final ComplaintRegister register;
  private final ComplaintCategories categories;
  private final StandardTexts texts;
  private final StaffAccounts accounts;
  private final Offices offices;
  private final Documents documents;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final Clock clock;

  StaffController(
      ComplaintWorklist worklist,
      ComplaintHandling handling,
      ComplaintRegister register,
      ComplaintCategories categories,
      StandardTexts texts,
      StaffAccounts accounts,
      Offices offices,
      Documents documents,
      WorkingCalendar calendar,
      AuditTrail audit,
      Clock clock) {
    this.worklist = worklist;
    this.handling = handling;
    this.register = register;
    this.categories = categories;
    this.texts = texts;
    this.accounts = accounts;
    this.offices = offices;
    this.documents = documents;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping(BASE)
  String worklist(
      @RequestParam(name = "q", defaultValue = "") String q,
      @RequestParam(name = "status", defaultValue = "") String status,
      @RequestParam(name = "kategori", defaultValue = "") String category,
      @RequestParam(name = "desa", defaultValue = "") String village,
      @RequestParam(name = "petugas", defaultValue = "") String assignee,
      @RequestParam(name = "tenggat", defaultValue = "") String due,
      @RequestParam(name = "setelah", defaultValue = "") String after,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    UUID officeId = officer.officeId();
    ComplaintStatus chosen = parse(ComplaintStatus.class, status);
    ComplaintWorklist.Assignee who = ComplaintWorklist.Assignee.ANY;
    UUID assigneeId = null;
    if ("saya".equals(assignee)) {
      who = ComplaintWorklist.Assignee.MINE;
    } else if ("belum".equals(assignee)) {
      who = ComplaintWorklist.Assignee.UNASSIGNED;
    } else if (uuid(assignee) != null) {
      who = ComplaintWorklist.Assignee.OFFICER;
      assigneeId = uuid(assignee);
    }
    LocalDate afterDue = null;
    UUID afterId = null;
    if (!after.isBlank()) {
      String[] parts = after.split("_", 2);
      afterId = parts.length == 2 ? uuid(parts[1]) : null;
      try {
        afterDue = afterId == null || "-".equals(parts[0]) ? null : LocalDate.parse(parts[0]);
      } catch (RuntimeException e) {
        afterId = null;
      }
    }
    LocalDate today = LocalDate.now(clock);
    ComplaintWorklist.Result result =
        worklist.find(
            officer,
            new ComplaintWorklist.Filter(
                chosen,
                uuid(category),
                uuid(village),
                who,
                assigneeId,
                "lewat".equals(due),
                q,
                afterDue,
                afterId),
            today);
    String next = null;
    if (result.hasNext()) {
      ComplaintWorklist.Row last = result.rows().get(result.rows().size() - 1);
      next =
          org.springframework.web.util.UriComponentsBuilder.fromPath(BASE)
              .queryParam("q", q)
              .queryParam("status", status)
              .queryParam("kategori", category)
              .queryParam("desa", village)
              .queryParam("petugas", assignee)
              .queryParam("tenggat", due)
              .queryParam(
                  "setelah", (last.due() == null ? "-" : last.due().toString()) + "_" + last.id())
              .encode()
              .toUriString();
    }
    model.addAttribute("result", result);
    model.addAttribute("today", today);
    model.addAttribute("soon", calendar.of(officeId).plus(today, 1));
    model.addAttribute("given", new WorklistQuery(q, status, category, village, assignee, due));
    model.addAttribute("categories", categories.all(officeId));
    model.addAttribute("villages", offices.villages(officeId));
    model.addAttribute("staff", accounts.staffOf(officeId).stream().filter(Staff::active).toList());
    model.addAttribute("statuses", List.of(ComplaintStatus.values()));
    model.addAttribute("next", next);
    return "complaints/worklist";
  }

  @GetMapping(BASE + "/{id}")
  String show(
      @PathVariable String id,
      @RequestParam(name = "teks", required = false) String textId,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    ComplaintDetails c = details(officer, id);
    audit.record(
        officer.officeId(),
        "complaint.viewed",
        "complaint",
        c.id(),
        Map.of("code", c.trackingCode()));
    Map<String, String> values = new HashMap<>();
    Optional<StandardTexts.Text> text =
        Optional.ofNullable(uuid(textId)).flatMap(t -> texts.get(officer.officeId(), t));
    text.ifPresent(t -> values.put(field(t), StandardTexts.fill(t.body(), c)));
    return casePage(model, officer, c, new FieldErrors(), values);
  }

  /** The field of the case page a standard text fills, by the status it is written for. */
  static String field(StandardTexts.Text text) {
    return switch (text.status()) {
      case AWAITING_REPORTER -> "question";
      case REJECTED -> "reason";
      case NOT_OUR_AUTHORITY -> "outsideChannel";
      case CLOSED -> "declineReason";
      default -> "answer";
    };
  }

  /**
   * The fields the case page shows for a complaint in this status (see complaints/case.jte), so
   * that only the standard texts it can take are offered.
   */
  static Set<String> textFields(ComplaintStatus status) {
    if (status == ComplaintStatus.RECEIVED) {
      return Set.of("reason", "outsideChannel");
    }
    if (status.inHand()) {
      return Set.of("answer", "question");
    }
    return switch (status) {
      case ANSWERED -> Set.of("answer");
      case REOPEN_REQUESTED -> Set.of("declineReason");
      default -> Set.of();
    };
  }

  private String casePage(
      Model model,
      Officer officer,
      ComplaintDetails c,
      FieldErrors errors,
      Map<String, String> values) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("complaint", c);
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("today", today);
    model.addAttribute("soon", calendar.of(officer.officeId()).plus(today, 1));
    model.addAttribute("handles", ComplaintHandling.mayHandle(officer));
    model.addAttribute(
        "publication",
        register
            .publication(officer.officeId(), c.id())
            .orElse(new ComplaintRegister.Publication(null, null, null)));
    model.addAttribute("publishable", ComplaintRegister.publishable(c.privacy(), c.status()));
    model.addAttribute(
        "categories",
        categories.all(officer.officeId()).stream().filter(cat -> !cat.top()).toList());
    Set<String> fields = textFields(c.status());
    model.addAttribute(
        "texts",
        texts.of(officer.officeId(), c.categoryId()).stream()
            .filter(t -> fields.contains(field(t)))
            .toList());
    model.addAttribute(
        "staff", accounts.staffOf(officer.officeId()).stream().filter(Staff::active).toList());
    Office office = offices.get(officer.officeId());
    model.addAttribute(
        "offices",
        offices.officesOf(office.regencyId()).stream()
            .filter(o -> o.active() && !o.id().equals(office.id()))
            .toList());
    return "complaints/case";
  }

  @GetMapping(BASE + "/{id}/lampiran/{document}")
  ResponseEntity<InputStreamResource> attachment(
      @PathVariable String id, @PathVariable String document) {
    Officer officer = CurrentOfficer.inOffice();
    ComplaintDetails c = details(officer, id);
    UUID doc = uuid(document);
    ComplaintDetails.Attachment a =
        c.attachments().stream()
            .filter(x -> x.documentId().equals(doc))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    return documents.download(a.documentOfficeId(), a.documentId());
  }

  @PostMapping(BASE + "/{id}/{action}")
  String act(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    UUID complaintId = uuid(id);
    if (complaintId == null) {
      throw new NotFoundException();
    }
    boolean handles = ComplaintHandling.mayHandle(officer);
    if (!handles && !"catatan".equals(action)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    int version = version(form.get("version"));
    Optional<FieldErrors> done =
        switch (action) {
          case "verifikasi" ->
              handling.verify(officer, complaintId, version, form.get("categoryId"));
          case "tolak" -> handling.reject(officer, complaintId, version, form.get("reason"));
          case "teruskan" ->
              handling.forward(officer, complaintId, version, form.get("targetOffice"));
          case "bukan-wewenang" ->
              handling.closeAsOutside(officer, complaintId, version, form.get("outsideChannel"));
          case "duplikat" ->
              handling.markDuplicate(officer, complaintId, version, form.get("duplicateOf"));
          case "proses" -> handling.process(officer, complaintId, version);
          case "tanya" -> handling.ask(officer, complaintId, version, form.get("question"));
          case "jawab" -> handling.answer(officer, complaintId, version, form.get("answer"));
          case "catatan" -> handling.note(officer, complaintId, form.get("note"));
          case "buka-kembali" -> handling.acceptReopen(officer, complaintId, version);
          case "tolak-buka" ->
              handling.declineReopen(officer, complaintId, version, form.get("declineReason"));
          case "tugaskan" -> handling.assign(officer, complaintId, form.get("assignee"));
          case "terbitkan" ->
              register.publish(officer, complaintId, version, form.get("publishedText"));
          case "tarik" -> register.withdraw(officer, complaintId, version);
          default -> throw new NotFoundException();
        };
    FieldErrors errors = done.orElseThrow(NotFoundException::new);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      Map<String, String> values = new HashMap<>(form);
      values.remove("_csrf");
      return casePage(model, officer, details(officer, id), errors, values);
    }
    redirect.addFlashAttribute("notice", "complaints.staff.done." + action);
    if ("teruskan".equals(action)) {
      return "redirect:" + BASE;
    }
    return "redirect:" + BASE + "/" + complaintId;
  }

  private ComplaintDetails details(Officer officer, String id) {
    UUID complaintId = uuid(id);
    if (complaintId == null) {
      throw new NotFoundException();
    }
    return handling.details(officer, complaintId).orElseThrow(NotFoundException::new);
  }

  private static int version(String raw) {
    try {
      return raw == null ? Integer.MAX_VALUE : Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
