package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API of offices and their service catalogue, documented at {@code
 * /api/openapi.json} (browsable at {@code /api/docs}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(
    name = "Katalog",
    description = "Kantor kecamatan dan standar pelayanannya / offices and their service standards")
class CatalogApi {

  private final Offices offices;
  private final OpeningHours hours;
  private final Catalog catalog;
  private final FormFields forms;

  CatalogApi(Offices offices, OpeningHours hours, Catalog catalog, FormFields forms) {
    this.offices = offices;
    this.hours = hours;
    this.catalog = catalog;
    this.forms = forms;
  }

  @Schema(name = "Regency", description = "Kabupaten/kota")
  record RegencyJson(
      @Schema(example = "35.16") String code,
      @Schema(example = "Kabupaten Mojokerto") String name) {}

  @Schema(name = "OfficeSummary", description = "Kantor kecamatan")
  record OfficeSummaryJson(
      @Schema(example = "jetis") String slug,
      @Schema(example = "35.16.16") String code,
      @Schema(example = "Kecamatan Jetis") String name,
      RegencyJson regency,
      String address,
      String phone,
      String email,
      @Schema(description = "WhatsApp click-to-chat link") String whatsapp,
      List<String> officeHours) {}

  @Schema(name = "Village", description = "Desa/kelurahan")
  record VillageJson(
      @Schema(
              description =
                  "what an application's villageId takes (the published code is accepted too)")
          java.util.UUID id,
      @Schema(example = "35.16.16.2009", description = "the published (Kemendagri) code")
          String code,
      @Schema(example = "Kupang") String name,
      @Schema(allowableValues = {"DESA", "KELURAHAN"}) String kind) {}

  @Schema(name = "Office", description = "Kantor kecamatan with its villages")
  record OfficeJson(OfficeSummaryJson office, List<VillageJson> villages) {}

  @Schema(name = "Requirement", description = "Persyaratan")
  record RequirementJson(
      @Schema(description = "the id an application's files are sent under: files[<id>]")
          java.util.UUID id,
      int position,
      String name,
      String description,
      boolean required) {}

  @Schema(name = "Channels", description = "Where an application may be filed")
  record ChannelsJson(boolean online, boolean counter, boolean village) {}

  @Schema(
      name = "ManagementComponents",
      description = "The internal components of the service standard")
  record ManagementJson(
      String facilities,
      String competence,
      String supervision,
      String staffCount,
      String serviceGuarantee,
      String securityGuarantee,
      String performanceEvaluation) {}

  @Schema(
      name = "Service",
      description = "A service with its published service standard (standar pelayanan)")
  record ServiceJson(
      @Schema(example = "SKTM") String code,
      String name,
      @Schema(allowableValues = {"PERIZINAN", "NON_PERIZINAN"}) String category,
      String description,
      List<RequirementJson> requirements,
      List<String> procedure,
      @Schema(description = "Jangka waktu penyelesaian in working days; 0 = the same day")
          int completionDays,
      @Schema(description = "Biaya/tarif in rupiah") long cost,
      String product,
      String complaintChannel,
      String legalBasis,
      String classificationCode,
      ChannelsJson channels,
      ManagementJson management,
      @Schema(example = "/kecamatan/jetis/layanan/SKTM") String page,
      @Schema(description = "The questions of the application form (formulir permohonan), in order")
          List<FieldJson> fields) {}

  @Schema(name = "Text", description = "A text in Indonesian and English")
  record TextJson(String id, String en) {}

  @Schema(
      name = "FieldLimits",
      description =
          "Limits of an answer; absent when not set. minDays/maxDays are days from today (0 = today)")
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record LimitsJson(
      Integer minLength,
      Integer maxLength,
      Long minNumber,
      Long maxNumber,
      String pattern,
      TextJson patternMessage,
      Integer minDays,
      Integer maxDays) {}

  @Schema(name = "FieldOption", description = "A possible answer of a choice question")
  record OptionJson(String value, TextJson label) {}

  @Schema(
      name = "FieldCondition",
      description =
          "The question is asked only when the earlier question `key` has (or includes) `value`")
  record ConditionJson(String key, String value) {}

  @Schema(
      name = "FormField",
      description =
          "A question of a service's application form; answers are sent as lists of strings keyed by `key` (YES_NO: ya/tidak; DATE: yyyy-mm-dd; VILLAGE: the village id)")
  record FieldJson(
      @Schema(example = "keperluan") String key,
      @Schema(
              allowableValues = {
                "TEXT",
                "LONG_TEXT",
                "NUMBER",
                "DATE",
                "CHOICE",
                "MULTIPLE_CHOICE",
                "YES_NO",
                "NIK",
                "KK",
                "PHONE",
                "EMAIL",
                "VILLAGE",
                "ADDRESS"
              })
          String type,
      TextJson label,
      TextJson help,
      boolean required,
      LimitsJson limits,
      List<OptionJson> options,
      ConditionJson condition) {}

  @Operation(summary = "Active offices of the deployment")
  @GetMapping("/offices")
  ResponseEntity<List<OfficeSummaryJson>> offices() {
    Map<java.util.UUID, Regency> regencies =
        offices.regencies().stream().collect(Collectors.toMap(Regency::id, Function.identity()));
    return cached(
        offices.activeOffices().stream()
            .map(o -> summary(o, regencies.get(o.regencyId())))
            .toList());
  }

  @Operation(
      summary = "One office with its villages",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            description = "No such office",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/offices/{slug}")
  ResponseEntity<OfficeJson> office(@PathVariable @Parameter(example = "jetis") String slug) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    return cached(
        new OfficeJson(
            summary(office, offices.regency(office.regencyId()).orElseThrow()),
            offices.villages(office.id()).stream().map(CatalogApi::village).toList()));
  }

  @Operation(
      summary =
          "Active services of an office with their standards; q filters by name, code or description",
      description = "q: at most 100 characters are used; an empty list when nothing matches",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            description = "No such office",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/offices/{slug}/services")
  ResponseEntity<List<ServiceJson>> services(
      @PathVariable @Parameter(example = "jetis") String slug,
      @RequestParam(name = "q", required = false) @Parameter(example = "waris") String query) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    String q = query == null ? "" : query.strip();
    if (q.length() > 100) {
      q = q.substring(0, 100);
    }
    List<ServiceType> services = catalog.activeServices(office.id(), q);
    Map<java.util.UUID, FormDefinition> definitions =
        forms.definitions(office.id(), services.stream().map(ServiceType::id).toList());
    return cached(services.stream().map(s -> service(office, s, definitions.get(s.id()))).toList());
  }

  @Operation(
      summary = "One active service with its standard",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            description = "No such office or service",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/offices/{slug}/services/{code}")
  ResponseEntity<ServiceJson> service(
      @PathVariable @Parameter(example = "jetis") String slug,
      @PathVariable @Parameter(example = "SKTM") String code) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    ServiceType service =
        catalog.activeService(office.id(), code).orElseThrow(NotFoundException::new);
    return cached(service(office, service, forms.definition(office.id(), service.id())));
  }

  private static <T> ResponseEntity<T> cached(T body) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(body);
  }

  private OfficeSummaryJson summary(Office o, Regency regency) {
    // the hours the kiosk and the appointments go by, then the office's note about them
    List<String> officeHours =
        new java.util.ArrayList<>(hours.lines(o.id(), java.util.Locale.forLanguageTag("id")));
    officeHours.addAll(o.officeHoursLines());
    return new OfficeSummaryJson(
        o.slug(),
        o.code(),
        o.displayName(),
        new RegencyJson(regency.code(), regency.name()),
        o.address(),
        o.phone(),
        o.email(),
        o.whatsappLink(),
        officeHours);
  }

  private static VillageJson village(Village v) {
    return new VillageJson(v.id(), v.code(), v.name(), v.kind());
  }

  private static ServiceJson service(Office office, ServiceType s, FormDefinition form) {
    return new ServiceJson(
        s.code(),
        s.name(),
        s.category().name(),
        s.description(),
        s.requirements().stream().map(CatalogApi::requirement).toList(),
        s.procedureSteps(),
        s.completionDays(),
        s.cost(),
        s.product(),
        s.complaintChannel(),
        s.legalBasis(),
        s.classificationCode(),
        new ChannelsJson(s.online(), s.counter(), s.village()),
        new ManagementJson(
            s.facilities(),
            s.competence(),
            s.supervision(),
            s.staffCount(),
            s.serviceGuarantee(),
            s.securityGuarantee(),
            s.performanceEvaluation()),
        "/kecamatan/" + office.slug() + "/layanan/" + s.code(),
        form.fields().stream().map(CatalogApi::field).toList());
  }

  private static FieldJson field(FormField f) {
    FormField.Limits l = f.limits();
    return new FieldJson(
        f.key(),
        f.type().name(),
        new TextJson(f.labelId(), f.labelEn()),
        f.helpId() == null && f.helpEn() == null ? null : new TextJson(f.helpId(), f.helpEn()),
        f.required(),
        new LimitsJson(
            l.minLength(),
            l.maxLength(),
            l.minNumber(),
            l.maxNumber(),
            l.pattern(),
            l.pattern() == null ? null : new TextJson(l.patternMessageId(), l.patternMessageEn()),
            l.minDays(),
            l.maxDays()),
        f.options().stream()
            .map(o -> new OptionJson(o.value(), new TextJson(o.labelId(), o.labelEn())))
            .toList(),
        f.condition() == null
            ? null
            : new ConditionJson(f.condition().key(), f.condition().value()));
  }

  private static RequirementJson requirement(Requirement r) {
    return new RequirementJson(r.id(), r.position(), r.name(), r.description(), r.required());
  }
}
