package id.go.kecamatan.surveys;

import java.time.Instant;
import java.util.List;

/**
 * The rencana tindak lanjut of an office for a reporting period: per item the element it improves,
 * the programme, its time, the officer responsible, and what was done (status and realisation),
 * which the next period's report shows.
 */
public record FollowUp(Period period, List<Item> items, Instant updatedAt) {

  public FollowUp {
    items = List.copyOf(items);
  }

  /** How far an item got. */
  public enum Status {
    PLANNED,
    IN_PROGRESS,
    DONE,
    NOT_DONE;

    public String labelKey() {
      return "surveys.followUp.status." + name();
    }
  }

  /**
   * One item of the plan.
   *
   * @param timeframe when, as the office writes it (e.g. Januari - Maret 2027)
   * @param responsible the officer or unit responsible
   * @param realisation what was done, once known; may be null
   */
  public record Item(
      Element element,
      String programme,
      String timeframe,
      String responsible,
      Status status,
      String realisation) {}
}
