package id.go.kecamatan.accounts.internal;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.shared.security.OfficerPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The staff password check behind the {@link SignInLimits}: an attempt over a limit is refused
 * before the password is looked at ({@link SignInThrottledException}, the same for a known and an
 * unknown user name); a user name no account can have (a control character such as NUL, or longer
 * than any user name) is answered as a wrong password without reaching the database. A right
 * password of an account that needs a second factor gives an authentication marked {@link
 * SecondFactorFilter#CODE} or {@link SecondFactorFilter#ENROL}, which opens nothing but the second
 * factor's pages until the code is typed.
 */
class ThrottledSignIn implements AuthenticationProvider {

  /** Longer than any user name ({@code StaffForm} allows 60 characters). */
  static final int MAX_USERNAME = 100;

  private final AuthenticationProvider passwords;
  private final SignInLimits limits;
  private final SecondFactors secondFactors;

  ThrottledSignIn(
      AuthenticationProvider passwords, SignInLimits limits, SecondFactors secondFactors) {
    this.passwords = passwords;
    this.limits = limits;
    this.secondFactors = secondFactors;
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
    return withSecondFactorMark(result);
  }

  private Authentication withSecondFactorMark(Authentication result) {
    if (!(result.getPrincipal() instanceof OfficerPrincipal principal)) {
      return result;
    }
    String mark =
        switch (secondFactors.need(principal.officer().staffId(), principal.officer().roles())) {
          case NONE -> null;
          case CODE -> SecondFactorFilter.CODE;
          case ENROL -> SecondFactorFilter.ENROL;
        };
    if (mark == null) {
      return result;
    }
    List<GrantedAuthority> authorities = new ArrayList<>(result.getAuthorities());
    authorities.add(new SimpleGrantedAuthority(mark));
    UsernamePasswordAuthenticationToken marked =
        UsernamePasswordAuthenticationToken.authenticated(
            result.getPrincipal(), result.getCredentials(), authorities);
    marked.setDetails(result.getDetails());
    return marked;
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
