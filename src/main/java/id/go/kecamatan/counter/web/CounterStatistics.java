package id.go.kecamatan.counter.web;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.counter.QueueStatistics;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue's statistics page ({@code /admin/antrean/statistik}): per day, hour, group and counter,
 * for a period of at most a year (the last 30 days unless chosen), and the same as an XLSX workbook
 * of four sheets.
 */
@Controller
class CounterStatistics {

  static final List<String> COLUMNS =
      List.of(
          "tickets",
          "served",
          "noShows",
          "booked",
          "walkIns",
          "priorityServed",
          "waitMedian",
          "waitP90",
          "walkMedian",
          "walkP90",
          "serviceMedian",
          "serviceP90");

  private final QueueStatistics statistics;
  private final Offices offices;
  private final Clock clock;
  private final MessageSource messages;
  private final AuditTrail audit;

  CounterStatistics(
      QueueStatistics statistics,
      Offices offices,
      Clock clock,
      MessageSource messages,
      AuditTrail audit) {
    this.statistics = statistics;
    this.offices = offices;
    this.clock = clock;
    this.messages = messages;
    this.audit = audit;
  }

  /** The chosen period, or the last 30 days when none (or a bad one) is given. */
  record Range(LocalDate from, LocalDate to, boolean refused) {}

  Range range(String from, String to) {
    LocalDate today = LocalDate.now(clock);
    try {
      LocalDate f =
          from == null || from.isBlank() ? today.minusDays(29) : LocalDate.parse(from.strip());
      LocalDate t = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
      if (t.isBefore(f) || f.plusYears(1).isBefore(t)) {
        return new Range(today.minusDays(29), today, true);
      }
      return new Range(f, t, false);
    } catch (DateTimeParseException e) {
      return new Range(today.minusDays(29), today, true);
    }
  }

  @GetMapping("/admin/antrean/statistik")
  String page(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Range range = range(from, to);
    Map<String, List<QueueStatistics.Row>> tables = new LinkedHashMap<>();
    for (QueueStatistics.By by : QueueStatistics.By.values()) {
      tables.put(by.name(), statistics.of(office.id(), range.from(), range.to(), by));
    }
    model.addAttribute("from", range.from());
    model.addAttribute("to", range.to());
    model.addAttribute("refused", range.refused());
    model.addAttribute("tables", tables);
    model.addAttribute("columns", COLUMNS);
    return "counter/statistics";
  }

  @GetMapping("/admin/antrean/statistik.xlsx")
  void export(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Range range = range(from, to);
    audit.record(
        office.id(),
        "counter.statistics.exported",
        "office",
        office.id(),
        Map.of("from", range.from().toString(), "to", range.to().toString()));
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"antrean-"
            + office.slug()
            + "-"
            + range.from()
            + "-"
            + range.to()
            + ".xlsx\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (OutputStream out = response.getOutputStream()) {
      Workbook workbook = new Workbook(out, "Layanan Kecamatan", "1.0");
      for (QueueStatistics.By by : QueueStatistics.By.values()) {
        Worksheet sheet = workbook.newWorksheet(t("counter.stats.by." + by.name(), locale));
        sheet.value(0, 0, t("counter.stats.key." + by.name(), locale));
        for (int c = 0; c < COLUMNS.size(); c++) {
          sheet.value(0, c + 1, t("counter.stats.col." + COLUMNS.get(c), locale));
        }
        int r = 1;
        for (QueueStatistics.Row row : statistics.of(office.id(), range.from(), range.to(), by)) {
          sheet.value(r, 0, row.key());
          Object[] values = values(row);
          for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number n) {
              sheet.value(r, c + 1, n);
            }
          }
          r++;
        }
      }
      workbook.finish();
    }
  }

  static Object[] values(QueueStatistics.Row row) {
    return new Object[] {
      row.tickets(),
      row.served(),
      row.noShows(),
      row.booked(),
      row.walkIns(),
      row.priorityServed(),
      round(row.waitMedian()),
      round(row.waitP90()),
      round(row.walkMedian()),
      round(row.walkP90()),
      round(row.serviceMedian()),
      round(row.serviceP90())
    };
  }

  private static Double round(Double minutes) {
    return minutes == null ? null : Math.round(minutes * 10) / 10.0;
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
