package id.go.kecamatan.accounts.internal;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this address (for this user name or any): wait and try again. */
class SignInThrottledException extends AuthenticationException {

  @Serial private static final long serialVersionUID = 1L;

  private final long seconds;

  SignInThrottledException(long seconds) {
    super("too many failed sign-ins; wait " + seconds + " s");
    this.seconds = seconds;
  }

  /** The whole seconds until the next attempt may be checked (at least 1). */
  long seconds() {
    return seconds;
  }
}
