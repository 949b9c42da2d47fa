package id.go.kecamatan.surveys;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.surveys.internal.FollowUpStore;
import id.go.kecamatan.surveys.internal.ReportQueries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rencana tindak lanjut (follow-up plan) of an office per reporting period, written by its
 * administrator: the period's lowest elements are proposed, each item gets a programme, a time and
 * the officer responsible, and later its status and realisation, which the next period's report
 * shows. Saving replaces the whole plan at once and stores nothing unless every row is valid.
 */
@Service
public class FollowUps {

  /** How many of the lowest elements a new plan proposes. */
  public static final int PROPOSED = 3;

  /** At most this many items in a plan. */
  public static final int MAX_ITEMS = 12;

  public static final int MAX_PROGRAMME = 500;
  public static final int MAX_TIMEFRAME = 100;
  public static final int MAX_RESPONSIBLE = 150;
  public static final int MAX_REALISATION = 1000;

  /** Form field names of a row, followed by its index: {@code program-0}. */
  public static final String ELEMENT = "unsur-";

  public static final String PROGRAMME = "program-";
  public static final String TIMEFRAME = "waktu-";
  public static final String RESPONSIBLE = "pj-";
  public static final String STATUS = "status-";
  public static final String REALISATION = "realisasi-";

  /** The form field of the number of rows sent. */
  public static final String ROWS = "baris";

  private final FollowUpStore store;
  private final ReportQueries queries;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  FollowUps(
      FollowUpStore store,
      ReportQueries queries,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.queries = queries;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The office's plan for the period, if written. */
  public Optional<FollowUp> of(UUID officeId, Period period) {
    return store.find(officeId, period);
  }

  /** The periods the office wrote a plan for, the latest first. */
  public List<Period> periods(UUID officeId) {
    return store.periods(officeId, 8);
  }

  /**
   * The elements a new plan for the period starts with: the {@value #PROPOSED} with the lowest NRR
   * of the office's responses in the period (none without responses).
   */
  public List<Element> proposal(UUID officeId, Period period) {
    Optional<Ikm> ikm = Ikm.of(queries.tally(List.of(officeId), null, period.from(), period.to()));
    if (ikm.isEmpty()) {
      return List.of();
    }
    return ikm.get().weakestFirst().stream().limit(PROPOSED).toList();
  }

  /**
   * Reads the plan's rows from the form and saves them, replacing the period's plan; a row whose
   * texts are all empty is left out (so a plan of no rows removes the plan). Returns the errors,
   * none when saved.
   */
  public FieldErrors save(UUID officeId, Period period, Map<String, String> form) {
    FieldErrors errors = new FieldErrors();
    List<FollowUp.Item> items = read(form, errors);
    if (errors.any()) {
      return errors;
    }
    replace(officeId, period, items);
    return errors;
  }

  /** Replaces the period's plan by these items (none: removes it), audited. */
  public void replace(UUID officeId, Period period, List<FollowUp.Item> items) {
    if (items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("items " + items.size());
    }
    transactions.executeWithoutResult(
        tx -> {
          store.save(officeId, period, items, clock.instant());
          audit.record(
              officeId,
              "survey.followUp.saved",
              "office",
              officeId,
              Map.of("period", period.query(), "items", items.size()));
        });
  }

  /** The rows of the form as items, each wrong field named in the errors. */
  static List<FollowUp.Item> read(Map<String, String> form, FieldErrors errors) {
    int rows = rows(form.get(ROWS));
    List<FollowUp.Item> items = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String programme = FieldErrors.clean(form.get(PROGRAMME + i));
      String timeframe = FieldErrors.clean(form.get(TIMEFRAME + i));
      String responsible = FieldErrors.clean(form.get(RESPONSIBLE + i));
      String realisation = FieldErrors.clean(form.get(REALISATION + i));
      if (blank(programme) && blank(timeframe) && blank(responsible) && blank(realisation)) {
        continue;
      }
      Optional<Element> element = Element.byKey(trim(form.get(ELEMENT + i)));
      if (element.isEmpty()) {
        errors.reject(ELEMENT + i, "surveys.followUp.error.element");
      }
      errors.text(PROGRAMME + i, programme, MAX_PROGRAMME);
      errors.text(TIMEFRAME + i, timeframe, MAX_TIMEFRAME);
      errors.text(RESPONSIBLE + i, responsible, MAX_RESPONSIBLE);
      errors.optionalText(REALISATION + i, realisation, MAX_REALISATION);
      Optional<FollowUp.Status> status = status(form.get(STATUS + i));
      if (status.isEmpty()) {
        errors.reject(STATUS + i, "surveys.followUp.error.status");
      }
      if (items.size() == MAX_ITEMS) {
        errors.reject(PROGRAMME + i, "surveys.followUp.error.tooMany", MAX_ITEMS);
      }
      if (!errors.any()) {
        items.add(
            new FollowUp.Item(
                element.get(),
                programme,
                timeframe,
                responsible,
                status.get(),
                blank(realisation) ? null : realisation));
      }
    }
    return items;
  }

  /** The number of rows the form says it has, at most a few more than a plan may hold. */
  private static int rows(String value) {
    String v = trim(value);
    if (v == null || !v.matches("\\d{1,2}")) {
      return 0;
    }
    return Math.min(Integer.parseInt(v), MAX_ITEMS + 3);
  }

  private static Optional<FollowUp.Status> status(String value) {
    String v = trim(value);
    if (v == null) {
      return Optional.of(FollowUp.Status.PLANNED);
    }
    for (FollowUp.Status status : FollowUp.Status.values()) {
      if (status.name().equals(v)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
