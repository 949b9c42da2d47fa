package id.go.kecamatan.statistics.web;

import id.go.kecamatan.statistics.Statistics;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What the public transparency page shows of an office or a regency.
 *
 * @param basePath the page's own path, for the picker's form and the downloads
 * @param services per service (an office) or per office (a regency), the whole period
 * @param ranking a regency's offices by share on time, only those with enough finished (and their
 *     share shown in the table of offices)
 * @param complaintGroups complaints per category and kind
 * @param complaintFigures the groups' counts as shown, one row per group in the same order
 */
public record TransparencyView(
    String title,
    String basePath,
    boolean regency,
    YearMonth from,
    YearMonth to,
    boolean invalidPeriod,
    List<FigureTable> months,
    FigureTable total,
    List<FigureTable> services,
    List<FigureTable> ranking,
    List<Statistics.Reason> reasons,
    Chart chart,
    Instant asOf,
    List<YearMonth> downloads,
    List<Statistics.ComplaintGroup> complaintGroups,
    List<FigureTable> complaintFigures) {}
