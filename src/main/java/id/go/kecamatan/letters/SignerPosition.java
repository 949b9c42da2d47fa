package id.go.kecamatan.letters;

/** The position a signer holds: the Camat signs in their own name, the others under delegation. */
public enum SignerPosition {
  /** Camat: signs every letter of the office. */
  CAMAT,
  /** Sekretaris Camat: signs a.n. or as Plh. while a delegation runs. */
  SEKCAM,
  /** Another official (e.g. a Kepala Seksi) named Plh. or signing a.n. for a period. */
  OTHER
}
