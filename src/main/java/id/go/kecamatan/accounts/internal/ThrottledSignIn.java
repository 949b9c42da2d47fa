package id.go.kecamatan.accounts.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The staff password check behind the {@link SignInLimits}: an attempt over a limit is refused
 * before the password is looked at ({@link SignInThrottledException}, the same for a known and an
 * unknown user name); a user name no account can have (a control character such as NUL, or longer
 * than any user name) is answered as a wrong password without reaching the database.
 */
class ThrottledSignIn implements AuthenticationProvider {

  /** Longer than any user name ({@code StaffForm} allows 60 characters). */
  static final int MAX_USERNAME = 100;

  private final AuthenticationProvider passwords;
  private final SignInLimits limits;

  ThrottledSignIn(AuthenticationProvider passwords, SignInLimits limits) {
    this.passwords = passwords;
    this.limits = limits;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    long wait = limits.take(username, address);
    if (wait > 0) {
      throw new SignInThrottledException(wait);
    }
    if (!possible(username)) {
      throw new BadCredentialsException("Bad credentials");
    }
    Authentication result = passwords.authenticate(authentication);
    limits.succeeded(username, address);
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** Whether an account could have this name: not blank, not too long, no control characters. */
  static boolean possible(String username) {
    return username != null
        && !username.isBlank()
        && username.length() <= MAX_USERNAME
        && username.chars().noneMatch(Character::isISOControl);
  }
}
