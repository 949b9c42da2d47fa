package id.go.kecamatan.surveys.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.Instrument;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.internal.ReportQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's raw responses of a period as an XLSX workbook ({@code /admin/survei/jawaban.xlsx},
 * the office administrator and signers): one row per response with its day, channel, service, the
 * nine scores by element, the profile and saran/kritik; nothing that names a resident. Audited.
 */
@Controller
class ResponsesExport {

  private final ReportQueries queries;
  private final Offices offices;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final Clock clock;

  ResponsesExport(
      ReportQueries queries,
      Offices offices,
      MessageSource messages,
      AuditTrail audit,
      Clock clock) {
    this.queries = queries;
    this.offices = offices;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/admin/survei/jawaban.xlsx")
  void export(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    List<ReportQueries.Row> rows = queries.rows(office.id(), period.from(), period.to());
    audit.record(
        office.id(),
        "survey.responses.exported",
        "office",
        office.id(),
        Map.of("period", period.query(), "rows", rows.size()));
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"survei-" + office.slug() + "-" + period.fileName() + ".xlsx\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (OutputStream out = response.getOutputStream()) {
      Workbook workbook = new Workbook(out, "Layanan Kecamatan", "1.0");
      Worksheet sheet = workbook.newWorksheet(t("surveys.export.sheet", locale));
      int c = 0;
      for (String header :
          List.of("surveys.export.day", "surveys.export.channel", "surveys.field.layanan")) {
        sheet.value(0, c++, t(header, locale));
      }
      for (Element element : Instrument.CURRENT.elements()) {
        sheet.value(0, c++, element.key());
      }
      for (String header :
          List.of(
              "surveys.profile.sex",
              "surveys.profile.age",
              "surveys.profile.education",
              "surveys.profile.occupation",
              "surveys.profile.timeBand",
              "surveys.suggestion")) {
        sheet.value(0, c++, t(header, locale));
      }
      int r = 1;
      for (ReportQueries.Row row : rows) {
        c = 0;
        sheet.value(r, c, row.day());
        sheet.style(r, c++).format("yyyy-mm-dd").set();
        sheet.value(r, c++, row.channel());
        sheet.value(r, c++, row.service());
        for (int score : row.scores()) {
          sheet.value(r, c++, score);
        }
        sheet.value(r, c++, row.sex());
        sheet.value(r, c++, row.age());
        sheet.value(r, c++, row.education());
        sheet.value(r, c++, row.occupation());
        sheet.value(r, c++, row.timeBand());
        sheet.value(r, c, row.suggestion());
        r++;
      }
      workbook.finish();
    }
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
