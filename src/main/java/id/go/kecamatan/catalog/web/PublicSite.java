package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.ServiceDemand;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.web.CampaignTag;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.Revalidation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The public site: regencies, offices, the catalogue and its service standards. */
@Controller
public class PublicSite {

  private final Offices offices;
  private final SiteData site;
  private final ObjectProvider<ServiceDemand> demand;
  private final PublicAddress address;

  PublicSite(
      Offices offices, SiteData site, ObjectProvider<ServiceDemand> demand, PublicAddress address) {
    this.offices = offices;
    this.site = site;
    this.demand = demand;
    this.address = address;
  }

  /** How many services the office page marks as most asked for. */
  static final int POPULAR = 3;

  /** A regency with its active offices. */
  public record RegencyOffices(Regency regency, List<Office> offices) {}

  /**
   * The services of one category on the office page, most asked-for first.
   *
   * @param popular the ids of the office's most asked-for services (at most {@link #POPULAR}, each
   *     asked for at least once in the last 12 months), marked on the page
   */
  public record ServiceGroup(
      ServiceType.Category category, List<ServiceType> services, Set<UUID> popular) {}

  /**
   * Groups the services by category: the most asked-for services first (applications of the last 12
   * months), then in the office's own order; the group whose services were asked for most comes
   * first (on a tie, the one holding the office's first service).
   */
  static List<ServiceGroup> grouped(List<ServiceType> services, Map<UUID, Integer> counts) {
    Comparator<ServiceType> mostAskedFirst =
        Comparator.<ServiceType>comparingInt(s -> -counts.getOrDefault(s.id(), 0))
            .thenComparingInt(ServiceType::position)
            .thenComparing(ServiceType::name);
    Set<UUID> popular =
        services.stream()
            .filter(s -> counts.getOrDefault(s.id(), 0) > 0)
            .sorted(mostAskedFirst)
            .limit(POPULAR)
            .map(ServiceType::id)
            .collect(Collectors.toSet());
    Map<ServiceType.Category, List<ServiceType>> byCategory =
        new EnumMap<>(ServiceType.Category.class);
    for (ServiceType service : services) {
      byCategory.computeIfAbsent(service.category(), c -> new ArrayList<>()).add(service);
    }
    return byCategory.entrySet().stream()
        .map(
            e ->
                new ServiceGroup(
                    e.getKey(), e.getValue().stream().sorted(mostAskedFirst).toList(), popular))
        .sorted(
            Comparator.<ServiceGroup>comparingInt(
                    g -> -g.services().stream().mapToInt(s -> counts.getOrDefault(s.id(), 0)).sum())
                .thenComparingInt(
                    g -> g.services().stream().mapToInt(ServiceType::position).min().orElse(0)))
        .toList();
  }

  @GetMapping("/")
  String home(Model model, HttpServletRequest request) {
    Revalidation.allow(request);
    model.addAttribute("regencies", site.regenciesWithOffices());
    return "site/home";
  }

  @GetMapping("/kabupaten/{code}")
  String regency(@PathVariable String code, Model model, HttpServletRequest request) {
    Revalidation.allow(request);
    model.addAttribute("regency", site.regency(code).orElseThrow(NotFoundException::new));
    return "site/regency";
  }

  @GetMapping("/kecamatan/{slug}")
  String office(
      @PathVariable String slug,
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = CampaignTag.PARAMETER, required = false) String campaign,
      Model model,
      HttpServletRequest request) {
    Revalidation.allow(request);
    model.addAttribute("campaign", CampaignTag.orNull(campaign));
    Office office = site.office(slug).orElseThrow(NotFoundException::new);
    String q = query == null ? "" : query.strip();
    if (q.length() > 100) {
      q = q.substring(0, 100);
    }
    model.addAttribute("office", office);
    model.addAttribute("regency", site.regencyOf(office));
    List<ServiceType> services = site.activeServices(office.id(), q);
    ServiceDemand figures = demand.getIfAvailable();
    model.addAttribute("count", services.size());
    model.addAttribute(
        "groups",
        grouped(services, figures == null ? Map.of() : figures.lastTwelveMonths(office.id())));
    model.addAttribute("query", q);
    model.addAttribute("banner", site.banner(office).orElse(null));
    model.addAttribute("hours", site.hours(office, RequestContextUtils.getLocale(request)));
    model.addAttribute("booking", site.bookingPath(office).orElse(null));
    return "site/office";
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}")
  String service(
      @PathVariable String slug,
      @PathVariable String code,
      @RequestParam(name = CampaignTag.PARAMETER, required = false) String campaign,
      Model model,
      HttpServletRequest request) {
    Revalidation.allow(request);
    // a poster's short code, carried to the online application so its figures count it
    model.addAttribute("campaign", CampaignTag.orNull(campaign));
    Office office = site.office(slug).orElseThrow(NotFoundException::new);
    ServiceType service = site.activeService(office.id(), code).orElseThrow(NotFoundException::new);
    model.addAttribute("office", office);
    model.addAttribute("service", service);
    // a visit to the counter can be booked when the office takes appointments
    model.addAttribute("booking", service.counter() ? site.bookingPath(office).orElse(null) : null);
    // the address shared and previewed: without the campaign, so a forwarded link counts nothing
    model.addAttribute("url", address.of("/kecamatan/{slug}/layanan/{code}", slug, code));
    // the office's logo as the preview's picture, when it has one
    model.addAttribute(
        "image", office.hasLogo() ? address.of("/kecamatan/{slug}/logo", slug) : null);
    return "site/service";
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}/daftar-persyaratan")
  String checklist(
      @PathVariable String slug,
      @PathVariable String code,
      Model model,
      HttpServletRequest request) {
    service(slug, code, null, model, request);
    model.addAttribute("serviceUrl", address.of("/kecamatan/{slug}/layanan/{code}", slug, code));
    return "site/checklist";
  }

  @GetMapping("/kecamatan/{slug}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String slug, WebRequest request) {
    Office office = site.office(slug).orElseThrow(NotFoundException::new);
    Offices.Logo logo = offices.webLogo(office.id()).orElseThrow(NotFoundException::new);
    // revalidated on every view, answered 304 while it is unchanged
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(logo.bytes())) + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.contentType()))
        .cacheControl(CacheControl.noCache())
        .eTag(etag)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .body(logo.bytes());
  }
}
