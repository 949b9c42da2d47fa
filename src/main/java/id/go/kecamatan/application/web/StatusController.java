package id.go.kecamatan.application.web;

import id.go.kecamatan.application.ApplicationStatusView;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.FileSize;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The resident's status pages (cek status): opening an application with its tracking code and the
 * last four digits of the phone number (rate limited per client address like the JSON API), then,
 * with the grant held in the session, the status with its timeline, the completion of rejected
 * requirements and the withdrawal. An application not granted to this session is never shown: the
 * visitor is sent to the look-up form.
 */
@Controller
class StatusController {

  private final TrackedApplications tracked;
  private final Completions completions;
  private final Documents documents;
  private final LookupLimiter limiter;
  private final ResidentAccess access;
  private final DataSize maxFile;
  private final DataSize maxRequest;

  StatusController(
      TrackedApplications tracked,
      Completions completions,
      Documents documents,
      LookupLimiter limiter,
      ResidentAccess access,
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest) {
    this.tracked = tracked;
    this.completions = completions;
    this.documents = documents;
    this.limiter = limiter;
    this.access = access;
    this.maxFile = maxFile;
    this.maxRequest = maxRequest;
  }

  @GetMapping("/status")
  String lookup(@RequestParam(name = "kode", required = false) String code, Model model) {
    return lookupPage(model, code == null ? "" : shorten(code), "", new FieldErrors());
  }

  @PostMapping("/status")
  String open(
      @RequestParam(name = "kode", defaultValue = "") String code,
      @RequestParam(name = "digit", defaultValue = "") String digits,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    FieldErrors errors = new FieldErrors();
    long wait = limiter.take(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      errors.reject("kode", "status.error.limited", wait);
      return lookupPage(model, shorten(code), "", errors);
    }
    if (code.isBlank()) {
      errors.reject("kode", "status.error.codeRequired");
    }
    if (!digits.strip().matches("\\d{4}")) {
      errors.reject("digit", "status.error.digits");
    }
    if (errors.any()) {
      return lookupPage(model, shorten(code), "", errors);
    }
    Optional<ApplicationStatusView> found = tracked.status(code, digits);
    if (found.isEmpty()) {
      // one message for an unknown code, a guessed code and wrong digits
      errors.reject("kode", "status.error.notFound");
      return lookupPage(model, shorten(code), "", errors);
    }
    String granted = found.get().trackingCode();
    access.grantApplication(request, granted);
    return "redirect:/status/" + granted;
  }

  private static String lookupPage(Model model, String code, String digits, FieldErrors errors) {
    model.addAttribute("code", code);
    model.addAttribute("digits", digits);
    model.addAttribute("errors", errors);
    return "status/lookup";
  }

  @GetMapping("/status/{code}")
  String show(
      @PathVariable String code,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      @RequestParam(name = "terlalu-banyak", required = false) String tooMany,
      HttpServletRequest request,
      Model model) {
    Optional<TrackingCode> granted = granted(request, code);
    if (granted.isEmpty()) {
      return toLookup(code);
    }
    ApplicationStatusView view = tracked.status(granted.get()).orElseThrow(NotFoundException::new);
    FieldErrors errors = new FieldErrors();
    String named =
        tooLarge == null || !view.needsCompletion()
            ? null
            : RequestUploads.namedField(
                view.rejected().stream().map(r -> r.requirementId()).toList(), tooLarge);
    if (named != null) {
      // one file over the limit, named by UploadLimitFilter: the message at its requirement
      errors.reject(named, "documents.error.tooBigNothingSaved", new FileSize(maxFile.toBytes()));
    } else if (tooLarge != null && view.needsCompletion()) {
      errors.reject(
          RequestUploads.field(view.rejected().get(0).requirementId()),
          "status.error.uploadTooLarge",
          new FileSize(maxFile.toBytes()),
          new FileSize(maxRequest.toBytes()));
    } else if (tooMany != null && view.needsCompletion()) {
      errors.reject(
          RequestUploads.field(view.rejected().get(0).requirementId()),
          "documents.error.tooMany",
          documents.limits().maxFilesPerSlot());
    }
    return statusPage(model, view, errors);
  }

  /**
   * Where {@link id.go.kecamatan.shared.web.UploadLimitFilter} sends an upload too large or with
   * too many parts.
   */
  @GetMapping("/status/{code}/kelengkapan")
  String afterTooLarge(
      @PathVariable String code,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      @RequestParam(name = "terlalu-banyak", required = false) String tooMany) {
    UriComponentsBuilder status = UriComponentsBuilder.fromPath("/status/{code}");
    if (tooLarge != null) {
      // the field of the one file too large, when the filter named it, goes along
      status.queryParam(
          "terlalu-besar", tooLarge.isBlank() ? new Object[0] : new Object[] {tooLarge});
    } else if (tooMany != null) {
      status.queryParam("terlalu-banyak");
    }
    return "redirect:" + status.encode().buildAndExpand(code).toUriString();
  }

  @PostMapping("/status/{code}/kelengkapan")
  String complete(
      @PathVariable String code,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    Optional<TrackingCode> granted = granted(request, code);
    if (granted.isEmpty()) {
      return toLookup(code);
    }
    try (RequestUploads uploads = new RequestUploads()) {
      Map<String, List<Upload>> files = uploads.byRequirement(request);
      Outcome<ApplicationStatusView> outcome =
          completions.complete(granted.get(), files).orElseThrow(NotFoundException::new);
      if (!outcome.ok()) {
        ApplicationStatusView view =
            tracked.status(granted.get()).orElseThrow(NotFoundException::new);
        return statusPage(model, view, outcome.errors());
      }
      redirect.addFlashAttribute("notice", "status.notice.completed");
    } catch (IllegalTransitionException e) {
      redirect.addFlashAttribute("notice", "status.notice.completionClosed");
    }
    return "redirect:/status/" + granted.get().value();
  }

  private String statusPage(Model model, ApplicationStatusView view, FieldErrors errors) {
    model.addAttribute("status", view);
    model.addAttribute("errors", errors);
    model.addAttribute("limits", documents.limits());
    Map<String, String> labels = new java.util.HashMap<>();
    for (ApplicationStatusView.Rejected r : view.rejected()) {
      if (r.requirementName() != null) {
        labels.put(RequestUploads.field(r.requirementId()), r.requirementName());
      }
    }
    model.addAttribute("labels", labels);
    return "status/show";
  }

  @GetMapping("/status/{code}/batalkan")
  String confirmWithdrawal(@PathVariable String code, HttpServletRequest request, Model model) {
    Optional<TrackingCode> granted = granted(request, code);
    if (granted.isEmpty()) {
      return toLookup(code);
    }
    ApplicationStatusView view = tracked.status(granted.get()).orElseThrow(NotFoundException::new);
    if (!view.canWithdraw()) {
      return "redirect:/status/" + view.trackingCode();
    }
    return withdrawPage(model, view, "", new FieldErrors());
  }

  @PostMapping("/status/{code}/batalkan")
  String withdraw(
      @PathVariable String code,
      @RequestParam(name = "alasan", defaultValue = "") String reason,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Optional<TrackingCode> granted = granted(request, code);
    if (granted.isEmpty()) {
      return toLookup(code);
    }
    FieldErrors errors = new FieldErrors().optionalText("alasan", reason.strip(), 500);
    if (errors.any()) {
      ApplicationStatusView view =
          tracked.status(granted.get()).orElseThrow(NotFoundException::new);
      return withdrawPage(model, view, reason, errors);
    }
    try {
      tracked.withdraw(granted.get(), reason).orElseThrow(NotFoundException::new);
      redirect.addFlashAttribute("notice", "status.notice.withdrawn");
    } catch (IllegalTransitionException e) {
      redirect.addFlashAttribute("notice", "status.notice.cannotWithdraw");
    }
    return "redirect:/status/" + granted.get().value();
  }

  private static String withdrawPage(
      Model model, ApplicationStatusView view, String reason, FieldErrors errors) {
    model.addAttribute("status", view);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    return "status/withdraw";
  }

  /** The normalised code when this session may open the application. */
  private Optional<TrackingCode> granted(HttpServletRequest request, String code) {
    return TrackingCode.parse(code).filter(c -> access.mayOpenApplication(request, c.value()));
  }

  private static String toLookup(String code) {
    return "redirect:"
        + UriComponentsBuilder.fromPath("/status")
            .queryParam("kode", "{kode}")
            .encode()
            .buildAndExpand(shorten(code))
            .toUriString();
  }

  /** A code as typed, cut to a length no real code exceeds, to be shown in the form again. */
  private static String shorten(String code) {
    String stripped = code.strip();
    return stripped.length() > 30 ? stripped.substring(0, 30) : stripped;
  }
}
