package id.go.kecamatan.accounts.internal;

import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.OfficerPrincipal;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated staff member. */
final class StaffUser implements UserDetails, OfficerPrincipal, CredentialsContainer {

  @Serial private static final long serialVersionUID = 1L;

  private final Officer officer;
  private String passwordHash;
  private final boolean active;

  StaffUser(Officer officer, String passwordHash, boolean active) {
    this.officer = officer;
    this.passwordHash = passwordHash;
    this.active = active;
  }

  @Override
  public Officer officer() {
    return officer;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return officer.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return officer.username();
  }

  @Override
  public boolean isEnabled() {
    return active;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StaffUser user && user.officer.staffId().equals(officer.staffId());
  }

  @Override
  public int hashCode() {
    return officer.staffId().hashCode();
  }

  List<String> roles() {
    return officer.roles().stream().map(Enum::name).toList();
  }
}
