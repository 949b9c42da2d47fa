package id.go.kecamatan.surveys;

/** How a response came in. */
public enum ResponseChannel {
  /** Through the single-use link sent after the application's letter was issued. */
  INVITATION,
  /** Through the office's public form (the QR on the receipt, the letter's page, the poster). */
  WALK_IN,
  /** On the counter tablet an officer opened; the resident answered. */
  COUNTER,
  /** A paper form keyed in by an officer: assisted. */
  PAPER;

  /** Keyed in by an officer for the respondent. */
  public boolean assisted() {
    return this == PAPER;
  }
}
