package id.go.kecamatan.letters.internal.signing;

/**
 * The signer port: the system's own PAdES signer with per-signer keys, or a remote signing service
 * (national practice: the PDF with the signer's NIK and passphrase), chosen by configuration.
 */
public interface SignatureProvider {

  /**
   * Opens a signing session with the signer's passphrase, for one letter or a batch. A wrong
   * passphrase counts towards the signer's lock-out (in its own transaction) and signs nothing.
   *
   * @throws WrongPassphraseException when the passphrase does not open the signer's key
   * @throws SigningLockedException while the signer is locked after repeated wrong passphrases
   * @throws SigningUnavailableException when the signer has no key or the service cannot be reached
   */
  SigningSession open(SignerIdentity signer, char[] passphrase);
}
