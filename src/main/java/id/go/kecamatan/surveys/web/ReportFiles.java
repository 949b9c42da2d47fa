package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.QrCode;
import id.go.kecamatan.surveys.FollowUps;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Responses;
import id.go.kecamatan.surveys.internal.ReportQueries;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey's files: the IKM report document of the office for a period as PDF/A ({@code
 * /admin/survei/laporan.pdf}, the office administrator and signers), the public A4 infographic
 * ({@code /kecamatan/<slug>/ikm/infografis.pdf}), both made afresh from the current figures, and
 * the QR code of the office's walk-in form as SVG ({@code /kecamatan/<slug>/survei/qr.svg}).
 */
@Controller
class ReportFiles {

  private final Reports reports;
  private final ReportQueries queries;
  private final FollowUps followUps;
  private final Offices offices;
  private final ReportDocument document;
  private final Infographic infographic;
  private final PublicAddress site;
  private final Clock clock;

  ReportFiles(
      Reports reports,
      ReportQueries queries,
      FollowUps followUps,
      Offices offices,
      ReportDocument document,
      Infographic infographic,
      PublicAddress site,
      Clock clock) {
    this.reports = reports;
    this.queries = queries;
    this.followUps = followUps;
    this.offices = offices;
    this.document = document;
    this.infographic = infographic;
    this.site = site;
    this.clock = clock;
  }

  @GetMapping("/admin/survei/laporan.pdf")
  ResponseEntity<byte[]> report(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    byte[] pdf =
        document.pdf(
            new ReportDocument.Content(
                office,
                offices.regency(office.regencyId()).orElse(null),
                reports.office(office.id(), null, period, false),
                followUps.of(office.id(), period).orElse(null),
                followUps.of(office.id(), period.previous()).orElse(null),
                queries.distribution(office.id(), period.from(), period.to()),
                surveyUrl(office),
                Reports.today(clock)));
    return pdf(pdf, "laporan-ikm-" + office.slug() + "-" + period.fileName() + ".pdf", true);
  }

  @GetMapping("/kecamatan/{slug}/ikm/infografis.pdf")
  ResponseEntity<byte[]> infographic(
      @PathVariable String slug,
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    byte[] pdf =
        infographic.pdf(
            office, reports.office(office.id(), null, period, false), surveyUrl(office));
    return pdf(pdf, "infografis-ikm-" + office.slug() + "-" + period.fileName() + ".pdf", false);
  }

  @GetMapping(Responses.WALK_IN_FORM + "/qr.svg")
  ResponseEntity<String> qr(@PathVariable String slug) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
        .header("X-Content-Type-Options", "nosniff")
        .body(QrCode.svg(surveyUrl(office), office.displayName()));
  }

  private String surveyUrl(Office office) {
    return site.of(Responses.WALK_IN_FORM, office.slug());
  }

  static ResponseEntity<byte[]> pdf(byte[] pdf, String filename, boolean attachment) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(filename)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf);
  }
}
