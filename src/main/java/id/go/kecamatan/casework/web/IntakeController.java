package id.go.kecamatan.casework.web;

import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Draft;
import id.go.kecamatan.application.DraftFiles;
import id.go.kecamatan.application.DraftSubmissions;
import id.go.kecamatan.application.DraftSubmittedException;
import id.go.kecamatan.application.Drafts;
import id.go.kecamatan.casework.internal.Receipts;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.surveys.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Assisted intake (pendaftaran dibantu petugas): a front-office officer at the counter, or a
 * village operator at the village office, enters an application for a walk-in resident. It is the
 * resident's draft mechanism with a staff channel (ADR 0009): page one takes the identity and the
 * service's questions, page two the documents (one upload slot per requirement, scan or camera),
 * the resident's consent and the submission; then the confirmation with the printable receipt
 * (tanda terima). Everything typed is saved in the draft at once, so a refused upload loses
 * nothing. Works without JavaScript.
 *
 * <p>Drafts are opened only by officers of their office; a village operator only opens the drafts
 * they started, and only for residents of their own village.
 */
@Controller
class IntakeController {

  static final String BASE = "/admin/loket";

  private final Drafts drafts;
  private final DraftFiles draftFiles;
  private final DraftSubmissions submissions;
  private final Offices offices;
  private final Documents documents;
  private final Receipts receipts;
  private final PublicAddress address;

  IntakeController(
      Drafts drafts,
      DraftFiles draftFiles,
      DraftSubmissions submissions,
      Offices offices,
      Documents documents,
      Receipts receipts,
      PublicAddress address) {
    this.drafts = drafts;
    this.draftFiles = draftFiles;
    this.submissions = submissions;
    this.offices = offices;
    this.documents = documents;
    this.receipts = receipts;
    this.address = address;
  }

  /**
   * The channel an officer enters applications on: the counter for front-office staff and office
   * administrators, the village office for a village operator bound to a village.
   */
  static Channel channelOf(Officer officer) {
    if (officer.has(Role.FRONT_OFFICE) || officer.has(Role.OFFICE_ADMIN)) {
      return Channel.COUNTER;
    }
    if (officer.has(Role.VILLAGE_OPERATOR) && officer.villageId() != null) {
      return Channel.VILLAGE;
    }
    throw new AccessDeniedException("No intake role");
  }

  // ---- choose a service, start ----

  @GetMapping(BASE)
  String services(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Channel channel = channelOf(officer);
    List<ServiceType> offered = drafts.assistedServices(officer.officeId(), channel);
    model.addAttribute("office", offices.get(officer.officeId()));
    model.addAttribute("channel", channel);
    model.addAttribute("services", offered);
    model.addAttribute("villageName", villageName(officer));
    return "intake/services";
  }

  @PostMapping(BASE + "/mulai")
  String start(@RequestParam(name = "service", required = false) String serviceCode) {
    Officer officer = CurrentOfficer.inOffice();
    if (serviceCode == null || serviceCode.length() > 50) {
      throw new NotFoundException();
    }
    Draft draft =
        drafts.startAssisted(
            officer.officeId(),
            serviceCode,
            channelOf(officer),
            new AssistingOfficer(officer.staffId(), officer.fullName()));
    return redirect(draft, "data");
  }

  // ---- page 1: the resident's identity and the service's questions ----

  @GetMapping(BASE + "/{id}/data")
  String data(@PathVariable UUID id, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    return dataPage(
        officer,
        draft,
        draft.identity() == null ? ApplicantForm.empty() : draft.identity(),
        draft.answers() == null ? Map.of() : draft.answers(),
        null,
        model);
  }

  @PostMapping(BASE + "/{id}/data")
  String saveData(
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    ApplicantForm form = ApplicantForm.from(request::getParameter);
    Map<String, List<String>> answers = drafts.form(draft).answersFrom(request::getParameterValues);
    FieldErrors errors = new FieldErrors();
    Outcome<Draft> identity = drafts.saveIdentity(draft, form);
    errors.addAll(identity.errors());
    Outcome<Draft> saved = drafts.saveAnswers(identity.value(), answers);
    errors.addAll(saved.errors());
    villageCheck(officer, form.villageId(), errors);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return dataPage(officer, saved.value(), form, answers, errors, model);
    }
    return redirect(draft, "berkas");
  }

  /** A village operator enters applications for residents of their own village only. */
  private void villageCheck(Officer officer, String villageId, FieldErrors errors) {
    if (channelOf(officer) == Channel.VILLAGE
        && !errors.has("villageId")
        && !officer.villageId().toString().equals(villageId == null ? null : villageId.strip())) {
      errors.reject("villageId", "intake.error.otherVillage");
    }
  }

  private String dataPage(
      Officer officer,
      Draft draft,
      ApplicantForm form,
      Map<String, List<String>> answers,
      FieldErrors errors,
      Model model) {
    common(officer, draft, model);
    model.addAttribute("form", form);
    model.addAttribute("answers", answers);
    model.addAttribute("errors", errors);
    model.addAttribute("questions", drafts.form(draft));
    model.addAttribute("villages", villages(officer));
    model.addAttribute("allVillages", offices.villages(officer.officeId()));
    return "intake/data";
  }

  // ---- page 2: documents, consent, submission ----

  @GetMapping(BASE + "/{id}/berkas")
  String files(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    model.addAttribute("uploaded", request.getParameter("diunggah") != null);
    model.addAttribute("removed", request.getParameter("dihapus") != null);
    return filesPage(officer, draft, null, model);
  }

  @PostMapping(BASE + "/{id}/berkas/{requirementId}")
  String upload(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    try (RequestUploads uploads = new RequestUploads()) {
      Outcome<Draft> stored = draftFiles.addFiles(draft, requirementId, uploads.of(files));
      if (!stored.ok()) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return filesPage(officer, stored.value(), stored.errors(), model);
      }
    }
    return "redirect:" + BASE + "/" + draft.id() + "/berkas?diunggah#slot-" + requirementId;
  }

  /** Where {@code UploadLimitFilter} sends an upload over the container's limits. */
  @GetMapping(BASE + "/{id}/berkas/{requirementId}")
  String uploadTooLarge(
      @PathVariable UUID id,
      @PathVariable UUID requirementId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    String field = RequestUploads.field(requirementId);
    FieldErrors errors = new FieldErrors();
    if (request.getParameter("terlalu-besar") != null) {
      errors.reject(field, "documents.error.tooBig", documents.limits().maxFile());
    } else if (request.getParameter("terlalu-banyak") != null) {
      errors.reject(field, "documents.error.tooMany", documents.limits().maxFilesPerSlot());
    } else {
      return redirect(draft, "berkas");
    }
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    return filesPage(officer, draft, errors, model);
  }

  /**
   * Where {@code UploadLimitFilter} sends the files of several requirements sent together over the
   * limits: the files page with the message at the requirement the file was chosen for (the first
   * when the filter named none).
   */
  @GetMapping(BASE + "/{id}/kirim")
  String submitTooLarge(
      @PathVariable UUID id,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      @RequestParam(name = "terlalu-banyak", required = false) String tooMany,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    List<UUID> requirements =
        drafts.service(draft).requirements().stream().map(r -> r.id()).toList();
    if ((tooLarge == null && tooMany == null) || requirements.isEmpty()) {
      return redirect(draft, "berkas");
    }
    String named = RequestUploads.namedField(requirements, tooLarge);
    String field = named != null ? named : RequestUploads.field(requirements.get(0));
    FieldErrors errors = new FieldErrors();
    if (tooLarge != null) {
      errors.reject(field, "documents.error.tooBig", documents.limits().maxFile());
    } else {
      errors.reject(field, "documents.error.tooMany", documents.limits().maxFilesPerSlot());
    }
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    return filesPage(officer, draft, errors, model);
  }

  @PostMapping(BASE + "/{id}/berkas/{documentId}/hapus")
  String remove(@PathVariable UUID id, @PathVariable UUID documentId) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    if (!draftFiles.removeFile(draft, documentId)) {
      throw new NotFoundException();
    }
    return "redirect:" + BASE + "/" + draft.id() + "/berkas?dihapus";
  }

  @GetMapping(BASE + "/{id}/berkas/{documentId}/pratinjau")
  ResponseEntity<InputStreamResource> thumbnail(
      @PathVariable UUID id, @PathVariable UUID documentId) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    if (!draft.allFiles().contains(documentId)) {
      throw new NotFoundException();
    }
    return documents.thumbnail(draft.officeId(), documentId);
  }

  /**
   * "Kirim permohonan": the files chosen in the requirements' fields ({@code
   * files[<requirementId>]}) are stored first, so none is lost for want of a separate upload; a
   * refused file keeps the others and says why, and nothing is submitted then.
   */
  @PostMapping(BASE + "/{id}/kirim")
  String submit(
      @PathVariable UUID id,
      @RequestParam(name = "consent", required = false) String consent,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = open(officer, id);
    try (RequestUploads uploads = new RequestUploads()) {
      Outcome<Draft> stored = draftFiles.addChosenFiles(draft, uploads.byRequirement(request));
      draft = stored.value();
      if (stored.errors().any()) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return filesPage(officer, draft, stored.errors(), model);
      }
    }
    FieldErrors village = new FieldErrors();
    villageCheck(officer, draft.identity() == null ? null : draft.identity().villageId(), village);
    if (village.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return filesPage(officer, draft, village, model);
    }
    Outcome<Application> submitted = submissions.submit(draft.id(), "yes".equals(consent));
    if (!submitted.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return filesPage(officer, draft, submitted.errors(), model);
    }
    return redirect(draft, "selesai");
  }

  private String filesPage(Officer officer, Draft draft, FieldErrors errors, Model model) {
    common(officer, draft, model);
    model.addAttribute("documents", draftFiles.documents(draft));
    model.addAttribute("errors", errors);
    model.addAttribute("progress", drafts.progress(draft));
    model.addAttribute("limits", documents.limits());
    model.addAttribute("questions", drafts.form(draft));
    model.addAttribute("villages", offices.villages(draft.officeId()));
    Map<String, String> labels = new java.util.HashMap<>();
    drafts
        .service(draft)
        .requirements()
        .forEach(r -> labels.put(RequestUploads.field(r.id()), r.name()));
    model.addAttribute("labels", labels);
    return "intake/files";
  }

  // ---- confirmation and receipt ----

  @GetMapping(BASE + "/{id}/selesai")
  String done(@PathVariable UUID id, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = openAny(officer, id);
    if (!draft.submitted()) {
      return redirect(draft, "berkas");
    }
    Application application = submissions.application(draft).orElseThrow(NotFoundException::new);
    model.addAttribute("office", offices.get(draft.officeId()));
    model.addAttribute("service", drafts.service(draft));
    model.addAttribute("application", application);
    model.addAttribute("draft", draft);
    return "intake/done";
  }

  @GetMapping(BASE + "/{id}/tanda-terima")
  ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
    Officer officer = CurrentOfficer.inOffice();
    Draft draft = openAny(officer, id);
    Application application = submissions.application(draft).orElseThrow(NotFoundException::new);
    // printed for the resident: the public address, not the one the front office works at
    String statusUrl = address.of("/status");
    Office office = offices.get(draft.officeId());
    String surveyUrl = address.of(Responses.WALK_IN_FORM, office.slug());
    byte[] pdf = receipts.render(office, drafts.service(draft), application, statusUrl, surveyUrl);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename("tanda-terima-" + application.trackingCode().value() + ".pdf")
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  // ---- shared ----

  /** An open (not submitted) assisted draft this officer may work on. */
  private Draft open(Officer officer, UUID id) {
    Draft draft = openAny(officer, id);
    if (draft.submitted()) {
      throw new DraftSubmittedException();
    }
    return draft;
  }

  /**
   * An assisted draft of the officer's office; a village operator's only when they started it. Any
   * other draft, a resident's own included, is not found.
   */
  private Draft openAny(Officer officer, UUID id) {
    Draft draft =
        drafts
            .find(id)
            .filter(Draft::assisted)
            .filter(d -> d.officeId().equals(officer.officeId()))
            .orElseThrow(NotFoundException::new);
    if (channelOf(officer) == Channel.VILLAGE
        && (draft.channel() != Channel.VILLAGE
            || !draft.assistedBy().staffId().equals(officer.staffId()))) {
      throw new NotFoundException();
    }
    return draft;
  }

  private void common(Officer officer, Draft draft, Model model) {
    model.addAttribute("draft", draft);
    model.addAttribute("office", offices.get(draft.officeId()));
    model.addAttribute("service", drafts.service(draft));
    model.addAttribute("villageName", villageName(officer));
  }

  /** The villages an officer may enter applications for: a village operator's own only. */
  private List<Village> villages(Officer officer) {
    List<Village> all = offices.villages(officer.officeId());
    if (channelOf(officer) != Channel.VILLAGE) {
      return all;
    }
    return all.stream().filter(v -> v.id().equals(officer.villageId())).toList();
  }

  private String villageName(Officer officer) {
    return officer.villageId() == null
        ? null
        : offices.village(officer.officeId(), officer.villageId()).map(Village::name).orElse(null);
  }

  private static String redirect(Draft draft, String step) {
    return "redirect:" + BASE + "/" + draft.id() + "/" + step;
  }

  @ExceptionHandler(DraftSubmittedException.class)
  String submitted(HttpServletRequest request) {
    String[] parts = request.getRequestURI().split("/");
    // /admin/loket/{id}/... : the confirmation page of the same draft
    return parts.length > 3 ? "redirect:" + BASE + "/" + parts[3] + "/selesai" : "redirect:" + BASE;
  }
}
