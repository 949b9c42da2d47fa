package id.go.kecamatan.letters.internal.numbering;

import java.time.LocalDate;
import java.util.UUID;

/** Letter numbers per office, taken at signing. */
public interface LetterNumbering {

  /**
   * Takes the next number for a letter of this service signed on this day, skipping numbers
   * recorded from the agenda book. Must run inside the caller's (signing) transaction: the sequence
   * stays locked until it ends, and a rollback returns the number, so there are no gaps and no
   * duplicates, also across application instances on one database.
   */
  LetterNumber take(UUID officeId, UUID serviceId, LocalDate day);
}
