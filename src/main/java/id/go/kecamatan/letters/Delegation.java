package id.go.kecamatan.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The Camat's delegation of signing to another signer for a date range (both days included).
 *
 * @param kind a.n. (atas nama) or Plh. (pelaksana harian)
 */
public record Delegation(
    UUID id,
    UUID officeId,
    UUID delegateId,
    String delegateName,
    Kind kind,
    LocalDate startsOn,
    LocalDate endsOn,
    String note,
    String createdBy,
    Instant createdAt,
    Instant cancelledAt) {

  /** How the delegate signs. */
  public enum Kind {
    /** "a.n. CAMAT ...": the delegate signs on the Camat's behalf under their own title. */
    AN,
    /** "Plh. CAMAT ...": the delegate stands in for the absent Camat. */
    PLH
  }

  /** Not cancelled and the day lies within the range. */
  public boolean covers(LocalDate day) {
    return cancelledAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /** Not cancelled and not yet over on this day. */
  public boolean current(LocalDate today) {
    return cancelledAt == null && !endsOn.isBefore(today);
  }
}
