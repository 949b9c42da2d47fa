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

  /**
   * The number {@link #take} is expected to give a letter of this service signed on this day, so
   * that the letter is laid out and signed before its number is taken: the sequence's last number
   * (read, not locked) past the numbers that letters being signed in this process expect, skipping
   * the agenda book. Takes, locks and reserves nothing in the database; a claim only orders the
   * letters of a sequence in this process. Close it once the letter's transaction has ended.
   */
  Claim claim(UUID officeId, UUID serviceId, LocalDate day);

  /**
   * Claims for the letters of one signing batch: what {@link #claim} reads that the letters share
   * (the office's numbering settings and unit code, the service's codes) is read once, by the first
   * letter of each service. {@link #take} still reads everything afresh, under its locks, so a
   * change saved meanwhile only makes a letter's expected number wrong, which signing handles.
   */
  default Claims batch() {
    return this::claim;
  }

  /** Claims of expected numbers ({@link #claim}). */
  @FunctionalInterface
  interface Claims {

    Claim claim(UUID officeId, UUID serviceId, LocalDate day);
  }

  /**
   * A letter's expected number. The number it gets may still differ (a letter before it failed,
   * another node signed meanwhile, the settings changed): {@link #take} decides.
   */
  interface Claim extends AutoCloseable {

    LetterNumber expected();

    /**
     * Waits until the letters of the same sequence that claimed before this one have closed their
     * claims (committed or given up), so that numbers are taken in the order they were expected;
     * after a while (a stuck letter) it stops waiting.
     */
    void awaitTurn() throws InterruptedException;

    @Override
    void close();
  }
}
