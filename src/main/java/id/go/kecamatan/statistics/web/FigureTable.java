package id.go.kecamatan.statistics.web;

import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.statistics.Disclosure;
import id.go.kecamatan.statistics.Figures;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.surveys.Ikm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the tables the pages and files show: the counts as they may be shown ({@code null}
 * suppressed when {@code publicOutput}), the shares and the working days. A public output's rows
 * come from {@link PublicTables}, which also hides the counts that would give a suppressed one
 * away.
 */
public record FigureTable(String label, String key, List<Cell> cells) {

  /** The columns, in order; each a message key for its heading and definition. */
  public static final List<String> COLUMNS =
      List.of(
          "measure.RECEIVED",
          "channel.ONLINE",
          "channel.COUNTER",
          "channel.VILLAGE",
          "derived.digital",
          "measure.FINISHED",
          "measure.FINISHED_ON_TIME",
          "derived.onTime",
          "derived.median",
          "derived.p90",
          "measure.APPROVED",
          "measure.REJECTED",
          "measure.WITHDRAWN",
          "measure.COMPLETION_REQUESTED",
          "measure.DRAFTS_STARTED",
          "measure.DRAFTS_SUBMITTED",
          "derived.completionRate",
          "measure.LETTERS_SIGNED",
          "measure.LETTERS_VERIFIED",
          "measure.LETTERS_REVOKED",
          "measure.COMPLAINTS_RECEIVED",
          "measure.COMPLAINTS_ANSWERED",
          "measure.COMPLAINTS_ANSWERED_ON_TIME",
          "derived.complaintsOnTime",
          "ikm.respondents",
          "ikm.index",
          "ikm.grade");

  /** The counts' columns (the others are shares, working days and the IKM). */
  static boolean isCount(String column) {
    return column.startsWith("measure.")
        || column.startsWith("channel.")
        || column.equals("ikm.respondents");
  }

  /** Each share's column with the columns of its part and its base. */
  private static final Map<String, List<String>> SHARES =
      Map.of(
          "derived.digital", List.of("channel.ONLINE", "measure.RECEIVED"),
          "derived.onTime", List.of("measure.FINISHED_ON_TIME", "measure.FINISHED"),
          "derived.completionRate", List.of("measure.DRAFTS_SUBMITTED", "measure.DRAFTS_STARTED"),
          "derived.complaintsOnTime",
              List.of("measure.COMPLAINTS_ANSWERED_ON_TIME", "measure.COMPLAINTS_ANSWERED"));

  /**
   * One value: {@code value} null means suppressed (a count) or not computable (a share or days).
   *
   * @param suppressed a count from 1 to 4 not shown ("< 5")
   * @param hidden a count of 5 or more not shown so that a suppressed count cannot be worked out
   *     from the counts beside it ({@link ComplementarySuppression})
   * @param percent whether the value is a percentage
   * @param label the value as written when it is not a whole number (the IKM {@code 82.45}, its
   *     grade {@code B}), else null; the files write it so
   * @param decimal the value when it is a decimal (the IKM), which a page writes in its language
   *     ({@link #text(Locale, String, String, String)}: 82,45 in Indonesian), else null
   */
  public record Cell(
      Long value,
      boolean suppressed,
      boolean hidden,
      boolean percent,
      String label,
      BigDecimal decimal) {

    public Cell(Long value, boolean suppressed, boolean percent) {
      this(value, suppressed, false, percent, null, null);
    }

    public Cell(Long value, boolean suppressed, boolean percent, String label) {
      this(value, suppressed, false, percent, label, null);
    }

    static Cell hiding() {
      return new Cell(null, false, true, false, null, null);
    }

    static Cell decimal(BigDecimal value) {
      return new Cell(null, false, false, false, value.toPlainString(), value);
    }

    /** As a page in {@code locale} writes it: a decimal with the language's decimal mark. */
    public String text(Locale locale, String suppressedText, String hiddenText, String none) {
      if (decimal != null && !suppressed && !hidden) {
        return Formats.decimal(locale, decimal);
      }
      return text(suppressedText, hiddenText, none);
    }

    public String text(String suppressedText, String hiddenText, String none) {
      if (suppressed) {
        return suppressedText;
      }
      if (hidden) {
        return hiddenText;
      }
      if (label != null) {
        return label;
      }
      if (value == null) {
        return none;
      }
      return percent ? value + "%" : String.valueOf(value);
    }

    /** As a file writes it: empty when not computable, the marks of a count not shown. */
    public String plain(String suppressedText, String hiddenText) {
      return text(suppressedText, hiddenText, "").replace("%", "");
    }
  }

  public static FigureTable of(String label, String key, Figures.Row row, boolean publicOutput) {
    long received = row.get(Measure.RECEIVED);
    long finished = row.get(Measure.FINISHED);
    long started = row.get(Measure.DRAFTS_STARTED);
    boolean fewFinished = publicOutput && row.finishedWithDays() < Disclosure.MIN_SHOWN;
    return new FigureTable(
        label,
        key,
        List.of(
            count(received, publicOutput),
            count(row.received("ONLINE"), publicOutput),
            count(row.received("COUNTER"), publicOutput),
            count(row.received("VILLAGE"), publicOutput),
            share(row.received("ONLINE"), received, publicOutput),
            count(finished, publicOutput),
            count(row.get(Measure.FINISHED_ON_TIME), publicOutput),
            share(row.get(Measure.FINISHED_ON_TIME), finished, publicOutput),
            days(fewFinished ? null : row.median()),
            days(fewFinished ? null : row.p90()),
            count(row.get(Measure.APPROVED), publicOutput),
            count(row.get(Measure.REJECTED), publicOutput),
            count(row.get(Measure.WITHDRAWN), publicOutput),
            count(row.get(Measure.COMPLETION_REQUESTED), publicOutput),
            count(started, publicOutput),
            count(row.get(Measure.DRAFTS_SUBMITTED), publicOutput),
            share(row.get(Measure.DRAFTS_SUBMITTED), started, publicOutput),
            count(row.get(Measure.LETTERS_SIGNED), publicOutput),
            count(row.get(Measure.LETTERS_VERIFIED), publicOutput),
            count(row.get(Measure.LETTERS_REVOKED), publicOutput),
            count(row.get(Measure.COMPLAINTS_RECEIVED), publicOutput),
            count(row.get(Measure.COMPLAINTS_ANSWERED), publicOutput),
            count(row.get(Measure.COMPLAINTS_ANSWERED_ON_TIME), publicOutput),
            share(
                row.get(Measure.COMPLAINTS_ANSWERED_ON_TIME),
                row.get(Measure.COMPLAINTS_ANSWERED),
                publicOutput),
            count(row.ikm().respondents(), publicOutput),
            ikm(row, publicOutput, false),
            ikm(row, publicOutput, true)));
  }

  /**
   * The IKM (or its grade) of a row: not shown publicly from fewer than {@link
   * Disclosure#MIN_SHOWN} respondents, like a share.
   */
  private static Cell ikm(Figures.Row row, boolean publicOutput, boolean grade) {
    Optional<Ikm> ikm = row.index();
    if (ikm.isEmpty() || (publicOutput && row.ikm().respondents() < Disclosure.MIN_SHOWN)) {
      return new Cell(null, false, false);
    }
    return grade
        ? new Cell(null, false, false, ikm.get().grade().name())
        : Cell.decimal(ikm.get().index());
  }

  private static Cell count(long n, boolean publicOutput) {
    if (publicOutput && !Disclosure.shown(n)) {
      return new Cell(null, true, false);
    }
    return new Cell(n, false, false);
  }

  private static Cell share(long part, long base, boolean publicOutput) {
    Integer p =
        publicOutput
            ? Disclosure.percent(part, base)
            : (base == 0 ? null : (int) Math.round(100.0 * part / base));
    return new Cell(p == null ? null : p.longValue(), false, true);
  }

  private static Cell days(Integer d) {
    return new Cell(d == null ? null : d.longValue(), false, false);
  }

  /**
   * This row with the counts of {@code columns} hidden to protect others ({@link Cell#hidden}), and
   * the shares computed from a count not shown left out (with the share and the other count shown
   * it could be worked out).
   */
  FigureTable hiding(Set<String> columns) {
    List<Cell> changed = new ArrayList<>(cells);
    for (int i = 0; i < COLUMNS.size(); i++) {
      String column = COLUMNS.get(i);
      if (columns.contains(column) && isCount(column)) {
        changed.set(i, Cell.hiding());
      }
    }
    for (Map.Entry<String, List<String>> share : SHARES.entrySet()) {
      int i = COLUMNS.indexOf(share.getKey());
      for (String count : share.getValue()) {
        Cell c = changed.get(COLUMNS.indexOf(count));
        if (c.suppressed() || c.hidden()) {
          changed.set(i, new Cell(null, false, true));
        }
      }
    }
    return new FigureTable(label, key, List.copyOf(changed));
  }

  /** The cell of a column. */
  public Cell cell(String column) {
    return cells.get(COLUMNS.indexOf(column));
  }
}
