package id.go.kecamatan.content.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.content.Faqs;
import id.go.kecamatan.content.internal.Guides;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The guides (panduan): per service, generated from its standard, as a page that prints on A4 and
 * as an A4 PDF/A ({@code /kecamatan/<slug>/layanan/<code>/panduan[.pdf]}); and the guide "cara
 * mengajukan secara daring" with screenshots of this site's own pages ({@code
 * /panduan/cara-mengajukan}), which {@code GuideScreenshotsJourneyTests} keeps current. A service
 * that is not active has no guide.
 */
@Controller
class GuidePages {

  /** The screenshots of the online guide, in order, under {@code /img/panduan/}. */
  static final List<String> STEPS =
      List.of("kantor", "layanan", "identitas", "pertanyaan", "berkas", "periksa", "selesai");

  private final Offices offices;
  private final OpeningHours hours;
  private final Catalog catalog;
  private final Guides guides;
  private final Faqs faqs;
  private final PublicAddress site;

  GuidePages(
      Offices offices,
      OpeningHours hours,
      Catalog catalog,
      Guides guides,
      Faqs faqs,
      PublicAddress site) {
    this.offices = offices;
    this.hours = hours;
    this.catalog = catalog;
    this.guides = guides;
    this.faqs = faqs;
    this.site = site;
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}/panduan")
  String guide(
      @PathVariable String slug,
      @PathVariable String code,
      HttpServletRequest request,
      Model model) {
    Guides.Guide guide = guide(slug, code, RequestContextUtils.getLocale(request));
    model.addAttribute("guide", guide);
    model.addAttribute(
        "faqs", faqs.published(guide.office().regencyId(), guide.office().id(), code, null));
    return "content/guide";
  }

  @GetMapping("/kecamatan/{slug}/layanan/{code}/panduan.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String slug, @PathVariable String code, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    Guides.Guide guide = guide(slug, code, locale);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noCache())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("panduan-" + slug + "-" + code + ".pdf")
                .build()
                .toString())
        .body(guides.pdf(guide, locale));
  }

  @GetMapping("/panduan/cara-mengajukan")
  String online(Model model) {
    model.addAttribute("steps", STEPS);
    return "content/guide-online";
  }

  private Guides.Guide guide(String slug, String code, Locale locale) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    ServiceType service =
        catalog.activeService(office.id(), code).orElseThrow(NotFoundException::new);
    String base = site.base();
    Locale language = Formats.language(locale);
    return guides.guide(
        office,
        service,
        base + "/kecamatan/" + office.slug() + "/layanan/" + service.code(),
        base + "/kecamatan/" + office.slug() + "/pengaduan",
        hours.lines(office.id(), language),
        language);
  }
}
