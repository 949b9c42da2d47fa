package id.go.kecamatan.complaints.web;

import id.go.kecamatan.complaints.Complaint;
import id.go.kecamatan.complaints.ComplaintDetails;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Kind;
import id.go.kecamatan.complaints.Privacy;
import id.go.kecamatan.shared.web.ApiProblems;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of a filed complaint, for its reporter: following it with the tracking code and its
 * key (the secret given on filing, or the last four digits of the phone number) in the {@value
 * #KEY_HEADER} header, never in a URL, replying when the office asks, and giving feedback on the
 * answer. Filing is {@link ComplaintApi}'s.
 */
@RestController
@RequestMapping(
    path = "/api/v1",
    produces = {"application/json", "application/problem+json"})
@Tag(
    name = "Complaints",
    description = "Complaints (pengaduan): filing, following, replying, feedback, public register")
class ComplaintFollowingApi {

  static final String KEY_HEADER = "X-Complaint-Key";

  private final Complaints complaints;
  private final id.go.kecamatan.office.Offices offices;
  private final ReporterLimits limits;
  private final ApiProblems problems;
  private final ComplaintApiErrors refusals;
  private final Clock clock;
  private final MessageSource messages;

  ComplaintFollowingApi(
      Complaints complaints,
      id.go.kecamatan.office.Offices offices,
      ReporterLimits limits,
      ApiProblems problems,
      ComplaintApiErrors refusals,
      Clock clock,
      MessageSource messages) {
    this.complaints = complaints;
    this.offices = offices;
    this.limits = limits;
    this.problems = problems;
    this.refusals = refusals;
    this.clock = clock;
    this.messages = messages;
  }

  @Schema(name = "ComplaintEntry", description = "One entry of the thread, oldest first")
  record EntryJson(
      @Schema(allowableValues = {"ANSWER", "QUESTION", "REPLY", "FEEDBACK", "NOTICE"})
          Complaint.EntryKind kind,
      @Schema(allowableValues = {"OFFICE", "REPORTER"}) String from,
      Instant at,
      String text) {}

  @Schema(name = "ComplaintStep", description = "One step of the status history")
  record StepJson(ComplaintStatus from, ComplaintStatus to, Instant at, String reason) {}

  @Schema(name = "Complaint", description = "A complaint as its reporter sees it")
  record ComplaintJson(
      String trackingCode,
      String officeName,
      Kind kind,
      String categoryName,
      String description,
      String villageName,
      String place,
      LocalDate occurredOn,
      Privacy privacy,
      String applicationCode,
      ComplaintStatus status,
      Instant receivedAt,
      @Schema(description = "the office verifies it by this day") LocalDate verifyDue,
      @Schema(description = "the running deadline (verification or answer); null when paused")
          LocalDate due,
      @Schema(description = "the answer clock stands still while the office waits for the reporter")
          boolean clockPaused,
      @Schema(description = "working days the office has left once the clock runs again")
          Integer daysLeft,
      @Schema(
              description =
                  "the last day to reply (when asked) or to give feedback (when answered)")
          LocalDate replyDue,
      @Schema(description = "the office asked and waits: POST .../reply") boolean canReply,
      @Schema(description = "the reporter may give feedback on the answer: POST .../feedback")
          boolean canGiveFeedback,
      List<EntryJson> thread,
      List<StepJson> history) {

    static ComplaintJson of(
        ComplaintDetails d,
        String officeName,
        LocalDate today,
        Function<Complaint.AutomaticReason, String> automatic) {
      return new ComplaintJson(
          d.trackingCode(),
          officeName,
          d.kind(),
          d.categoryName(),
          d.description(),
          d.villageName(),
          d.place(),
          d.occurredOn(),
          d.privacy(),
          d.applicationCode(),
          d.status(),
          d.receivedAt(),
          d.verifyDue(),
          d.due(),
          d.clockPaused(),
          d.daysLeft(),
          d.replyDue(),
          d.awaitingReporter(),
          d.feedbackOpen(today),
          d.thread().stream()
              .filter(ComplaintDetails.Entry::visibleToReporter)
              .map(
                  e ->
                      new EntryJson(
                          e.kind(),
                          Complaint.REPORTER.equals(e.author()) ? "REPORTER" : "OFFICE",
                          e.at(),
                          e.text()))
              .toList(),
          d.history().stream()
              .map(
                  s ->
                      new StepJson(
                          s.from(),
                          s.to(),
                          s.at(),
                          Complaint.REPORTER.equals(s.actor())
                              ? null
                              : s.automaticReason().map(automatic).orElse(s.reason())))
              .toList());
    }
  }

  private static final String KEY_DESCRIPTION =
      "the secret given on filing, or the last 4 digits of the phone number given (no longer"
          + " once the code has had 10 wrong keys in the last hour: the secret still opens it)";

  @Operation(
      summary = "A complaint, as its reporter sees it",
      description =
          "Needs the tracking code and, in the X-Complaint-Key header, the secret or the last 4"
              + " digits of the phone number. A wrong code and a wrong key give the same 404."
              + " Limited per client address (429 with Retry-After).",
      parameters =
          @Parameter(
              name = KEY_HEADER,
              in = ParameterIn.HEADER,
              required = true,
              description = KEY_DESCRIPTION),
      responses = {
        @ApiResponse(
            responseCode = "200",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = ComplaintJson.class))),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/complaints/{trackingCode}")
  ResponseEntity<?> show(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @RequestHeader(name = KEY_HEADER, required = false) @Parameter(hidden = true) String key,
      HttpServletRequest request) {
    ResponseEntity<?> refused = open(trackingCode, key, request);
    if (refused != null) {
      return refused;
    }
    // the code as the reporter typed it opened the complaint: lower case, spaces, no dash
    return view(canonical(trackingCode), request);
  }

  @Schema(name = "ComplaintReply")
  record ReplyJson(
      @Schema(
              description = "the reply to the office's question, at most 4000 characters",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String text) {}

  @Operation(
      summary = "Reply to the office's question (while the status is AWAITING_REPORTER)",
      parameters =
          @Parameter(
              name = KEY_HEADER,
              in = ParameterIn.HEADER,
              required = true,
              description = KEY_DESCRIPTION),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Replied; the complaint afterwards (the answer clock runs again)",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = ComplaintJson.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Not a JSON object",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "The office does not wait for a reply",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Errors of text",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/complaints/{trackingCode}/reply",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> reply(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @RequestHeader(name = KEY_HEADER, required = false) @Parameter(hidden = true) String key,
      @RequestBody ReplyJson body,
      HttpServletRequest request) {
    ResponseEntity<?> refused = open(trackingCode, key, request);
    if (refused != null) {
      return refused;
    }
    String code = canonical(trackingCode);
    FieldErrors errors = complaints.reply(code, body == null ? null : body.text());
    return errors.any()
        ? refusal(renamed(errors, "reply", "text"), "text", request)
        : view(code, request);
  }

  @Schema(name = "ComplaintFeedback")
  record FeedbackJson(
      @Schema(
              description =
                  "true: satisfied (closes the complaint); false: not satisfied, asks to reopen",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Boolean satisfied,
      @Schema(description = "why; required when not satisfied, at most 2000 characters")
          String reasons) {}

  @Operation(
      summary = "Feedback on the answer (while the status is ANSWERED, within replyDue)",
      parameters =
          @Parameter(
              name = KEY_HEADER,
              in = ParameterIn.HEADER,
              required = true,
              description = KEY_DESCRIPTION),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description =
                "Given; the complaint afterwards (CLOSED when satisfied, REOPEN_REQUESTED if not)",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = ComplaintJson.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Not a JSON object",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "Not answered, or the time for feedback has passed",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Errors of satisfied and reasons",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/complaints/{trackingCode}/feedback",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> feedback(
      @PathVariable @Parameter(example = "351616-K7M3QPX9") String trackingCode,
      @RequestHeader(name = KEY_HEADER, required = false) @Parameter(hidden = true) String key,
      @RequestBody FeedbackJson body,
      HttpServletRequest request) {
    ResponseEntity<?> refused = open(trackingCode, key, request);
    if (refused != null) {
      return refused;
    }
    String code = canonical(trackingCode);
    String satisfied =
        body == null || body.satisfied() == null ? "" : body.satisfied() ? "ya" : "tidak";
    FieldErrors errors = complaints.feedback(code, satisfied, body == null ? null : body.reasons());
    return errors.any() ? refusal(errors, "satisfied", request) : view(code, request);
  }

  /**
   * The errors with the field {@code from} named {@code to}: the API's field errors name the fields
   * of its request body ({@code text}), where the pages' form names them otherwise ({@code reply}).
   */
  private static FieldErrors renamed(FieldErrors errors, String from, String to) {
    FieldErrors named = new FieldErrors();
    for (java.util.Map.Entry<String, FieldErrors.Error> e : errors.entries()) {
      named.reject(
          from.equals(e.getKey()) ? to : e.getKey(), e.getValue().key(), e.getValue().args());
    }
    return named;
  }

  private static String canonical(String trackingCode) {
    return id.go.kecamatan.application.TrackingCode.parse(trackingCode)
        .map(id.go.kecamatan.application.TrackingCode::value)
        .orElse(trackingCode);
  }

  /** Null when the code and key open the complaint; otherwise the refusal (429 or 404). */
  private ResponseEntity<?> open(String trackingCode, String key, HttpServletRequest request) {
    long wait = limits.lookup(request.getRemoteAddr());
    if (wait > 0) {
      return refusals.tooMany(
          wait,
          "Terlalu banyak percobaan. Coba lagi dalam " + wait + " detik",
          "Too many attempts. Try again in " + wait + " seconds",
          request);
    }
    Optional<String> opened =
        trackingCode.length() > 30 || key == null || key.length() > 40
            ? Optional.empty()
            : complaints.open(trackingCode, key);
    if (opened.isEmpty()) {
      return problems.status(
          HttpStatus.NOT_FOUND,
          "Kode dan kunci tidak cocok dengan pengaduan mana pun. Periksa keduanya.",
          "The code and the key match no complaint. Check both.",
          request);
    }
    return null;
  }

  private ResponseEntity<?> view(String code, HttpServletRequest request) {
    java.util.Locale locale = ApiProblems.locale(request);
    return complaints
        .forReporter(code)
        .<ResponseEntity<?>>map(
            d ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(
                        ComplaintJson.of(
                            d,
                            // as the application API and the catalogue name it: "Kecamatan Jetis"
                            offices.get(d.officeId()).displayName(),
                            LocalDate.now(clock),
                            // the system's own reasons in the client's language, as the problems
                            r ->
                                messages.getMessage(
                                    r.messageKey(), new Object[] {r.days()}, locale))))
        .orElseThrow(NotFoundException::new);
  }

  private ResponseEntity<?> refusal(FieldErrors errors, String field, HttpServletRequest request) {
    if (errors.has(field) && "complaints.error.stale".equals(errors.get(field).key())) {
      return problems.status(
          HttpStatus.CONFLICT,
          "Langkah ini tidak dapat dilakukan pada status pengaduan sekarang.",
          "This step is not possible in the complaint's current status.",
          request);
    }
    return refusals.invalid(errors, request);
  }
}
