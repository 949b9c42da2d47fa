package id.go.kecamatan.statistics.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.statistics.Disclosure;
import id.go.kecamatan.statistics.Figures;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.statistics.Statistics;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency page (halaman statistik) of an office and of a regency: the last twelve
 * months up to the chosen month, no sign-in, no JavaScript; small counts suppressed ({@link
 * Disclosure}).
 */
@Controller
class TransparencyController {

  private final Statistics statistics;
  private final Offices offices;
  private final Catalog catalog;
  private final MessageSource messages;
  private final MonthSheets sheets;
  private final MonthlyReports reports;

  TransparencyController(
      Statistics statistics,
      Offices offices,
      Catalog catalog,
      MessageSource messages,
      MonthSheets sheets,
      MonthlyReports reports) {
    this.statistics = statistics;
    this.offices = offices;
    this.catalog = catalog;
    this.messages = messages;
    this.sheets = sheets;
    this.reports = reports;
  }

  @GetMapping("/kecamatan/{slug}/statistik")
  String office(
      @PathVariable String slug,
      @RequestParam(name = "bulan", required = false) String month,
      @RequestParam(name = "tahun", required = false) String year,
      Locale locale,
      Model model) {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    Period period = Period.of(month, year, statistics.currentMonth());
    Figures figures =
        statistics.figures(Statistics.Selection.of(office.id(), period.from(), period.to()));
    Map<UUID, String> names = new HashMap<>();
    for (ServiceType s : catalog.allServices(office.id())) {
      names.put(s.id(), s.name());
    }
    PublicTables tables = new PublicTables();
    Months months = months(tables, figures, locale);
    List<Integer> services = new ArrayList<>();
    for (Figures.Row r : figures.services()) {
      services.add(tables.add(names.getOrDefault(r.serviceId(), "?"), r.key(), r));
    }
    tables.sum(months.total(), services);
    List<Statistics.Reason> reasons =
        statistics.reasons(office.id(), period.from(), period.to(), false).stream()
            .filter(r -> Disclosure.shown(r.count()))
            .toList();
    model.addAttribute(
        "view",
        view(
            office.id(),
            office.displayName(),
            "/kecamatan/" + office.slug() + "/statistik",
            false,
            period,
            figures,
            tables,
            months,
            services,
            List.of(),
            reasons,
            locale));
    model.addAttribute("regency", offices.regency(office.regencyId()).orElseThrow());
    model.addAttribute("office", office);
    model.addAttribute("reports", reports.of(office.id()));
    return "statistics/transparency";
  }

  @GetMapping("/kabupaten/{code}/statistik")
  String regency(
      @PathVariable String code,
      @RequestParam(name = "bulan", required = false) String month,
      @RequestParam(name = "tahun", required = false) String year,
      Locale locale,
      Model model) {
    Regency regency = offices.regencyByCode(code).orElseThrow(NotFoundException::new);
    Period period = Period.of(month, year, statistics.currentMonth());
    Figures figures =
        statistics.figures(Statistics.Selection.of(regency.id(), period.from(), period.to()));
    List<Office> list = offices.officesOf(regency.id()).stream().filter(Office::active).toList();
    Map<UUID, Figures.Row> rows =
        statistics.perScope(list.stream().map(Office::id).toList(), period.from(), period.to());
    PublicTables tables = new PublicTables();
    Months months = months(tables, figures, locale);
    List<Integer> perOffice = new ArrayList<>();
    List<Integer> ranked = new ArrayList<>();
    for (Office o : list) {
      Figures.Row row = rows.get(o.id());
      int added = tables.add(o.displayName(), o.slug(), row);
      perOffice.add(added);
      if (row.get(Measure.FINISHED) >= Disclosure.MIN_RANKED) {
        ranked.add(added);
      }
    }
    // the regency's own counts: its active offices' and those of an office made inactive
    tables.sum(months.total(), perOffice);
    model.addAttribute(
        "view",
        view(
            regency.id(),
            regency.name(),
            "/kabupaten/" + regency.code() + "/statistik",
            true,
            period,
            figures,
            tables,
            months,
            perOffice,
            ranked,
            List.of(),
            locale));
    model.addAttribute("regency", regency);
    model.addAttribute("office", null);
    model.addAttribute("reports", reports.ofRegency(regency.id()));
    return "statistics/transparency";
  }

  /**
   * The open data of an office's month, at a stable address: {@code
   * /kecamatan/<slug>/statistik/2026-11.csv} (or {@code .xlsx}).
   */
  @GetMapping("/kecamatan/{slug}/statistik/{file}")
  void openData(
      @PathVariable String slug,
      @PathVariable String file,
      Locale locale,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    Office office = offices.bySlug(slug).orElseThrow(NotFoundException::new);
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})\\.(csv|xlsx)").matcher(file);
    if (!name.matches()) {
      throw new NotFoundException();
    }
    String format = name.group(3);
    YearMonth chosen = Period.parse(name.group(2), name.group(1));
    if (chosen == null
        || chosen.isAfter(statistics.currentMonth())
        || chosen.getYear() < Period.FIRST_YEAR) {
      throw new NotFoundException();
    }
    OpenData.Sheet sheet = sheets.of(office, chosen, locale);
    String download = "statistik-" + office.slug() + "-" + chosen + "." + format;
    response.setHeader("Content-Disposition", "attachment; filename=\"" + download + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "public, max-age=300");
    if (format.equals("csv")) {
      response.setContentType("text/csv; charset=UTF-8");
      OpenData.csv(sheet, response.getOutputStream());
    } else {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      OpenData.xlsx(sheet, response.getOutputStream());
    }
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  /** The rows of the period's months and its total, added to a page's tables. */
  private record Months(List<Integer> rows, int total) {}

  private static Months months(PublicTables tables, Figures figures, Locale locale) {
    DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", locale);
    List<Integer> rows = new ArrayList<>();
    for (Figures.Row row : figures.months()) {
      rows.add(tables.add(monthFormat.format(row.month()), row.key(), row));
    }
    int total = tables.add("total", "total", figures.total());
    tables.sum(total, rows);
    return new Months(rows, total);
  }

  /**
   * The page's view: every table from {@code tables}, the complaint groups added to them, so that
   * no count suppressed in one can be worked out from another.
   */
  private TransparencyView view(
      UUID scopeId,
      String title,
      String basePath,
      boolean regency,
      Period period,
      Figures figures,
      PublicTables tables,
      Months monthRows,
      List<Integer> breakdown,
      List<Integer> ranked,
      List<Statistics.Reason> reasons,
      Locale locale) {
    List<Statistics.ComplaintGroup> groups =
        statistics.complaintGroups(scopeId, period.from(), period.to());
    List<Integer> groupRows = tables.addComplaintGroups(groups);
    tables.sumOfComplaintGroups(monthRows.total(), groupRows);
    String suppressed = messages.getMessage("statistics.suppressed", null, locale);
    String hidden = messages.getMessage("statistics.hidden", null, locale);
    List<FigureTable> months = tables.get(monthRows.rows());
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      FigureTable.Cell received = months.get(i).cell("measure.RECEIVED");
      labels.add(
          DateTimeFormatter.ofPattern("MMM", locale).format(figures.months().get(i).month()));
      values.add(received.value());
      texts.add(received.text(suppressed, hidden, "0"));
    }
    List<YearMonth> downloads = new ArrayList<>();
    for (YearMonth m = period.to(); !m.isBefore(period.from()); m = m.minusMonths(1)) {
      downloads.add(m);
    }
    List<FigureTable> ranking = new ArrayList<>(tables.get(ranked));
    ranking.removeIf(t -> t.cell("derived.onTime").value() == null);
    ranking.sort(
        Comparator.comparing((FigureTable t) -> -t.cell("derived.onTime").value())
            .thenComparing(FigureTable::label));
    return new TransparencyView(
        title,
        basePath,
        regency,
        period.from(),
        period.to(),
        period.invalid(),
        months,
        tables.get(monthRows.total()),
        tables.get(breakdown).stream().sorted(Comparator.comparing(FigureTable::label)).toList(),
        ranking,
        reasons,
        Chart.of(labels, values, texts),
        figures.asOf(),
        downloads,
        groups,
        tables.get(groupRows));
  }
}
