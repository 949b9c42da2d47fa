package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
@Tag(name = "Katalog", description = "Kantor kecamatan dan standar pelayanannya / offices and their service standards")
class CatalogApi {

  private final Offices offices;
  private final Catalog catalog;

  CatalogApi(Offices offices, Catalog catalog) {
    this.offices = offices;
    this.catalog = catalog;
  }

  @Schema(name = "Regency", description = "Kabupaten/kota")
  record RegencyJson(@Schema(example = "35.16") String code, @Schema(example = "Kabupaten Mojokerto") String name) {}

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
  record VillageJson(@Schema(example = "35.16.16.2009") String code, @Schema(example = "Kupang") String name,
      @Schema(allowableValues = {"DESA", "KELURAHAN"}) String kind) {}

  @Schema(name = "Office", description = "Kantor kecamatan with its villages")
  record OfficeJson(OfficeSummaryJson office, List<VillageJson> villages) {}

  @Schema(name = "Requirement", description = "Persyaratan")
  record RequirementJson(int position, String name, String description, boolean required) {}

  @Schema(name = "Channels", description = "Where an application may be filed")
  record ChannelsJson(boolean online, boolean counter, boolean village) {}

  @Schema(name = "ManagementComponents", description = "The internal components of the service standard")
  record ManagementJson(String facilities, String competence, String supervision, String staffCount,
      String serviceGuarantee, String securityGuarantee, String performanceEvaluation) {}

  @Schema(name = "Service", description = "A service with its published service standard (standar pelayanan)")
  record ServiceJson(
      @Schema(example = "SKTM") String code,
      String name,
      @Schema(allowableValues = {"PERIZINAN", "NON_PERIZINAN"}) String category,
      String description,
      List<RequirementJson> requirements,
      List<String> procedure,
      @Schema(description = "Jangka waktu penyelesaian in working days; 0 = the same day") int completionDays,
      @Schema(description = "Biaya/tarif in rupiah") long cost,
      String product,
      String complaintChannel,
      String legalBasis,
      String classificationCode,
      ChannelsJson channels,
      ManagementJson management,
      @Schema(example = "/kecamatan/jetis/layanan/SKTM") String page) {}

  @Operation(summary = "Active offices of the deployment")
  @GetMapping("/offices")
  ResponseEntity<List<OfficeSummaryJson>> offices() {
    Map<java.util.UUID, Regency> regencies =
        offices.regencies().stream().collect(Collectors.toMap(Regency::id, Function.identity()));
    return cached(offices.activeOffices().stream().map(o -> summary(o, regencies.get(o.regencyId()))).toList());
  }

  @Operation(summary = "One office with its villages", responses = {
      @ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "No such office")})
  @GetMapping("/offices/{slug}")
  ResponseEntity<OfficeJson> office(@PathVariable @Parameter(example = "jetis") String slug) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    return cached(new OfficeJson(summary(office, offices.regency(office.regencyId()).orElseThrow()),
        offices.villages(office.id()).stream().map(CatalogApi::village).toList()));
  }

  @Operation(summary = "Active services of an office with their standards; q filters by name, code or description")
  @GetMapping("/offices/{slug}/services")
  ResponseEntity<List<ServiceJson>> services(@PathVariable @Parameter(example = "jetis") String slug,
      @RequestParam(name = "q", required = false) @Parameter(example = "waris") String query) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    String q = query == null ? "" : query.strip();
    if (q.length() > 100) {
      q = q.substring(0, 100);
    }
    return cached(catalog.activeServices(office.id(), q).stream().map(s -> service(office, s)).toList());
  }

  @Operation(summary = "One active service with its standard", responses = {
      @ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "No such office or service")})
  @GetMapping("/offices/{slug}/services/{code}")
  ResponseEntity<ServiceJson> service(@PathVariable @Parameter(example = "jetis") String slug,
      @PathVariable @Parameter(example = "SKTM") String code) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    return cached(service(office, catalog.activeService(office.id(), code).orElseThrow(NotFoundException::new)));
  }

  private static <T> ResponseEntity<T> cached(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(body);
  }

  private static OfficeSummaryJson summary(Office o, Regency regency) {
    return new OfficeSummaryJson(o.slug(), o.code(), o.displayName(),
        new RegencyJson(regency.code(), regency.name()), o.address(), o.phone(), o.email(),
        o.whatsappLink(), o.officeHoursLines());
  }

  private static VillageJson village(Village v) {
    return new VillageJson(v.code(), v.name(), v.kind());
  }

  private static ServiceJson service(Office office, ServiceType s) {
    return new ServiceJson(s.code(), s.name(), s.category().name(), s.description(),
        s.requirements().stream().map(CatalogApi::requirement).toList(), s.procedureSteps(),
        s.completionDays(), s.cost(), s.product(), s.complaintChannel(), s.legalBasis(),
        s.classificationCode(), new ChannelsJson(s.online(), s.counter(), s.village()),
        new ManagementJson(s.facilities(), s.competence(), s.supervision(), s.staffCount(),
            s.serviceGuarantee(), s.securityGuarantee(), s.performanceEvaluation()),
        "/kecamatan/" + office.slug() + "/layanan/" + s.code());
  }

  private static RequirementJson requirement(Requirement r) {
    return new RequirementJson(r.position(), r.name(), r.description(), r.required());
  }
}
