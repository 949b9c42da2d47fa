package id.go.kecamatan.letters.internal;

import id.go.kecamatan.letters.Delegation;
import id.go.kecamatan.letters.SignerProfile;
import id.go.kecamatan.letters.internal.render.SignatureLine;

/**
 * How a signer signs today: as Camat, or a.n./Plh. under a delegation.
 *
 * @param delegation the delegation signed under, {@code null} for the Camat
 * @param position the position as stored with the letter and shown on the verification page, e.g.
 *     {@code a.n. Camat Jetis, Sekretaris Kecamatan}
 */
public record Signatory(
    SignerProfile profile,
    Capacity capacity,
    Delegation delegation,
    SignatureLine line,
    String position) {

  /** In whose name a letter is signed. */
  public enum Capacity {
    /** The Camat in person. */
    OWN,
    /** a.n. Camat. */
    AN,
    /** Plh. Camat. */
    PLH
  }
}
