package id.go.kecamatan.letters.internal.signing;

/** See {@link SignatureProvider#open}. */
public class WrongPassphraseException extends RuntimeException {

  public WrongPassphraseException(String message) {
    super(message);
  }

  public WrongPassphraseException(String message, Throwable cause) {
    super(message, cause);
  }
}
