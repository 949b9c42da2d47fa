package id.go.kecamatan.letters.internal.signing;

/** See {@link SignatureProvider#open}. */
public class SigningUnavailableException extends RuntimeException {

  public SigningUnavailableException(String message) {
    super(message);
  }

  public SigningUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
