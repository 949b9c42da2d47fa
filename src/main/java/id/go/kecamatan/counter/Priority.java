package id.go.kecamatan.counter;

/**
 * The groups served first (perlakuan khusus, UU 25/2009 Pasal 29), within the fairness cap of ADR
 * 0025. {@link #BOOKED} marks a priority an appointment brought along.
 */
public enum Priority {
  LANSIA,
  DISABILITAS,
  HAMIL,
  ANAK,
  BENCANA,
  BOOKED;

  /** The kinds a resident or an officer chooses from. */
  public static final java.util.List<Priority> CHOSEN =
      java.util.List.of(LANSIA, DISABILITAS, HAMIL, ANAK, BENCANA);
}
