package id.go.kecamatan.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The signed-in officer's session between the password and the second factor. */
@Component
public class SecondFactorSession {

  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

  /** The page still due ({@code /masuk/kode} or {@code /masuk/dua-langkah}), or null. */
  public String due() {
    return SecondFactorFilter.due(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * The second factor is done: the mark goes, {@value SecondFactorFilter#DONE} is added, and the
   * session gets a new id (as after the password).
   */
  public void complete(HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (GrantedAuthority authority : current.getAuthorities()) {
      String name = authority.getAuthority();
      if (!SecondFactorFilter.CODE.equals(name) && !SecondFactorFilter.ENROL.equals(name)) {
        authorities.add(authority);
      }
    }
    authorities.add(new SimpleGrantedAuthority(SecondFactorFilter.DONE));
    UsernamePasswordAuthenticationToken done =
        UsernamePasswordAuthenticationToken.authenticated(
            current.getPrincipal(), null, authorities);
    done.setDetails(current.getDetails());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(done);
    SecurityContextHolder.setContext(context);
    request.changeSessionId();
    repository.saveContext(context, request, response);
  }
}
