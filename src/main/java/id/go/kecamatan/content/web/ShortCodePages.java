package id.go.kecamatan.content.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.content.ShortCode;
import id.go.kecamatan.content.ShortCodeSource;
import id.go.kecamatan.content.ShortCodes;
import id.go.kecamatan.content.internal.Posters;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.QrCode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's short codes and posters ({@code /admin/sosialisasi/kode}, the office
 * administrator's by the security configuration): which codes bring scans, started and submitted
 * applications over a period, a new code for a campaign, and per code its QR code, its figures per
 * day and its A4 and A5 posters. Every code is looked up within the officer's office: another
 * office's code is not found.
 */
@Controller
class ShortCodePages {

  static final String BASE = "/admin/sosialisasi/kode";

  /** The periods the list offers, in days up to today. */
  static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

  /** How many days the figures per day of one code go back. */
  static final int DAYS_SHOWN = 90;

  private final ShortCodes codes;
  private final Offices offices;
  private final OpeningHours hours;
  private final Catalog catalog;
  private final Posters posters;
  private final PublicAddress site;

  ShortCodePages(
      ShortCodes codes,
      Offices offices,
      OpeningHours hours,
      Catalog catalog,
      Posters posters,
      PublicAddress site) {
    this.hours = hours;
    this.codes = codes;
    this.offices = offices;
    this.catalog = catalog;
    this.posters = posters;
    this.site = site;
  }

  @GetMapping(BASE)
  String list(@RequestParam(name = "hari", required = false) String days, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    int period =
        PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(30);
    LocalDate today = codes.today();
    Map<UUID, ShortCodes.Figures> figures =
        codes.figures(officer.officeId(), today.minusDays(period - 1L), today);
    Map<UUID, String> villages = villages(officer.officeId());
    Map<UUID, String> services = services(officer.officeId());
    model.addAttribute(
        "rows",
        codes.list(officer.officeId()).stream()
            .map(
                c ->
                    new ShortCodeRow(
                        c,
                        c.villageId() == null ? null : villages.get(c.villageId()),
                        c.serviceId() == null ? null : services.get(c.serviceId()),
                        figures.getOrDefault(c.id(), ShortCodes.Figures.NONE)))
            .toList());
    model.addAttribute("total", ShortCodes.total(figures));
    model.addAttribute("period", period);
    model.addAttribute("periods", PERIODS);
    model.addAttribute("from", today.minusDays(period - 1L));
    model.addAttribute("today", today);
    return "content/codes";
  }

  @GetMapping(BASE + "/baru")
  String createForm(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return form(officer, ShortCodes.Form.empty(), new FieldErrors(), model);
  }

  @PostMapping(BASE)
  String create(
      @RequestParam(defaultValue = "") String label,
      @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "") String village,
      @RequestParam(defaultValue = "") String service,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    ShortCodes.Form form = new ShortCodes.Form(label, source, village, service);
    Outcome<ShortCode> created = codes.create(officer.officeId(), form);
    if (!created.ok()) {
      return form(officer, form, created.errors(), model);
    }
    redirect.addFlashAttribute("notice", "outreach.codes.created");
    return "redirect:" + BASE + "/" + created.value().code();
  }

  private String form(Officer officer, ShortCodes.Form form, FieldErrors errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("sources", Arrays.stream(ShortCodeSource.values()).map(Enum::name).toList());
    model.addAttribute("villages", offices.villages(officer.officeId()));
    model.addAttribute("services", catalog.activeServices(officer.officeId(), ""));
    model.addAttribute("maxLabel", ShortCodes.MAX_LABEL);
    return "content/code-new";
  }

  @GetMapping(BASE + "/{code}")
  String show(@PathVariable String code, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    ShortCode found = code(officer, code);
    LocalDate today = codes.today();
    String url = url(found);
    model.addAttribute("code", found);
    model.addAttribute("url", url);
    model.addAttribute("readable", Posters.readable(url));
    model.addAttribute("qr", QrCode.svg(url, found.label()));
    model.addAttribute(
        "village",
        found.villageId() == null ? null : villages(officer.officeId()).get(found.villageId()));
    model.addAttribute(
        "service",
        found.serviceId() == null ? null : services(officer.officeId()).get(found.serviceId()));
    model.addAttribute(
        "days",
        codes.days(officer.officeId(), found.id(), today.minusDays(DAYS_SHOWN - 1L), today));
    model.addAttribute(
        "total",
        codes.figures(officer.officeId(), LocalDate.of(2000, 1, 1), today).get(found.id()));
    model.addAttribute("daysShown", DAYS_SHOWN);
    return "content/code";
  }

  @GetMapping(BASE + "/{code}/poster-{paper}.pdf")
  ResponseEntity<byte[]> poster(@PathVariable String code, @PathVariable String paper) {
    Officer officer = CurrentOfficer.inOffice();
    ShortCode found = code(officer, code);
    Posters.Paper size = Posters.Paper.byKey(paper).orElseThrow(NotFoundException::new);
    Office office = offices.get(officer.officeId());
    ServiceType service =
        found.serviceId() == null
            ? null
            : catalog.allServices(office.id()).stream()
                .filter(s -> s.id().equals(found.serviceId()) && s.active())
                .findFirst()
                .orElse(null);
    List<ServiceType> services =
        service == null ? catalog.activeServices(office.id(), "") : List.of();
    byte[] pdf =
        posters.render(
            new Posters.Content(
                office,
                service,
                services,
                url(found),
                found.code(),
                hours.lines(office.id(), Locale.forLanguageTag("id"))),
            size);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("poster-" + found.code() + "-" + size.key() + ".pdf")
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf);
  }

  private ShortCode code(Officer officer, String code) {
    return codes.find(officer.officeId(), code).orElseThrow(NotFoundException::new);
  }

  private String url(ShortCode code) {
    return site.base() + code.path();
  }

  private Map<UUID, String> villages(UUID officeId) {
    return offices.villages(officeId).stream()
        .collect(Collectors.toMap(Village::id, Village::name));
  }

  private Map<UUID, String> services(UUID officeId) {
    return catalog.allServices(officeId).stream()
        .collect(Collectors.toMap(ServiceType::id, ServiceType::name, (a, b) -> a));
  }
}
