package id.go.kecamatan.shared.security;

/** Staff roles (peran petugas). */
public enum Role {
  /** Administrator kecamatan: profile, catalogue, staff, calendar. */
  OFFICE_ADMIN,
  /** Petugas loket: serves walk-in residents. */
  FRONT_OFFICE,
  /** Operator desa: bound to one village. */
  VILLAGE_OPERATOR,
  /** Verifikator: checks requirements. */
  VERIFIER,
  /** Penandatangan: Camat, Sekcam or Plh. */
  SIGNER,
  /** Administrator kabupaten (Diskominfo): creates offices of the regency. */
  REGENCY_ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
