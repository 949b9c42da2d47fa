package id.go.kecamatan.accounts.internal;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.OfficerPrincipal;
import id.go.kecamatan.shared.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Who may open what: the public site is open, the administration needs a staff sign-in. */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Spring Security's default BCrypt rounds. */
  static final int DEFAULT_PASSWORD_STRENGTH = 10;

  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

  /**
   * The only writes of the public JSON API: submitting an online application, and withdrawing or
   * completing one with its tracking code and phone digits; filing a complaint, and replying and
   * giving feedback with its tracking code and key. They carry no session, so CSRF does not apply
   * to them.
   */
  static final RequestMatcher[] PUBLIC_API_POSTS = {
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/offices/{slug}/services/{code}/applications"),
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/applications/{trackingCode}/withdraw"),
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/applications/{trackingCode}/completion"),
    // complaints: filing, and replying and feedback with the code and its key (issue 14)
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/offices/{slug}/complaints"),
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/complaints/{trackingCode}/reply"),
    PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/complaints/{trackingCode}/feedback")
  };

  @Bean
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/admin/kabupaten/**")
                    .hasRole(Role.REGENCY_ADMIN.name())
                    .requestMatchers(
                        "/admin/kantor/**",
                        "/admin/pejabat/**",
                        "/admin/kalender/**",
                        "/admin/layanan/**",
                        "/admin/staf/**",
                        "/admin/audit/**",
                        "/admin/pesan/**",
                        "/admin/sosialisasi/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    // surveys: the counter tablet and paper forms the front office's; the reports
                    // the office administrator's and the signer's (the Camat)
                    .requestMatchers("/admin/survei/loket", "/admin/survei/kertas")
                    .hasAnyRole(Role.OFFICE_ADMIN.name(), Role.FRONT_OFFICE.name())
                    // moderation of saran/kritik, the follow-up plan and own questions: the office
                    // admin's
                    .requestMatchers(
                        "/admin/survei/saran",
                        "/admin/survei/saran/**",
                        "/admin/survei/tindak-lanjut",
                        "/admin/survei/tindak-lanjut/**",
                        "/admin/survei/pertanyaan",
                        "/admin/survei/pertanyaan/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/survei", "/admin/survei/**")
                    .hasAnyRole(Role.OFFICE_ADMIN.name(), Role.SIGNER.name())
                    // the counter queue: set-up the office admin's, calling the front office's
                    .requestMatchers("/admin/antrean/pengaturan", "/admin/antrean/pengaturan/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/antrean", "/admin/antrean/**")
                    .hasAnyRole(Role.OFFICE_ADMIN.name(), Role.FRONT_OFFICE.name())
                    .requestMatchers("/admin/loket", "/admin/loket/**")
                    .hasAnyRole(
                        Role.OFFICE_ADMIN.name(),
                        Role.FRONT_OFFICE.name(),
                        Role.VILLAGE_OPERATOR.name())
                    // casework: assigning is the office admin's, deciding also the verifier's
                    .requestMatchers(HttpMethod.POST, "/admin/permohonan/*/tugaskan")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    // approving: also the second checker of a service with a second check (which
                    // role, and only for such an application, Casework#approve checks)
                    .requestMatchers(HttpMethod.POST, "/admin/permohonan/*/setujui")
                    .hasAnyRole(Role.VERIFIER.name(), Role.OFFICE_ADMIN.name(), Role.SIGNER.name())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/admin/permohonan/*/periksa",
                        "/admin/permohonan/*/kelengkapan",
                        "/admin/permohonan/*/tolak",
                        "/admin/permohonan/*/ambil",
                        "/admin/permohonan/*/persyaratan/*")
                    .hasAnyRole(Role.VERIFIER.name(), Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/permohonan", "/admin/permohonan/**")
                    .hasAnyRole(
                        Role.VERIFIER.name(),
                        Role.OFFICE_ADMIN.name(),
                        Role.SIGNER.name(),
                        Role.FRONT_OFFICE.name(),
                        Role.VILLAGE_OPERATOR.name())
                    // letters: templates, numbering and signer positions are the office admin's;
                    // the signing queue and keys the signer's; delegation the Camat's (checked in
                    // the service) or the office admin's; revocation the office admin's
                    .requestMatchers(
                        "/admin/surat/templat/**",
                        "/admin/surat/penomoran/**",
                        "/admin/surat/penandatangan/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/surat/tanda-tangan/**", "/admin/surat/kunci/**")
                    .hasRole(Role.SIGNER.name())
                    .requestMatchers("/admin/surat/delegasi/**")
                    .hasAnyRole(Role.SIGNER.name(), Role.OFFICE_ADMIN.name())
                    .requestMatchers(HttpMethod.POST, "/admin/surat/terbit/*/cabut")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/surat/terbit/**")
                    .hasAnyRole(
                        Role.OFFICE_ADMIN.name(),
                        Role.FRONT_OFFICE.name(),
                        Role.VERIFIER.name(),
                        Role.SIGNER.name())
                    // complaints: categories and standard texts are the office admin's; the
                    // worklist and case pages the office's staff (deciding checked per action)
                    .requestMatchers("/admin/pengaduan/kategori", "/admin/pengaduan/kategori/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/pengaduan", "/admin/pengaduan/**")
                    .hasAnyRole(
                        Role.VERIFIER.name(),
                        Role.OFFICE_ADMIN.name(),
                        Role.SIGNER.name(),
                        Role.FRONT_OFFICE.name(),
                        Role.VILLAGE_OPERATOR.name())
                    // e-KTP cards: recorded and handed over at the front desk, moved on by
                    // whoever follows them up with Dukcapil
                    .requestMatchers("/admin/janji/jenis", "/admin/janji/jenis/**")
                    .hasRole(Role.OFFICE_ADMIN.name())
                    .requestMatchers("/admin/janji", "/admin/janji/**")
                    .hasAnyRole(
                        Role.OFFICE_ADMIN.name(), Role.FRONT_OFFICE.name(), Role.VERIFIER.name())
                    .requestMatchers("/admin/ktp-el", "/admin/ktp-el/**")
                    .hasAnyRole(
                        Role.OFFICE_ADMIN.name(), Role.FRONT_OFFICE.name(), Role.VERIFIER.name())
                    .requestMatchers(
                        "/admin/**", "/akun/**", "/masuk/kode/**", "/masuk/dua-langkah/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/api/**")
                    .permitAll()
                    // answered with Allow (it was a redirect to the staff sign-in page)
                    .requestMatchers(HttpMethod.OPTIONS, "/api/**")
                    .permitAll()
                    .requestMatchers(PUBLIC_API_POSTS)
                    .permitAll()
                    .requestMatchers("/api/**")
                    .denyAll()
                    .anyRequest()
                    .permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(PUBLIC_API_POSTS))
        // the refusal kept for the error page: a form from a page whose session has ended (idle,
        // signed out, or ended by an administrator's change of the account) carries a token no
        // session knows, and the page says so instead of "your account may not open this page"
        .exceptionHandling(
            errors ->
                errors.accessDeniedHandler(
                    (request, response, denied) -> {
                      request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                      response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }))
        // after the password, an account that needs a second factor opens only its pages
        .addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class)
        .formLogin(
            form ->
                form.loginPage("/masuk")
                    .loginProcessingUrl("/masuk")
                    .defaultSuccessUrl("/admin", true)
                    // the same answers for a known and an unknown user name: wrong, or wait
                    .failureHandler(
                        (request, response, exception) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (exception instanceof SignInThrottledException throttled
                                        ? "/masuk?tunggu=" + throttled.seconds()
                                        : "/masuk?gagal")))
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/keluar").logoutSuccessUrl("/?keluar").permitAll())
        .sessionManagement(session -> session.sessionFixation(fix -> fix.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(
                        ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * Passwords hashed with BCrypt at {@code layanan.accounts.password-strength} rounds (a power of
   * two: Spring Security's default 10, about 70 ms of a core per hash and per sign-in), stored as
   * {@code {bcrypt}...} as before. A hash keeps the cost it was made with, so a changed setting
   * applies to passwords set afterwards and every stored password still signs in. The tests set 4
   * (application-test.yml): their thousands of sign-ins were a quarter of the test JVM's processor
   * time; a node below 10 says so in its log at every start.
   */
  @Bean
  PasswordEncoder passwordEncoder(
      @Value("${layanan.accounts.password-strength:" + DEFAULT_PASSWORD_STRENGTH + "}")
          int strength) {
    if (strength < 4 || strength > 31) {
      throw new IllegalStateException(
          "layanan.accounts.password-strength must be between 4 and 31 (BCrypt's rounds), not "
              + strength);
    }
    if (strength < DEFAULT_PASSWORD_STRENGTH) {
      log.warn(
          "Passwords are hashed with {} BCrypt rounds, fewer than the default {}: for tests only",
          strength,
          DEFAULT_PASSWORD_STRENGTH);
    }
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
  }

  /** The password check, behind the sign-in limits per address and per user name and address. */
  @Bean
  AuthenticationProvider staffSignIn(
      UserDetailsService staffUsers,
      PasswordEncoder passwordEncoder,
      SignInLimits limits,
      SecondFactors secondFactors) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staffUsers);
    passwords.setPasswordEncoder(passwordEncoder);
    return new ThrottledSignIn(passwords, limits, secondFactors);
  }

  @Bean
  UserDetailsService staffUsers(StaffAccounts accounts) {
    return username -> {
      Staff staff =
          accounts.byUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
      String hash = accounts.passwordHashOf(staff.id());
      Officer officer =
          new Officer(
              staff.id(),
              staff.username(),
              staff.fullName(),
              staff.regencyId(),
              staff.officeId(),
              staff.villageId(),
              staff.roles());
      return new StaffUser(officer, hash, staff.active());
    };
  }

  @Bean
  SignInListener signInListener(StaffAccounts accounts) {
    return new SignInListener(accounts);
  }

  /**
   * Counts an account's failed sign-ins in a row (audited every {@value
   * StaffAccounts#FAILURES_AUDITED}) and clears the count after a success; the slowing down is
   * {@link SignInLimits}'.
   */
  static class SignInListener {
    private final StaffAccounts accounts;

    SignInListener(StaffAccounts accounts) {
      this.accounts = accounts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
      accounts.recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
      if (event.getAuthentication().getPrincipal() instanceof OfficerPrincipal principal) {
        accounts.recordSuccess(principal.officer().staffId());
      }
    }
  }
}
