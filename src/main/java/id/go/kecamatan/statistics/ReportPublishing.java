package id.go.kecamatan.statistics;

import java.time.YearMonth;
import java.util.UUID;

/**
 * Publishing an office's monthly report from outside the statistics module (the demo's past
 * reports), by the same rules as the office admin's page and the scheduled job: a month that has
 * ended, its figures frozen as they are now, a correction only as the next version with its reason.
 */
public interface ReportPublishing {

  /**
   * Publishes version 1 of the office's report of the month unless a version exists.
   *
   * @return whether it was published now
   */
  boolean publishFirst(UUID officeId, YearMonth month);

  /**
   * Publishes the next version of a month that has a version already.
   *
   * @param publisher who publishes it, as the report names them
   * @param reason why, at most 500 characters
   * @throws IllegalArgumentException when the month or the reason is refused
   */
  void correct(UUID officeId, YearMonth month, String publisher, String reason);
}
