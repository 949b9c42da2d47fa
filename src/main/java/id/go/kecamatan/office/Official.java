package id.go.kecamatan.office;

import java.util.UUID;

/**
 * An official (pejabat) of an office who appears on letters.
 *
 * @param position CAMAT or SEKCAM
 * @param rank pangkat/golongan, e.g. {@code Pembina Tingkat I (IV/b)}
 */
public record Official(UUID officeId, Position position, String name, String nip, String rank) {

  /** Positions shown on letters. */
  public enum Position {
    /** Camat: head of the kecamatan. */
    CAMAT,
    /** Sekretaris Camat. */
    SEKCAM
  }
}
