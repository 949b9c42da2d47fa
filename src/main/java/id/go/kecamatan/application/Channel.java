package id.go.kecamatan.application;

/** How an application came in (saluran pengajuan). */
public enum Channel {
  /** Daring: the resident applied online. */
  ONLINE,
  /** Loket: a front-office officer entered it for a walk-in resident at the kecamatan counter. */
  COUNTER,
  /** Desa: a village operator entered it for a resident of their village at the village office. */
  VILLAGE;

  /** Whether an officer entered the application for the resident (assisted intake). */
  public boolean assisted() {
    return this != ONLINE;
  }
}
