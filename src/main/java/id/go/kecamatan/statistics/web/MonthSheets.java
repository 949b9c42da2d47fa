package id.go.kecamatan.statistics.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.statistics.Figures;
import id.go.kecamatan.statistics.Statistics;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The public figures of an office's month as a sheet (headings, definitions, one row per service
 * and the total, small counts suppressed and the counts that would give them away hidden: {@link
 * PublicTables}): the open data files and the monthly report.
 */
@Component
class MonthSheets {

  private final Statistics statistics;
  private final Catalog catalog;
  private final MessageSource messages;

  MonthSheets(Statistics statistics, Catalog catalog, MessageSource messages) {
    this.statistics = statistics;
    this.catalog = catalog;
    this.messages = messages;
  }

  OpenData.Sheet of(Office office, YearMonth month, Locale locale) {
    Figures figures = statistics.figures(Statistics.Selection.of(office.id(), month, month));
    Map<UUID, String> names = new HashMap<>();
    for (ServiceType s : catalog.allServices(office.id())) {
      names.put(s.id(), s.name());
    }
    PublicTables published = new PublicTables();
    List<Integer> services = new ArrayList<>();
    for (Figures.Row r : figures.services()) {
      services.add(published.add(names.getOrDefault(r.serviceId(), "?"), r.key(), r));
    }
    int total = published.add(t("statistics.table.total", locale), "total", figures.total());
    published.sum(total, services);
    List<FigureTable> tables = new ArrayList<>(published.get(services));
    tables.sort(Comparator.comparing(FigureTable::label));
    tables.add(published.get(total));
    return sheet(
        t("statistics.table.office", locale),
        office.displayName(),
        office.code(),
        t("statistics.table.service", locale),
        month,
        tables,
        locale);
  }

  /**
   * The regency's consolidation of a month: one row per active office and the regency's total (the
   * regency's own counts, which are the sum of its offices').
   */
  OpenData.Sheet ofRegency(Regency regency, List<Office> offices, YearMonth month, Locale locale) {
    Figures figures = statistics.figures(Statistics.Selection.of(regency.id(), month, month));
    Map<UUID, Figures.Row> rows =
        statistics.perScope(offices.stream().map(Office::id).toList(), month, month);
    PublicTables published = new PublicTables();
    List<Integer> perOffice = new ArrayList<>();
    for (Office o : offices) {
      perOffice.add(published.add(o.displayName(), o.slug(), rows.get(o.id())));
    }
    int total = published.add(t("statistics.table.total", locale), "total", figures.total());
    published.sum(total, perOffice);
    List<FigureTable> tables = new ArrayList<>(published.get(perOffice));
    tables.sort(Comparator.comparing(FigureTable::label));
    tables.add(published.get(total));
    return sheet(
        t("statistics.table.regency", locale),
        regency.name(),
        regency.code(),
        t("statistics.table.office", locale),
        month,
        tables,
        locale);
  }

  private OpenData.Sheet sheet(
      String scopeHeading,
      String scopeName,
      String scopeCode,
      String rowHeading,
      YearMonth month,
      List<FigureTable> tables,
      Locale locale) {
    String suppressed = t("statistics.suppressed", locale);
    String hidden = t("statistics.hidden", locale);
    List<String> headings =
        new ArrayList<>(List.of(scopeHeading, t("statistics.table.month", locale), rowHeading));
    List<String> definitions = new ArrayList<>(List.of(scopeCode, "YYYY-MM", ""));
    for (String c : FigureTable.COLUMNS) {
      headings.add(t("statistics." + c, locale));
      definitions.add(
          c.startsWith("channel.")
              ? t("statistics.measure.RECEIVED", locale) + ": " + t("statistics." + c, locale)
              : t("statistics." + c + ".definition", locale));
    }
    List<List<String>> rows = new ArrayList<>();
    for (FigureTable table : tables) {
      List<String> row = new ArrayList<>(List.of(scopeName, month.toString(), table.label()));
      for (FigureTable.Cell cell : table.cells()) {
        row.add(cell.plain(suppressed, hidden));
      }
      rows.add(row);
    }
    return new OpenData.Sheet(headings, definitions, rows, month.toString());
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
