package id.go.kecamatan.letters.internal.signing;

import java.time.Instant;

/** Signing is locked after repeated wrong passphrases, until {@link #until()}. */
public class SigningLockedException extends RuntimeException {

  private final Instant until;

  public SigningLockedException(Instant until) {
    super("Signing locked until " + until);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
