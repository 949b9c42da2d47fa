package id.go.kecamatan.complaints.web;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintDetails;
import id.go.kecamatan.complaints.ComplaintGrants;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Filed;
import id.go.kecamatan.complaints.FilingForm;
import id.go.kecamatan.complaints.Kind;
import id.go.kecamatan.complaints.Privacy;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.TypedBack;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporter's pages (pengaduan), without an account: the filing form of an office, the
 * confirmation with the tracking code and the secret shown once, and the status page opened with
 * the code and the secret or the phone's last four digits, where the reporter replies when asked
 * and gives feedback on the answer.
 */
@Controller
class ReporterController {

  private final Offices offices;
  private final ComplaintCategories categories;
  private final Complaints complaints;
  private final Documents documents;
  private final ReporterLimits limits;
  private final Clock clock;

  ReporterController(
      Offices offices,
      ComplaintCategories categories,
      Complaints complaints,
      Documents documents,
      ReporterLimits limits,
      Clock clock) {
    this.offices = offices;
    this.categories = categories;
    this.complaints = complaints;
    this.documents = documents;
    this.limits = limits;
    this.clock = clock;
  }

  @GetMapping("/pengaduan")
  String offices(Model model) {
    model.addAttribute("offices", offices.activeOffices());
    return "complaints/offices";
  }

  /**
   * "Sampaikan pengaduan tentang permohonan ini" from an application's status page: the filing form
   * of the application's office (found by the code's office prefix), with the code filled in.
   */
  @GetMapping("/pengaduan/tentang/{applicationCode}")
  String about(@PathVariable String applicationCode) {
    TrackingCode code = TrackingCode.parse(applicationCode).orElseThrow(NotFoundException::new);
    Office office =
        offices.activeOffices().stream()
            .filter(o -> TrackingCode.prefixOf(o.code()).equals(code.officePrefix()))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    return "redirect:/kecamatan/" + office.slug() + "/pengaduan?permohonan=" + code.value();
  }

  @GetMapping("/kecamatan/{slug}/pengaduan")
  String form(
      @PathVariable String slug,
      @RequestParam(name = "permohonan", required = false) String applicationCode,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      @RequestParam(name = "terlalu-banyak", required = false) String tooMany,
      Model model) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    FilingForm blank = FilingForm.blank();
    String code =
        applicationCode == null
            ? ""
            : TrackingCode.parse(applicationCode).map(TrackingCode::value).orElse("");
    // back from a file refused for its size: what was typed is filled in again
    Map<String, String> typed = TypedBack.fields(model);
    FilingForm form =
        typed.isEmpty()
            ? new FilingForm(
                blank.kind(), "", "", "", "", "", blank.privacy(), "", "", "", code, "", false)
            : form(typed);
    FieldErrors errors = new FieldErrors();
    if (tooLarge != null) {
      errors.reject("lampiran", "complaints.error.tooLarge", documents.limits().maxFile());
    } else if (tooMany != null) {
      errors.reject("lampiran", "complaints.error.tooManyFiles", FilingForm.MAX_FILES);
    }
    return formPage(model, office, form, errors);
  }

  @PostMapping("/kecamatan/{slug}/pengaduan")
  String file(
      @PathVariable String slug,
      @RequestParam Map<String, String> fields,
      @RequestParam(name = "lampiran", required = false) List<MultipartFile> files,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    FilingForm form = form(fields);
    long wait = limits.filing(request.getRemoteAddr(), form.phone(), form.email());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return formPage(
          model,
          office,
          form,
          new FieldErrors().reject("description", "complaints.error.limited", minutes(wait)));
    }
    Outcome<Filed> filed;
    try (RequestUploads uploads = new RequestUploads()) {
      filed = complaints.file(office, form, uploads.of(files), Complaints.Intake.ONLINE);
    }
    if (!filed.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return formPage(model, office, form, chooseAgain(filed.errors(), files));
    }
    ComplaintGrants.grant(request, filed.value().trackingCode());
    redirect.addFlashAttribute("filed", filed.value());
    redirect.addFlashAttribute("officeName", office.displayName());
    return "redirect:/pengaduan/terkirim";
  }

  /**
   * The errors of a form sent back, with a word on the files chosen: a browser does not keep them,
   * nothing of them was saved, so the sender is told to choose them again (a file's own error comes
   * first).
   */
  static FieldErrors chooseAgain(FieldErrors errors, List<MultipartFile> files) {
    boolean chosen = files != null && files.stream().anyMatch(RequestUploads::chosen);
    return chosen ? errors.reject("lampiran", "complaints.error.chooseAgain") : errors;
  }

  static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }

  static FilingForm form(Map<String, String> f) {
    return new FilingForm(
        f.getOrDefault("kind", ""),
        f.getOrDefault("categoryId", ""),
        f.getOrDefault("description", ""),
        f.getOrDefault("villageId", ""),
        f.getOrDefault("place", ""),
        f.getOrDefault("occurredOn", ""),
        f.getOrDefault("privacy", ""),
        f.getOrDefault("name", ""),
        f.getOrDefault("phone", ""),
        f.getOrDefault("email", ""),
        f.getOrDefault("applicationCode", ""),
        f.getOrDefault("website", ""),
        "ya".equals(f.get("confirmDuplicate")));
  }

  private String formPage(Model model, Office office, FilingForm form, FieldErrors errors) {
    List<Category> offered = categories.offered(office.id());
    model.addAttribute("office", office);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("categories", offered);
    model.addAttribute("villages", offices.villages(office.id()));
    model.addAttribute("kinds", Arrays.stream(Kind.values()).map(Enum::name).toList());
    model.addAttribute("privacies", Arrays.stream(Privacy.values()).map(Enum::name).toList());
    model.addAttribute("maxFile", documents.limits().maxFile());
    model.addAttribute(
        "duplicate",
        errors.has("description")
            && "complaints.error.duplicate".equals(errors.get("description").key()));
    return "complaints/file";
  }

  @GetMapping("/pengaduan/terkirim")
  String filed(Model model) {
    if (!model.containsAttribute("filed")) {
      return "redirect:/pengaduan/status";
    }
    return "complaints/filed";
  }

  @GetMapping("/pengaduan/status")
  String lookup(@RequestParam(name = "kode", required = false) String code, Model model) {
    return lookupPage(model, code == null ? "" : shorten(code), new FieldErrors());
  }

  @PostMapping("/pengaduan/status")
  String open(
      @RequestParam(name = "kode", defaultValue = "") String code,
      @RequestParam(name = "kunci", defaultValue = "") String key,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    FieldErrors errors = new FieldErrors();
    long wait = limits.lookup(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return lookupPage(
          model, shorten(code), errors.reject("kode", "complaints.error.lookupLimited", wait));
    }
    if (code.isBlank()) {
      errors.reject("kode", "complaints.error.codeRequired");
    }
    if (key.isBlank()) {
      errors.reject("kunci", "complaints.error.keyRequired");
    }
    if (!errors.any()) {
      Optional<String> opened = complaints.open(code, key.length() > 40 ? "" : key);
      if (opened.isPresent()) {
        ComplaintGrants.grant(request, opened.get());
        return "redirect:/pengaduan/status/" + opened.get();
      }
      errors.reject("kode", "complaints.error.notFound");
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return lookupPage(model, shorten(code), errors);
  }

  private static String shorten(String code) {
    return code.length() > 30 ? code.substring(0, 30) : code;
  }

  private static String lookupPage(Model model, String code, FieldErrors errors) {
    model.addAttribute("code", code);
    model.addAttribute("errors", errors);
    return "complaints/lookup";
  }

  @GetMapping("/pengaduan/status/{code}")
  String show(@PathVariable String code, HttpServletRequest request, Model model) {
    Optional<ComplaintDetails> complaint = granted(request, code);
    if (complaint.isEmpty()) {
      return TrackingCode.parse(code)
          .map(c -> "redirect:/pengaduan/status?kode=" + c.value())
          .orElse("redirect:/pengaduan/status");
    }
    return statusPage(model, complaint.get(), new FieldErrors(), "", "", "");
  }

  @PostMapping("/pengaduan/status/{code}/tanggapan")
  String reply(
      @PathVariable String code,
      @RequestParam(name = "reply", defaultValue = "") String reply,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Optional<ComplaintDetails> complaint = granted(request, code);
    if (complaint.isEmpty()) {
      return "redirect:/pengaduan/status";
    }
    FieldErrors errors = complaints.reply(complaint.get().trackingCode(), reply);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return statusPage(
          model,
          complaints.forReporter(complaint.get().trackingCode()).orElseThrow(),
          errors,
          reply,
          "",
          "");
    }
    redirect.addFlashAttribute("notice", "complaints.status.replied");
    return "redirect:/pengaduan/status/" + complaint.get().trackingCode();
  }

  @PostMapping("/pengaduan/status/{code}/umpan-balik")
  String feedback(
      @PathVariable String code,
      @RequestParam(name = "satisfied", defaultValue = "") String satisfied,
      @RequestParam(name = "reasons", defaultValue = "") String reasons,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Optional<ComplaintDetails> complaint = granted(request, code);
    if (complaint.isEmpty()) {
      return "redirect:/pengaduan/status";
    }
    FieldErrors errors = complaints.feedback(complaint.get().trackingCode(), satisfied, reasons);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return statusPage(
          model,
          complaints.forReporter(complaint.get().trackingCode()).orElseThrow(),
          errors,
          "",
          satisfied,
          reasons);
    }
    redirect.addFlashAttribute(
        "notice",
        "ya".equals(satisfied) ? "complaints.status.thanks" : "complaints.status.reopenAsked");
    return "redirect:/pengaduan/status/" + complaint.get().trackingCode();
  }

  private Optional<ComplaintDetails> granted(HttpServletRequest request, String code) {
    return TrackingCode.parse(code)
        .map(TrackingCode::value)
        .filter(c -> ComplaintGrants.may(request, c))
        .flatMap(complaints::forReporter);
  }

  private String statusPage(
      Model model,
      ComplaintDetails complaint,
      FieldErrors errors,
      String reply,
      String satisfied,
      String reasons) {
    model.addAttribute("complaint", complaint);
    model.addAttribute("errors", errors);
    model.addAttribute("reply", reply);
    model.addAttribute("satisfied", satisfied);
    model.addAttribute("reasons", reasons);
    model.addAttribute("today", LocalDate.now(clock));
    return "complaints/status";
  }
}
