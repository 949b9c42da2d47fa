package id.go.kecamatan.complaints.web;

import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintRegister;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Filed;
import id.go.kecamatan.complaints.FilingForm;
import id.go.kecamatan.complaints.Kind;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The JSON API of complaints at an office: its categories, filing a complaint (with up to four
 * photos or PDFs, through the same rules, limits and Indonesian messages as the form), and the
 * office's public register. Following a filed complaint, replying and feedback are {@link
 * ComplaintFollowingApi}'s.
 */
@RestController
@RequestMapping(
    path = "/api/v1",
    produces = {"application/json", "application/problem+json"})
@Tag(
    name = "Complaints",
    description = "Complaints (pengaduan): filing, following, replying, feedback, public register")
class ComplaintApi {

  private final Offices offices;
  private final ComplaintCategories categories;
  private final Complaints complaints;
  private final ComplaintRegister register;
  private final ReporterLimits limits;
  private final ComplaintApiErrors refusals;

  ComplaintApi(
      Offices offices,
      ComplaintCategories categories,
      Complaints complaints,
      ComplaintRegister register,
      ReporterLimits limits,
      ComplaintApiErrors refusals) {
    this.offices = offices;
    this.categories = categories;
    this.complaints = complaints;
    this.register = register;
    this.limits = limits;
    this.refusals = refusals;
  }

  @Schema(name = "ComplaintCategory")
  record CategoryJson(
      UUID id,
      String name,
      @Schema(description = "the top category's name, null for a top category") String parent,
      @Schema(description = "what the reporter can expect") String expectation,
      @Schema(description = "working days from verification to the answer") int tierDays) {}

  @Operation(
      summary = "The complaint categories an office offers (choose a subcategory to file)",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            description = "No such office",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/offices/{slug}/complaint-categories")
  ResponseEntity<List<CategoryJson>> categories(
      @PathVariable @Parameter(example = "jetis") String slug) {
    Office office = office(slug);
    List<Category> offered = categories.offered(office.id());
    Map<UUID, String> names = new HashMap<>();
    for (Category c : categories.all(office.id())) {
      names.put(c.id(), c.name());
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(
            offered.stream()
                .map(
                    c ->
                        new CategoryJson(
                            c.id(),
                            c.name(),
                            c.parentId() == null ? null : names.get(c.parentId()),
                            c.expectation(),
                            c.tierDays()))
                .toList());
  }

  @Schema(
      name = "ComplaintFiling",
      description =
          "multipart/form-data (or application/x-www-form-urlencoded without files) fields, the"
              + " same as the filing form's")
  record FilingJson(
      @Schema(
              allowableValues = {"COMPLAINT", "ASPIRATION", "INFORMATION"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String kind,
      @Schema(
              description = "id of a subcategory (GET /api/v1/offices/{slug}/complaint-categories)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String categoryId,
      @Schema(
              description = "what happened, at most 4000 characters",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String description,
      @Schema(description = "id of a village of the office (GET /api/v1/offices/{slug})")
          String villageId,
      @Schema(description = "where, at most 200 characters") String place,
      @Schema(example = "2026-11-30", description = "when, not in the future") String occurredOn,
      @Schema(
              allowableValues = {"RAHASIA", "ANONIM", "PUBLIK"},
              description =
                  "RAHASIA (confidential, never public), ANONIM (may be published without the"
                      + " identity), PUBLIK",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String privacy,
      String name,
      @Schema(example = "081234567890") String phone,
      String email,
      @Schema(
              example = "351616-K7M3QPX9",
              description = "the tracking code of the application the complaint is about")
          String applicationCode,
      @Schema(
              allowableValues = {"ya"},
              description =
                  "ya: send even though the same contact filed the same text and it is still open")
          String confirmDuplicate,
      @Schema(
              name = "lampiran",
              type = "string",
              format = "binary",
              description =
                  "up to 4 photos (JPG, PNG, WebP, HEIC) or PDFs; repeat the field. A file under"
                      + " another name is refused (422)")
          String lampiran) {}

  @Schema(name = "FiledComplaint")
  record FiledJson(
      String trackingCode,
      @Schema(
              description =
                  "the secret to follow the complaint with (X-Complaint-Key); given only now")
          String secret,
      ComplaintStatus status,
      @Schema(description = "the office verifies it by this day") LocalDate verifyDue) {}

  @Operation(
      summary = "File a complaint, an aspiration or a request for information",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = FilingJson.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = FilingJson.class))
              }),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "Filed; Location is the complaint (open it with X-Complaint-Key)",
            content =
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = FiledJson.class))),
        @ApiResponse(
            responseCode = "400",
            description = "A malformed multipart body",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "413",
            description = "Over the upload limits: 10 MB a file, 52 MB a request",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "Neither multipart/form-data nor application/x-www-form-urlencoded",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description =
                "Field errors, in Indonesian or (Accept-Language: en) English; nothing stored."
                    + " complaints.error.duplicate on description: the same contact's same text"
                    + " is still open, send again with confirmDuplicate=ya to file it anyway",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            description = "No such office",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "429",
            description =
                "Too many complaints from this client address in the last hour, or from this"
                    + " phone number or e-mail address today; Retry-After says how many seconds to"
                    + " wait",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/offices/{slug}/complaints",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<?> file(
      @PathVariable @Parameter(example = "jetis") String slug,
      @Parameter(hidden = true) HttpServletRequest request) {
    Office office = office(slug);
    Map<String, String> fields = new HashMap<>();
    request.getParameterMap().forEach((k, v) -> fields.put(k, v.length == 0 ? "" : v[0]));
    FilingForm form = ReporterController.form(fields);
    long wait = limits.filing(request.getRemoteAddr(), form.phone(), form.email());
    if (wait > 0) {
      return refusals.tooMany(
          wait,
          "Terlalu banyak pengaduan dari alamat atau kontak ini. Coba lagi dalam "
              + ReporterController.minutes(wait)
              + " menit",
          "Too many complaints from this address or contact. Try again in "
              + ReporterController.minutes(wait)
              + " minutes",
          request);
    }
    // a file under another name than lampiran is named, not dropped without a word
    List<String> stray = RequestUploads.strayFileParts(request, "lampiran"::equals);
    if (!stray.isEmpty()) {
      id.go.kecamatan.shared.web.FieldErrors errors = new id.go.kecamatan.shared.web.FieldErrors();
      stray.forEach(name -> errors.reject(name, "complaints.error.fileField"));
      return refusals.invalid(errors, request);
    }
    Outcome<Filed> filed;
    try (RequestUploads uploads = new RequestUploads()) {
      List<Upload> files =
          request instanceof MultipartHttpServletRequest multipart
              ? uploads.of(multipart.getFiles("lampiran"))
              : List.of();
      filed = complaints.file(office, form, files, Complaints.Intake.ONLINE);
    }
    if (!filed.ok()) {
      return refusals.invalid(filed.errors(), request);
    }
    Filed f = filed.value();
    return ResponseEntity.created(URI.create("/api/v1/complaints/" + f.trackingCode()))
        .cacheControl(CacheControl.noStore())
        .body(new FiledJson(f.trackingCode(), f.secret(), ComplaintStatus.RECEIVED, f.verifyDue()));
  }

  @Schema(name = "PublishedComplaint", description = "A complaint of the public register")
  record PublishedJson(
      Kind kind,
      String categoryName,
      String villageName,
      @Schema(example = "2026-11", description = "the month it was received") String month,
      ComplaintStatus status,
      @Schema(description = "the text approved by the office (possibly redacted)") String text,
      @Schema(description = "the office's latest public answer, null while not answered")
          String answer,
      @Schema(description = "working days from receipt to the first answer")
          Integer workingDaysToAnswer) {}

  @Schema(
      name = "ComplaintCount",
      description = "Complaints received of a category in a month; count null when 1 to 4")
  record CountJson(String categoryName, String month, Long count) {}

  @Schema(name = "ComplaintRegister")
  record RegisterJson(
      int page,
      boolean hasNext,
      long total,
      List<PublishedJson> complaints,
      List<CountJson> counts) {}

  @Operation(
      summary = "The office's public register of complaints",
      description =
          "The Anonim and Publik complaints an officer approved for publication, newest first, 20 a"
              + " page, never the reporter's name or contact; a Rahasia complaint never appears."
              + " With the complaints received per category and month of the last 6 months"
              + " (all privacies, counts only; 1 to 4 given as null).",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            description = "No such office",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/offices/{slug}/complaints/register")
  ResponseEntity<RegisterJson> register(
      @PathVariable @Parameter(example = "jetis") String slug,
      @RequestParam(name = "page", defaultValue = "1") String page) {
    Office office = office(slug);
    int number;
    try {
      number = Math.max(1, Math.min(Integer.parseInt(page.strip()), ComplaintRegister.MAX_PAGE));
    } catch (NumberFormatException e) {
      number = 1;
    }
    ComplaintRegister.Page result = register.published(office.id(), null, number);
    YearMonth last = register.thisMonth();
    List<CountJson> counts =
        register
            .monthlyCounts(office.id(), last.minusMonths(RegisterCounts.MONTHS - 1), last)
            .stream()
            .map(
                c ->
                    new CountJson(
                        c.categoryName(),
                        c.month().toString(),
                        id.go.kecamatan.shared.web.Disclosure.count(c.count())))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(
            new RegisterJson(
                result.page(),
                result.hasNext(),
                result.total(),
                result.entries().stream()
                    .map(
                        e ->
                            new PublishedJson(
                                e.kind(),
                                e.categoryName(),
                                e.villageName(),
                                e.month().toString(),
                                e.status(),
                                e.text(),
                                e.answer(),
                                e.workingDaysToAnswer()))
                    .toList(),
                counts));
  }

  private Office office(String slug) {
    return offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
  }
}
