package id.go.kecamatan.application.web;

import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Draft;
import id.go.kecamatan.application.DraftFiles;
import id.go.kecamatan.application.DraftSubmissions;
import id.go.kecamatan.application.DraftSubmittedException;
import id.go.kecamatan.application.Drafts;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.CampaignTag;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.Pages;
import id.go.kecamatan.shared.web.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The resident's online application, one thing per page (GOV.UK patterns): start page, identity,
 * the service's questions, one upload slot per requirement, check your answers with consent, and
 * the confirmation with the tracking code. Every step is saved in a server-side draft; the pages
 * work without JavaScript, with it uploads show their progress.
 */
@Controller
class ApplyController {

  static final String START = "/kecamatan/{slug}/layanan/{code}/ajukan";

  /** The hidden field that sends the resident back to the check page after a change. */
  static final String BACK_TO_CHECK = "_kembali";

  private final Drafts drafts;
  private final DraftFiles draftFiles;
  private final DraftSubmissions submissions;
  private final Offices offices;
  private final Documents documents;
  private final ResidentAccess access;
  private final LookupLimiter limiter;
  private final SubmissionLimits submissionLimits;
  private final MessageSource messages;
  private final PublicAddress address;
  private final java.time.Clock clock;

  ApplyController(
      Drafts drafts,
      DraftFiles draftFiles,
      DraftSubmissions submissions,
      Offices offices,
      Documents documents,
      ResidentAccess access,
      LookupLimiter limiter,
      SubmissionLimits submissionLimits,
      MessageSource messages,
      PublicAddress address,
      java.time.Clock clock) {
    this.clock = clock;
    this.submissionLimits = submissionLimits;
    this.messages = messages;
    this.address = address;
    this.drafts = drafts;
    this.draftFiles = draftFiles;
    this.submissions = submissions;
    this.offices = offices;
    this.documents = documents;
    this.access = access;
    this.limiter = limiter;
  }

  // ---- start ----

  @GetMapping(START)
  String start(
      @PathVariable String slug,
      @PathVariable String code,
      @RequestParam(name = CampaignTag.PARAMETER, required = false) String campaign,
      Model model) {
    Office office = activeOffice(slug);
    ServiceType service = onlineService(office, code);
    model.addAttribute("campaign", CampaignTag.orNull(campaign));
    model.addAttribute("office", office);
    model.addAttribute("service", service);
    model.addAttribute("limits", documents.limits());
    model.addAttribute("keepDays", drafts.keep().toDays());
    return "apply/start";
  }

  @PostMapping(START)
  String begin(
      @PathVariable String slug,
      @PathVariable String code,
      @RequestParam(name = CampaignTag.PARAMETER, required = false) String campaign,
      HttpServletRequest request) {
    Office office = activeOffice(slug);
    // the short code of the poster or link the resident came from, counted by its figures
    Draft draft =
        drafts.start(office.id(), onlineService(office, code).code(), CampaignTag.orNull(campaign));
    access.grantDraft(request, draft.id());
    return "redirect:/permohonan/" + draft.id() + "/identitas";
  }

  private Office activeOffice(String slug) {
    return offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
  }

  private ServiceType onlineService(Office office, String code) {
    return drafts.onlineService(office.id(), code).orElseThrow(NotFoundException::new);
  }

  // ---- identity ----

  @GetMapping("/permohonan/{id}/identitas")
  String identity(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Draft draft = open(request, id);
    return identityPage(
        draft,
        draft.identity() == null ? ApplicantForm.empty() : draft.identity(),
        null,
        back(request),
        model);
  }

  @PostMapping("/permohonan/{id}/identitas")
  String saveIdentity(
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    ApplicantForm form = ApplicantForm.from(request::getParameter);
    if (draft.identity() == null) {
      // the first save sends the resume code
      long wait = submissionLimits.resumeCode(request.getRemoteAddr(), form.phone(), form.email());
      if (wait > 0) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(wait));
        return identityPage(
            draft,
            form,
            new FieldErrors().reject("phone", "apply.error.tooManyDrafts", wait),
            back(request),
            model);
      }
    }
    Outcome<Draft> saved = drafts.saveIdentity(draft, form);
    if (!saved.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return identityPage(saved.value(), form, saved.errors(), back(request), model);
    }
    if (back(request)) {
      return redirect(draft, "periksa");
    }
    return redirect(draft, drafts.form(draft).isEmpty() ? "berkas" : "pertanyaan");
  }

  private String identityPage(
      Draft draft, ApplicantForm form, FieldErrors errors, boolean back, Model model) {
    common(draft, model, back);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("villages", offices.villages(draft.officeId()));
    return "apply/identity";
  }

  // ---- questions ----

  @GetMapping("/permohonan/{id}/pertanyaan")
  String questions(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Draft draft = open(request, id);
    if (drafts.form(draft).isEmpty()) {
      return redirect(draft, "berkas");
    }
    return questionsPage(
        draft, draft.answers() == null ? Map.of() : draft.answers(), null, back(request), model);
  }

  @PostMapping("/permohonan/{id}/pertanyaan")
  String saveQuestions(
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    Map<String, List<String>> answers = drafts.form(draft).answersFrom(request::getParameterValues);
    Outcome<Draft> saved = drafts.saveAnswers(draft, answers);
    if (!saved.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return questionsPage(saved.value(), answers, saved.errors(), back(request), model);
    }
    return redirect(draft, back(request) ? "periksa" : "berkas");
  }

  private String questionsPage(
      Draft draft,
      Map<String, List<String>> answers,
      FieldErrors errors,
      boolean back,
      Model model) {
    common(draft, model, back);
    model.addAttribute("form", drafts.form(draft));
    model.addAttribute("answers", answers);
    model.addAttribute("errors", errors);
    model.addAttribute("villages", offices.villages(draft.officeId()));
    return "apply/questions";
  }

  // ---- files ----

  @GetMapping("/permohonan/{id}/berkas")
  String files(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Draft draft = open(request, id);
    model.addAttribute("uploaded", request.getParameter("diunggah") != null);
    model.addAttribute("removed", request.getParameter("dihapus") != null);
    FieldErrors errors = null;
    var requirements = drafts.service(draft).requirements();
    if (!requirements.isEmpty()
        && (request.getParameter("terlalu-besar") != null
            || request.getParameter("terlalu-banyak") != null)) {
      // where UploadLimitFilter sends the step's form when its files are over the container's
      // limits: at the requirement of the one file too large when the filter names it, else at
      // the first (all the files together were too large or too many)
      String named =
          RequestUploads.namedField(
              requirements.stream().map(r -> r.id()).toList(),
              request.getParameter("terlalu-besar"));
      String field = named != null ? named : RequestUploads.field(requirements.get(0).id());
      errors =
          named != null
              ? new FieldErrors()
                  .reject(field, "documents.error.tooBigNothingSaved", documents.limits().maxFile())
              : request.getParameter("terlalu-besar") != null
                  ? new FieldErrors()
                      .reject(field, "apply.files.tooLargeTogether", documents.limits().maxFile())
                  : new FieldErrors()
                      .reject(
                          field, "documents.error.tooMany", documents.limits().maxFilesPerSlot());
    }
    return filesPage(draft, errors, back(request), model);
  }

  @PostMapping("/permohonan/{id}/berkas/{requirementId}")
  String upload(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    try (RequestUploads uploads = new RequestUploads()) {
      Outcome<Draft> stored = draftFiles.addFiles(draft, requirementId, uploads.of(files));
      if (!stored.ok()) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return filesPage(stored.value(), stored.errors(), back(request), model);
      }
    }
    return "redirect:/permohonan/"
        + draft.id()
        + "/berkas?diunggah"
        + (back(request) ? "&" + BACK_TO_CHECK + "=1" : "")
        + "#slot-"
        + requirementId;
  }

  /**
   * Where {@code UploadLimitFilter} sends an upload over the request size limit ({@code
   * ?terlalu-besar}) or with more parts than the container reads ({@code ?terlalu-banyak}).
   */
  @GetMapping("/permohonan/{id}/berkas/{requirementId}")
  String uploadTooLarge(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    String field = "files[" + requirementId + "]";
    FieldErrors errors = new FieldErrors();
    if (request.getParameter("terlalu-besar") != null) {
      errors.reject(field, "documents.error.tooBig", documents.limits().maxFile());
    } else if (request.getParameter("terlalu-banyak") != null) {
      errors.reject(field, "documents.error.tooMany", documents.limits().maxFilesPerSlot());
    } else {
      return redirect(draft, "berkas");
    }
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    return filesPage(draft, errors, false, model);
  }

  @PostMapping("/permohonan/{id}/berkas/{documentId}/hapus")
  String remove(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletRequest request) {
    Draft draft = open(request, id);
    if (!draftFiles.removeFile(draft, documentId)) {
      throw new NotFoundException();
    }
    return "redirect:/permohonan/"
        + draft.id()
        + "/berkas?dihapus"
        + (back(request) ? "&" + BACK_TO_CHECK + "=1" : "");
  }

  @GetMapping("/permohonan/{id}/berkas/{documentId}/pratinjau")
  ResponseEntity<InputStreamResource> thumbnail(
      @PathVariable UUID id, @PathVariable UUID documentId, HttpServletRequest request) {
    Draft draft = open(request, id);
    if (!draft.allFiles().contains(documentId)) {
      throw new NotFoundException();
    }
    return documents.thumbnail(draft.officeId(), documentId);
  }

  /**
   * "Simpan dan lanjutkan": the files chosen in the requirements' fields ({@code
   * files[<requirementId>]}) are stored first, so none is lost for want of a separate upload; then
   * every required requirement must have a file.
   */
  @PostMapping("/permohonan/{id}/berkas")
  String filesDone(
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    FieldErrors errors = new FieldErrors();
    try (RequestUploads uploads = new RequestUploads()) {
      Outcome<Draft> stored = draftFiles.addChosenFiles(draft, uploads.byRequirement(request));
      draft = stored.value();
      errors.addAll(stored.errors());
    }
    errors.addAll(drafts.progress(draft).files());
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return filesPage(draft, errors, back(request), model);
    }
    return redirect(draft, "periksa");
  }

  private String filesPage(Draft draft, FieldErrors errors, boolean back, Model model) {
    common(draft, model, back);
    Map<String, String> labels = new java.util.HashMap<>();
    drafts
        .service(draft)
        .requirements()
        .forEach(r -> labels.put("files[" + r.id() + "]", r.name()));
    model.addAttribute("labels", labels);
    Map<UUID, Document> docs = draftFiles.documents(draft);
    model.addAttribute("documents", docs);
    model.addAttribute("errors", errors);
    model.addAttribute("limits", documents.limits());
    return "apply/files";
  }

  // ---- check, submit, confirmation ----

  @GetMapping("/permohonan/{id}/periksa")
  String check(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Draft draft = open(request, id);
    return checkPage(draft, null, model);
  }

  @PostMapping("/permohonan/{id}/kirim")
  String submit(
      @PathVariable UUID id,
      @RequestParam(name = "consent", required = false) String consent,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Draft draft = open(request, id);
    ApplicantForm who = draft.identity();
    long wait =
        submissionLimits.submission(
            request.getRemoteAddr(),
            who == null ? null : who.phone(),
            who == null ? null : who.email());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(wait));
      return checkPage(
          draft,
          new FieldErrors().reject("limited", "apply.error.tooManySubmissions", wait),
          model);
    }
    Outcome<Application> submitted = submissions.submit(draft.id(), "yes".equals(consent));
    if (!submitted.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return checkPage(draft, submitted.errors(), model);
    }
    access.grantApplication(request, submitted.value().trackingCode().value());
    return redirect(draft, "selesai");
  }

  private String checkPage(Draft draft, FieldErrors errors, Model model) {
    common(draft, model, false);
    model.addAttribute("progress", drafts.progress(draft));
    model.addAttribute("form", drafts.form(draft));
    model.addAttribute("documents", draftFiles.documents(draft));
    model.addAttribute("villages", offices.villages(draft.officeId()));
    model.addAttribute("errors", errors);
    return "apply/check";
  }

  @GetMapping("/permohonan/{id}/selesai")
  String done(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Draft draft = drafts.find(id).orElseThrow(NotFoundException::new);
    if (!access.mayOpenDraft(request, id)) {
      throw new NotFoundException();
    }
    if (!draft.submitted()) {
      return redirect(draft, "periksa");
    }
    Application application = submissions.application(draft).orElseThrow(NotFoundException::new);
    access.grantApplication(request, application.trackingCode().value());
    model.addAttribute("office", offices.get(draft.officeId()));
    model.addAttribute("service", drafts.service(draft));
    model.addAttribute("application", application);
    return "apply/done";
  }

  // ---- resume ----

  @GetMapping({"/lanjutkan", "/lanjutkan/{id}"})
  String resume(@PathVariable(required = false) UUID id, Model model) {
    model.addAttribute("draftId", id);
    model.addAttribute("code", "");
    model.addAttribute("errors", null);
    model.addAttribute("keepDays", drafts.keep().toDays());
    return "apply/resume";
  }

  @PostMapping({"/lanjutkan", "/lanjutkan/{id}"})
  String resumeWithCode(
      @PathVariable(required = false) UUID id,
      @RequestParam(name = "code", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("draftId", id);
    model.addAttribute(
        "code", code == null ? "" : code.length() > 30 ? code.substring(0, 30) : code);
    model.addAttribute("keepDays", drafts.keep().toDays());
    long wait = limiter.take(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(wait));
      model.addAttribute(
          "errors", new FieldErrors().reject("code", "apply.error.tooManyAttempts", wait));
      return "apply/resume";
    }
    FieldErrors errors = new FieldErrors();
    if (code == null || code.isBlank()) {
      errors.reject("code", "apply.error.resumeCodeRequired");
    } else {
      var found = drafts.resume(code).filter(d -> id == null || d.id().equals(id));
      if (found.isPresent()) {
        Draft draft = found.get();
        access.grantDraft(request, draft.id());
        return redirect(draft, nextStep(draft));
      }
      errors.reject("code", "apply.error.resumeCode");
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("errors", errors);
    return "apply/resume";
  }

  /** The first step a resumed draft still needs, or the check page. */
  private String nextStep(Draft draft) {
    Drafts.Progress progress = drafts.progress(draft);
    if (!progress.identityDone()) {
      return "identitas";
    }
    if (!progress.answersDone()) {
      return "pertanyaan";
    }
    if (!progress.filesDone()) {
      return "berkas";
    }
    return "periksa";
  }

  // ---- shared ----

  /**
   * The draft, when this browser started or resumed it. A draft that exists but was not opened here
   * sends the resident to the resume page; an unknown or expired one is not found.
   */
  private Draft open(HttpServletRequest request, UUID id) {
    Draft draft = drafts.find(id).orElseThrow(DraftGone::new);
    if (!access.mayOpenDraft(request, id)) {
      throw new DraftLocked(id);
    }
    if (draft.submitted()) {
      throw new DraftSubmittedException();
    }
    return draft;
  }

  private void common(Draft draft, Model model, boolean back) {
    model.addAttribute("draft", draft);
    model.addAttribute("office", offices.get(draft.officeId()));
    model.addAttribute("service", drafts.service(draft));
    model.addAttribute("back", back);
    model.addAttribute("resumeUrl", address.of("/lanjutkan/{id}", draft.id()));
    model.addAttribute("hasQuestions", !drafts.form(draft).isEmpty());
    // the service closed since the draft began: every step says so before more is typed
    model.addAttribute("closed", !drafts.offered(draft));
  }

  private static boolean back(HttpServletRequest request) {
    return request.getParameter(BACK_TO_CHECK) != null;
  }

  private static String redirect(Draft draft, String step) {
    return "redirect:/permohonan/" + draft.id() + "/" + step;
  }

  /** No such draft, or it expired and was purged. */
  static class DraftGone extends RuntimeException {}

  /** The draft exists but this browser has not opened it with its resume code. */
  static class DraftLocked extends RuntimeException {
    final UUID id;

    DraftLocked(UUID id) {
      this.id = id;
    }
  }

  @ExceptionHandler(DraftGone.class)
  String gone(HttpServletRequest request, HttpServletResponse response, Model model) {
    // exception handlers get an empty model: the page is added here
    model.addAttribute("page", Pages.of(request, messages, clock.getZone()));
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "apply/gone";
  }

  @ExceptionHandler(DraftLocked.class)
  String locked(DraftLocked e) {
    return "redirect:/lanjutkan/" + e.id;
  }

  @ExceptionHandler(DraftSubmittedException.class)
  String submitted(HttpServletRequest request) {
    String path = request.getRequestURI();
    String[] parts = path.split("/");
    // /permohonan/{id}/... : the confirmation page of the same draft
    return parts.length > 2 ? "redirect:/permohonan/" + parts[2] + "/selesai" : "redirect:/";
  }
}
