package id.go.kecamatan.statistics.web;

import id.go.kecamatan.letters.DocumentSigning;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.statistics.Statistics;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly reports: the office admin publishes a month (or a correction of it) and chooses
 * whether the reports are signed electronically; the office's admin and signers see the versions; a
 * signer signs the version waiting for the signature (the oldest first) with their passphrase; and
 * everyone downloads the public files from the office's transparency page.
 */
@Controller
class ReportController {

  static final String BASE = "/admin/statistik/laporan";
  private static final Pattern FILE = Pattern.compile("(\\d{4})-(\\d{2})-v(\\d{1,4})\\.(pdf|xlsx)");

  private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})-v(\\d{1,4})");

  private final MonthlyReports reports;
  private final Offices offices;
  private final Statistics statistics;
  private final DocumentSigning signing;

  ReportController(
      MonthlyReports reports, Offices offices, Statistics statistics, DocumentSigning signing) {
    this.reports = reports;
    this.offices = offices;
    this.statistics = statistics;
    this.signing = signing;
  }

  @GetMapping(BASE)
  String list(Model model) {
    Officer officer = reader();
    return page(model, officer, offices.get(officer.officeId()), "", "", new FieldErrors());
  }

  /** The office admin's setting: the monthly reports are signed electronically, or not. */
  @PostMapping(BASE + "/pengaturan")
  String setting(
      @RequestParam(name = "tandatangan", required = false) String sign,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("the report setting is the office admin's");
    }
    boolean on = "ya".equals(sign);
    int released = reports.setSigning(officer.officeId(), on, officer.fullName());
    redirect.addFlashAttribute(
        "notice",
        on
            ? "statistics.report.sign.settingOn"
            : released > 0
                ? "statistics.report.sign.settingOffReleased"
                : "statistics.report.sign.settingOff");
    return "redirect:" + BASE;
  }

  /** A signer signs a version waiting for the signature, with their passphrase. */
  @PostMapping(BASE + "/{name}/tandatangan")
  String sign(
      @PathVariable String name,
      @RequestParam(name = "passphrase", required = false) String passphrase,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.SIGNER)) {
      throw new AccessDeniedException("only a signer signs the monthly report");
    }
    Matcher m = NAME.matcher(name);
    YearMonth month = m.matches() ? Period.parse(m.group(2), m.group(1)) : null;
    if (month == null) {
      throw new NotFoundException();
    }
    Office office = offices.get(officer.officeId());
    Outcome<PublishedReport> outcome =
        reports.sign(
            officer,
            office,
            month,
            Integer.parseInt(m.group(3)),
            passphrase == null ? null : passphrase.toCharArray());
    if (!outcome.ok()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, officer, office, "", "", outcome.errors());
    }
    redirect.addFlashAttribute("notice", "statistics.report.sign.done");
    return "redirect:" + BASE;
  }

  /**
   * A version's file for the office's staff, also while it waits for the signature (the preview the
   * signer reads before signing): {@code /admin/statistik/laporan/2026-11-v1.pdf}.
   */
  @GetMapping(BASE + "/{file:.+}")
  ResponseEntity<byte[]> staffFile(@PathVariable String file) {
    Officer officer = reader();
    Matcher m = FILE.matcher(file);
    YearMonth month = m.matches() ? Period.parse(m.group(2), m.group(1)) : null;
    if (month == null) {
      throw new NotFoundException();
    }
    String format = m.group(4);
    byte[] bytes =
        reports
            .staffFile(officer.officeId(), month, Integer.parseInt(m.group(3)), format)
            .orElseThrow(NotFoundException::new);
    return ResponseEntity.ok()
        .contentType(
            format.equals("pdf")
                ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"laporan-"
                + offices.get(officer.officeId()).slug()
                + "-"
                + file
                + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(bytes);
  }

  @PostMapping(BASE)
  String publish(
      @RequestParam(name = "bulan", required = false) String month,
      @RequestParam(name = "alasan", required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("publishing the monthly report is the office admin's");
    }
    Office office = offices.get(officer.officeId());
    String typed = month == null ? "" : month.strip();
    YearMonth chosen =
        typed.length() == 7 && typed.charAt(4) == '-'
            ? Period.parse(typed.substring(5), typed.substring(0, 4))
            : null;
    Outcome<PublishedReport> outcome =
        reports.publish(office, chosen, statistics.currentMonth(), officer.fullName(), reason);
    if (!outcome.ok()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(
          model,
          officer,
          office,
          typed.length() > 7 ? typed.substring(0, 7) : typed,
          reason == null ? "" : reason.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", ""),
          outcome.errors());
    }
    redirect.addFlashAttribute(
        "notice",
        MonthlyReports.reasonUnused(outcome.value(), reason)
            ? "statistics.report.publishedFirst"
            : "statistics.report.published");
    return "redirect:" + BASE;
  }

  /** A published report's file, at a stable address: {@code .../laporan/2026-11-v1.pdf}. */
  @GetMapping("/kecamatan/{slug}/statistik/laporan/{file}")
  ResponseEntity<byte[]> file(@PathVariable String slug, @PathVariable String file) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    Matcher m = FILE.matcher(file);
    if (!m.matches()) {
      throw new NotFoundException();
    }
    YearMonth month = Period.parse(m.group(2), m.group(1));
    if (month == null) {
      throw new NotFoundException();
    }
    String format = m.group(4);
    byte[] bytes =
        reports
            .file(office.id(), month, Integer.parseInt(m.group(3)), format)
            .orElseThrow(NotFoundException::new);
    return download(bytes, format, "laporan-" + office.slug() + "-" + file);
  }

  /** A regency's consolidated report's file: {@code /kabupaten/35.16/statistik/laporan/...}. */
  @GetMapping("/kabupaten/{code}/statistik/laporan/{file}")
  ResponseEntity<byte[]> regencyFile(@PathVariable String code, @PathVariable String file) {
    Regency regency = offices.regencyByCode(code).orElseThrow(NotFoundException::new);
    Matcher m = FILE.matcher(file);
    if (!m.matches()) {
      throw new NotFoundException();
    }
    YearMonth month = Period.parse(m.group(2), m.group(1));
    if (month == null) {
      throw new NotFoundException();
    }
    String format = m.group(4);
    byte[] bytes =
        reports
            .regencyFile(regency.id(), month, Integer.parseInt(m.group(3)), format)
            .orElseThrow(NotFoundException::new);
    return download(bytes, format, "laporan-kabupaten-" + regency.code() + "-" + file);
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, String format, String name) {
    return ResponseEntity.ok()
        .contentType(
            format.equals("pdf")
                ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400, immutable")
        .body(bytes);
  }

  private String page(
      Model model,
      Officer officer,
      Office office,
      String month,
      String reason,
      FieldErrors errors) {
    List<PublishedReport> all = reports.ofForStaff(office.id());
    model.addAttribute("office", office);
    model.addAttribute("reports", all);
    model.addAttribute("canPublish", officer.has(Role.OFFICE_ADMIN));
    model.addAttribute("signsReports", reports.signsReports(office.id()));
    // the oldest version waiting for the signature is signed first
    Optional<PublishedReport> waiting =
        all.stream()
            .filter(PublishedReport::awaitingSignature)
            .min(
                Comparator.comparing(PublishedReport::month)
                    .thenComparing(PublishedReport::version));
    model.addAttribute("waiting", waiting.orElse(null));
    model.addAttribute("signatureBlock", signing.block(officer).orElse(null));
    model.addAttribute(
        "month", month.isEmpty() ? statistics.currentMonth().minusMonths(1).toString() : month);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("maxReason", MonthlyReports.MAX_REASON);
    return "statistics/reports";
  }

  private static Officer reader() {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.OFFICE_ADMIN) && !officer.has(Role.SIGNER)) {
      throw new AccessDeniedException("the monthly reports are the office admin's and signers'");
    }
    return officer;
  }
}
