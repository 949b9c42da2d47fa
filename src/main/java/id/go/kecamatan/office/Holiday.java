package id.go.kecamatan.office;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A day the office is closed besides weekends.
 *
 * @param officeId {@code null} for a national holiday or cuti bersama (every office)
 */
public record Holiday(UUID id, UUID officeId, LocalDate day, Kind kind, String name) {

  public boolean national() {
    return officeId == null;
  }

  /** Kinds of closed days. */
  public enum Kind {
    /** Hari libur nasional. */
    LIBUR,
    /** Cuti bersama. */
    CUTI_BERSAMA,
    /** A local closure of one office. */
    LOCAL
  }
}
