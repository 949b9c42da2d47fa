package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.letters.internal.render.SignatureBox;

/** An opened signer: signs PDFs until closed (which forgets the key or passphrase). */
public interface SigningSession extends AutoCloseable {

  /**
   * Signs the PDF (PAdES baseline B-B, or B-T with a time-stamp authority) with a visible signature
   * over the signature box, as an incremental update that keeps the PDF/A-3 conformance.
   *
   * @return the signed PDF
   * @throws WrongPassphraseException when a remote service refuses the passphrase
   * @throws SigningUnavailableException when a remote service or the time-stamp authority fails
   */
  byte[] sign(byte[] pdf, SignatureBox box, SignatureDetails details);

  @Override
  void close();
}
