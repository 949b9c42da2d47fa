package id.go.kecamatan.application.web;

import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ApplicationStatusView;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.application.StatusChange;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.ApiProblems;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The JSON API of online applications: submitting one with its files, and following it with the
 * tracking code and the last four digits of the phone number. Look-ups are rate limited per client
 * address.
 */
@RestController
@RequestMapping(
    path = "/api/v1",
    produces = {"application/json", "application/problem+json"})
@Tag(name = "Applications", description = "Online applications (permohonan) and their status")
class ApplicationApi {

  /** The longest reason of a withdrawal, as on the withdrawal page. */
  private static final int MAX_REASON = 500;

  private static final Pattern ANSWER = Pattern.compile("answers\\[([A-Za-z0-9_\\-]{1,100})]");

  private final Applications applications;
  private final TrackedApplications tracked;
  private final Completions completions;
  private final Offices offices;
  private final LookupLimiter limiter;
  private final SubmissionLimits submissionLimits;
  private final ApiProblems problems;

  ApplicationApi(
      Applications applications,
      TrackedApplications tracked,
      Completions completions,
      Offices offices,
      LookupLimiter limiter,
      SubmissionLimits submissionLimits,
      ApiProblems problems) {
    this.applications = applications;
    this.tracked = tracked;
    this.completions = completions;
    this.offices = offices;
    this.limiter = limiter;
    this.submissionLimits = submissionLimits;
    this.problems = problems;
  }

  @Schema(
      name = "ApplicationSubmission",
      description =
          "multipart/form-data fields. Answers to the service's form as answers[<key>] (repeat the"
              + " field for several values), files per requirement as files[<requirementId>] (requirements[].id of GET"
              + " /api/v1/offices/{slug}/services/{code})"
              + " (JPG, PNG, WebP, HEIC or PDF). A file under any other name is refused (422).")
  record SubmissionForm(
      @Schema(example = "3516164101900001", requiredMode = Schema.RequiredMode.REQUIRED) String nik,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String birthPlace,
      @Schema(example = "1990-01-01", requiredMode = Schema.RequiredMode.REQUIRED) String birthDate,
      @Schema(
              allowableValues = {"MALE", "FEMALE"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sex,
      @Schema(
              description =
                  "id of a village of the office (GET /api/v1/offices/{slug}: villages[].id) or"
                      + " its published code (35.16.16.2009)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String villageId,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String address,
      @Schema(example = "081234567890", requiredMode = Schema.RequiredMode.REQUIRED) String phone,
      String email,
      @Schema(
              allowableValues = {"WHATSAPP", "SMS", "EMAIL"},
              description =
                  "how the resident wants news of the application; without it WhatsApp when a"
                      + " phone is given, else e-mail. The e-mail address, when given, is the"
                      + " fallback for a message the phone does not receive")
          String preferredChannel,
      @Schema(name = "answers[keperluan]", description = "an answer to the form question keperluan")
          String answer,
      @Schema(
              name = "files[00000000-0000-0000-0000-000000000000]",
              type = "string",
              format = "binary",
              description = "a file for the requirement with this id")
          String file) {}

  @Schema(name = "SubmittedApplication")
  record SubmittedJson(
      String trackingCode, ApplicationStatus status, Instant submittedAt, LocalDate deadline) {}

  @Schema(name = "StatusChange", description = "One step of the timeline")
  record StepJson(ApplicationStatus from, ApplicationStatus to, Instant at, String reason) {}

  @Schema(
      name = "RejectedRequirement",
      description = "A requirement the office asks the resident to replace, and why")
  record RejectedJson(java.util.UUID requirementId, String requirementName, String reason) {}

  @Schema(name = "ApplicationStatus")
  record StatusJson(
      String trackingCode,
      String officeName,
      String serviceCode,
      String serviceName,
      ApplicationStatus status,
      Instant submittedAt,
      LocalDate deadline,
      @Schema(
              description =
                  "the deadline clock stands still while the office waits for the resident")
          boolean clockPaused,
      boolean canWithdraw,
      List<StepJson> timeline,
      @Schema(
              description =
                  "while the status is NEEDS_COMPLETION: the requirements to replace, with the"
                      + " reasons; otherwise empty")
          List<RejectedJson> completion,
      @Schema(
              description =
                  "when the issued letter was revoked (dicabut) by the office: when and why; the"
                      + " letter is no longer valid. Absent (null) otherwise")
          LetterRevokedJson letterRevoked) {

    static StatusJson of(ApplicationStatusView v) {
      List<StepJson> steps = new ArrayList<>();
      for (StatusChange c : v.timeline()) {
        steps.add(new StepJson(c.from(), c.to(), c.at(), c.reason()));
      }
      List<RejectedJson> rejected = new ArrayList<>();
      for (ApplicationStatusView.Rejected r : v.rejected()) {
        rejected.add(new RejectedJson(r.requirementId(), r.requirementName(), r.reason()));
      }
      return new StatusJson(
          v.trackingCode(),
          v.officeName(),
          v.serviceCode(),
          v.serviceName(),
          v.status(),
          v.submittedAt(),
          v.deadline(),
          v.clockPaused(),
          v.canWithdraw(),
          steps,
          rejected,
          v.revoked()
              ? new LetterRevokedJson(v.letterRevoked().at(), v.letterRevoked().reason())
              : null);
    }
  }

  @Schema(name = "LetterRevoked", description = "The revocation of an issued letter")
  record LetterRevokedJson(Instant revokedAt, String reason) {}

  @Operation(
      summary = "Submit an online application with its files",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = SubmissionForm.class))),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description =
                "Submitted (or submitted before with the same Idempotency-Key); Location is the"
                    + " status of the application",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = SubmittedJson.class))),
        @ApiResponse(
            responseCode = "400",
            description = "A malformed multipart body",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "413",
            description =
                "Over the upload limits: 10 MB a file, 52 MB a request (the files of an application together: at most 40 MB, refused with 422)",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "Not multipart/form-data",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description =
                "Field errors, in Indonesian or (Accept-Language: en) English: each with the field"
                    + " (nik, answers.<key>, files[<requirementId>], Idempotency-Key), the message"
                    + " key (code) and the message; nothing stored",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            description = "No such office or active online service",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            description =
                "Too many submissions from this client address, or to this phone number or e-mail"
                    + " address, in the last hour; Retry-After says how many seconds to wait",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/offices/{slug}/services/{code}/applications",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> submit(
      @PathVariable @Parameter(example = "jetis") String slug,
      @PathVariable @Parameter(example = "LEGALISIR") String code,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Parameter(
              description =
                  "the same key sent again (same service and NIK) returns the same application;"
                      + " a key used for another application is refused (422 on Idempotency-Key)")
          String idempotencyKey,
      @Parameter(hidden = true) MultipartHttpServletRequest request) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    long wait =
        submissionLimits.submission(
            request.getRemoteAddr(), request.getParameter("phone"), request.getParameter("email"));
    if (wait > 0) {
      return problems.tooMany(
          wait,
          "Terlalu banyak permohonan dari alamat ini atau untuk nomor telepon/e-mail ini."
              + " Coba lagi dalam "
              + wait
              + " detik",
          "Too many applications from this address or for this phone number/e-mail. Try again in "
              + wait
              + " seconds",
          request);
    }
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      Matcher m = ANSWER.matcher(p.getKey());
      if (m.matches()) {
        answers.put(m.group(1), List.of(p.getValue()));
      }
    }
    ResponseEntity<?> stray = strayFiles(request);
    if (stray != null) {
      return stray;
    }
    try (RequestUploads uploads = new RequestUploads()) {
      Map<String, List<Upload>> files = uploads.byRequirement(request);
      SubmitCommand command =
          SubmitCommand.of(
              Channel.ONLINE,
              ApplicantForm.from(request::getParameter),
              answers,
              files,
              idempotencyKey);
      Outcome<id.go.kecamatan.application.Application> outcome =
          applications.submit(office.id(), code, command);
      if (!outcome.ok()) {
        return problems.invalid(outcome.errors(), request);
      }
      var application = outcome.value();
      return ResponseEntity.created(
              URI.create("/api/v1/applications/" + application.trackingCode().value()))
          .cacheControl(CacheControl.noStore())
          .body(
              new SubmittedJson(
                  application.trackingCode().value(),
                  application.status(),
                  application.submittedAt(),
                  application.deadline()));
    }
  }

  @Operation(
      summary = "The status of an application",
      description =
          "Needs the tracking code and the last four digits of the applicant's phone number. A wrong"
              + " code and wrong digits give the same 404. Limited per client address (429 with"
              + " Retry-After).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = StatusJson.class))),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/applications/{trackingCode}")
  ResponseEntity<?> status(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @RequestParam(name = "phone", required = false) @Parameter(example = "7890") String phone,
      HttpServletRequest request) {
    ResponseEntity<?> limited = limited(request);
    if (limited != null) {
      return limited;
    }
    return tracked
        .status(trackingCode, phone)
        .<ResponseEntity<?>>map(
            v -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StatusJson.of(v)))
        .orElseGet(() -> notFound(request));
  }

  @Operation(
      summary = "Withdraw an application before it is approved",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "422",
            description =
                "reason: more than 500 characters, markup or control characters; nothing changed",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "Approved or finished already",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping("/applications/{trackingCode}/withdraw")
  ResponseEntity<?> withdraw(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @RequestParam(name = "phone", required = false) @Parameter(example = "7890") String phone,
      @RequestParam(name = "reason", required = false)
          @Parameter(description = "why, at most 500 characters of plain text")
          String reason,
      HttpServletRequest request) {
    ResponseEntity<?> limited = limited(request);
    if (limited != null) {
      return limited;
    }
    // the same rule as the withdrawal page's: nothing cut off or stored unchecked
    FieldErrors errors =
        new FieldErrors().optionalText("reason", FieldErrors.clean(reason), MAX_REASON);
    if (errors.any()) {
      return problems.invalid(errors, request);
    }
    try {
      return tracked
          .withdraw(trackingCode, phone, reason)
          .<ResponseEntity<?>>map(
              v -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StatusJson.of(v)))
          .orElseGet(() -> notFound(request));
    } catch (IllegalTransitionException e) {
      return problems.status(
          HttpStatus.CONFLICT,
          "Permohonan sudah disetujui atau selesai dan tidak dapat dibatalkan",
          "The application is approved or finished and cannot be withdrawn",
          request);
    }
  }

  @Schema(
      name = "Completion",
      description =
          "multipart/form-data fields: the phone digits and, for every requirement the office"
              + " rejected (and only those), one or more files as files[<requirementId>]")
  record CompletionForm(
      @Schema(example = "7890", requiredMode = Schema.RequiredMode.REQUIRED) String phone,
      @Schema(
              name = "files[00000000-0000-0000-0000-000000000000]",
              type = "string",
              format = "binary",
              description = "a new file for the rejected requirement with this id")
          String file) {}

  @Operation(
      summary = "Complete an application: replace the rejected requirements with new files",
      description =
          "While the status is NEEDS_COMPLETION, every rejected requirement (see completion in the"
              + " status) gets new files in place of its old ones and the application goes back to"
              + " IN_REVIEW with the deadline moved by the paused time. On any error nothing"
              + " changes. Limited per client address like the status look-up.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = CompletionForm.class))),
      responses = {
        @ApiResponse(responseCode = "200", description = "Completed; the status afterwards"),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "The application does not wait for completion",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "400",
            description = "A malformed multipart body",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "413",
            description =
                "Over the upload limits: 10 MB a file, 52 MB a request (the files of an application together: at most 40 MB, refused with 422)",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "Not multipart/form-data",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Errors of the files, per files[<requirementId>]",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/applications/{trackingCode}/completion",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> complete(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @Parameter(hidden = true) MultipartHttpServletRequest request) {
    ResponseEntity<?> limited = limited(request);
    if (limited != null) {
      return limited;
    }
    ResponseEntity<?> stray = strayFiles(request);
    if (stray != null) {
      return stray;
    }
    try (RequestUploads uploads = new RequestUploads()) {
      Map<String, List<Upload>> files = uploads.byRequirement(request);
      return completions
          .complete(trackingCode, request.getParameter("phone"), files)
          .<ResponseEntity<?>>map(
              outcome ->
                  outcome.ok()
                      ? ResponseEntity.ok()
                          .cacheControl(CacheControl.noStore())
                          .body(StatusJson.of(outcome.value()))
                      : problems.invalid(outcome.errors(), request))
          .orElseGet(() -> notFound(request));
    } catch (IllegalTransitionException e) {
      return problems.status(
          HttpStatus.CONFLICT,
          "Permohonan tidak sedang menunggu kelengkapan berkas",
          "The application is not waiting for documents",
          request);
    }
  }

  /**
   * Null when every file is sent as {@code files[<requirementId>]}; otherwise the field errors
   * (422) naming the other file parts, which would have been dropped without a word (nothing is
   * stored).
   */
  private ResponseEntity<?> strayFiles(HttpServletRequest request) {
    List<String> stray = RequestUploads.strayFileParts(request);
    if (stray.isEmpty()) {
      return null;
    }
    FieldErrors errors = new FieldErrors();
    for (String name : stray) {
      errors.reject(name, "application.error.fileField");
    }
    return problems.invalid(errors, request);
  }

  private ResponseEntity<?> limited(HttpServletRequest request) {
    long wait = limiter.take(request.getRemoteAddr());
    if (wait == 0) {
      return null;
    }
    return problems.tooMany(
        wait,
        "Terlalu banyak permintaan. Coba lagi sebentar lagi",
        "Too many requests. Try again shortly",
        request);
  }

  private ResponseEntity<?> notFound(HttpServletRequest request) {
    return problems.status(
        HttpStatus.NOT_FOUND,
        "Kode pelacakan atau 4 angka terakhir nomor telepon tidak cocok",
        "The tracking code or the last 4 digits of the phone number do not match",
        request);
  }
}
