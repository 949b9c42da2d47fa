package id.go.kecamatan.counter;

/** How a visit at the counter ended (hasil layanan). */
public enum VisitOutcome {
  SERVED,
  APPLICATION,
  INFORMATION,
  INCOMPLETE,
  LEFT
}
