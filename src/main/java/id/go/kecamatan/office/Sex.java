package id.go.kecamatan.office;

/** Jenis kelamin as recorded in the civil registry. */
public enum Sex {
  /** Laki-laki. */
  MALE,
  /** Perempuan. */
  FEMALE
}
