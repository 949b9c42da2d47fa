package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.web.NotFoundException;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public site: regencies, offices, the catalogue and its service standards. */
@Controller
public class PublicSite {

  private final Offices offices;
  private final Catalog catalog;

  PublicSite(Offices offices, Catalog catalog) {
    this.offices = offices;
    this.catalog = catalog;
  }

  /** A regency with its active offices. */
  public record RegencyOffices(Regency regency, List<Office> offices) {}

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute(
        "regencies",
        offices.regencies().stream()
            .map(
                r ->
                    new RegencyOffices(
                        r, offices.officesOf(r.id()).stream().filter(Office::active).toList()))
            .filter(r -> !r.offices().isEmpty())
            .toList());
    return "site/home";
  }

  @GetMapping("/kabupaten/{code}")
  String regency(@PathVariable String code, Model model) {
    Regency regency = offices.regencyByCode(code).orElseThrow(NotFoundException::new);
    model.addAttribute(
        "regency",
        new RegencyOffices(
            regency, offices.officesOf(regency.id()).stream().filter(Office::active).toList()));
    return "site/regency";
  }

  @GetMapping("/kecamatan/{slug}")
  String office(
      @PathVariable String slug,
      @RequestParam(name = "q", required = false) String query,
      Model model) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    String q = query == null ? "" : query.strip();
    if (q.length() > 100) {
      q = q.substring(0, 100);
    }
    model.addAttribute("office", office);
    model.addAttribute("regency", offices.regency(office.regencyId()).orElseThrow());
    model.addAttribute("services", catalog.activeServices(office.id(), q));
    model.addAttribute("query", q);
    return "site/office";
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}")
  String service(@PathVariable String slug, @PathVariable String code, Model model) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    ServiceType service =
        catalog.activeService(office.id(), code).orElseThrow(NotFoundException::new);
    model.addAttribute("office", office);
    model.addAttribute("service", service);
    return "site/service";
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}/daftar-persyaratan")
  String checklist(@PathVariable String slug, @PathVariable String code, Model model) {
    service(slug, code, model);
    model.addAttribute(
        "serviceUrl",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/kecamatan/{slug}/layanan/{code}")
            .buildAndExpand(slug, code)
            .toUriString());
    return "site/checklist";
  }

  @GetMapping("/kecamatan/{slug}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String slug) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    Offices.Logo logo = offices.logo(office.id()).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.contentType()))
        .cacheControl(CacheControl.noCache())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .body(logo.bytes());
  }
}
