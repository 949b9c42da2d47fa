package id.go.kecamatan.counter;

/**
 * The life of a ticket: waiting (menunggu), called (dipanggil), being served (dilayani), on hold
 * (ditunda), done (selesai) or no-show (tidak hadir). See ADR 0025 for the transitions.
 */
public enum TicketStatus {
  WAITING,
  CALLED,
  SERVING,
  ON_HOLD,
  DONE,
  NO_SHOW;

  /** Issued and not yet finished: the people inside the office (unless waiting outside). */
  public boolean active() {
    return this == WAITING || this == CALLED || this == SERVING || this == ON_HOLD;
  }
}
