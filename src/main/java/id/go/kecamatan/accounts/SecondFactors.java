package id.go.kecamatan.accounts;

import id.go.kecamatan.accounts.internal.SecretSealing;
import id.go.kecamatan.accounts.internal.StaffSessions;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff sign-in (ASVS L2): a code from an authenticator app (TOTP, RFC 6238)
 * after the password, for every account with a role in {@code layanan.accounts.second-factor.roles}
 * (signers and administrators) and for anyone who turned it on. An account that needs one and has
 * none sets it up at its next sign-in; ten one-time recovery codes stand in for a lost phone; the
 * regency administrator can reset it (audited), after which the officer sets it up again. Wrong
 * codes are limited per account ({@value #ATTEMPTS} in {@link #ATTEMPT_PERIOD}, counted for all
 * nodes), and no code signs in twice.
 */
@Service
public class SecondFactors {

  /** What an officer must still do after the password. */
  public enum Need {
    /** Nothing: the account has no second factor and needs none. */
    NONE,
    /** Type a code from the authenticator app (or a recovery code). */
    CODE,
    /** Set up an authenticator app first. */
    ENROL
  }

  /** The outcome of a typed code: right, wrong, or too many wrong ones (seconds to wait). */
  public record Check(boolean ok, long waitSeconds) {
    static final Check OK = new Check(true, 0);
    static final Check WRONG = new Check(false, 0);
  }

  /** A set-up in progress: the secret as the app takes it, typed or scanned. */
  public record Enrolment(String key, String uri) {}

  /** An account's second factor as the regency administrator sees it. */
  public record Status(
      Staff staff, boolean required, Instant confirmedAt, Instant lastUsedAt, int recoveryLeft) {}

  static final int ATTEMPTS = 5;
  static final Duration ATTEMPT_PERIOD = Duration.ofMinutes(15);

  /** Recovery codes per set. */
  public static final int RECOVERY_CODES = 10;

  static final String ISSUER = "Layanan Kecamatan";
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretSealing sealing;
  private final Clock clock;
  private final AuditTrail audit;
  private final StaffSessions sessions;
  private final Set<Role> requiredRoles;
  private final RateLimit attempts;

  SecondFactors(
      JdbcClient jdbc,
      SecretSealing sealing,
      Clock clock,
      AuditTrail audit,
      StaffSessions sessions,
      RateLimits limits,
      @Value("${layanan.accounts.second-factor.roles:SIGNER,OFFICE_ADMIN,REGENCY_ADMIN}")
          Set<Role> requiredRoles) {
    this.jdbc = jdbc;
    this.sealing = sealing;
    this.clock = clock;
    this.audit = audit;
    this.sessions = sessions;
    this.requiredRoles =
        requiredRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requiredRoles);
    this.attempts = limits.limit("second-factor-per-account", ATTEMPTS, ATTEMPT_PERIOD);
  }

  /** Whether an account with these roles must use a second factor. */
  public boolean required(Set<Role> roles) {
    return roles.stream().anyMatch(requiredRoles::contains);
  }

  /** What this officer must do after a right password. */
  public Need need(UUID staffId, Set<Role> roles) {
    if (confirmedAt(staffId).isPresent()) {
      return Need.CODE;
    }
    return required(roles) ? Need.ENROL : Need.NONE;
  }

  /** When the account's authenticator was set up, if it was. */
  public Optional<Instant> confirmedAt(UUID staffId) {
    return jdbc.sql(
            "select confirmed_at from staff_second_factor where staff_id = ? and confirmed_at is not null")
        .param(staffId)
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** Recovery codes not used yet. */
  public int recoveryCodesLeft(UUID staffId) {
    return jdbc.sql(
            "select count(*) from staff_recovery_code where staff_id = ? and used_at is null")
        .param(staffId)
        .query(Integer.class)
        .single();
  }

  // ---- set-up ----------------------------------------------------------------------------------

  /**
   * The set-up of an account without a confirmed authenticator: the same secret until it is
   * confirmed (a reload shows the same QR code), a new one after a reset.
   */
  @Transactional
  public Enrolment enrolment(UUID staffId, String username) {
    if (confirmedAt(staffId).isPresent()) {
      throw new IllegalStateException("The authenticator is already set up");
    }
    byte[] secret =
        jdbc.sql("select secret from staff_second_factor where staff_id = ?")
            .param(staffId)
            .query((rs, i) -> sealing.open(rs.getBytes(1), staffId.toString()))
            .optional()
            .orElseGet(
                () -> {
                  byte[] created = Totp.newSecret();
                  jdbc.sql(
                          """
                          insert into staff_second_factor (staff_id, secret, created_at)
                          values (?, ?, ?)
                          """)
                      .params(
                          staffId,
                          sealing.seal(created, staffId.toString()),
                          Timestamp.from(clock.instant()))
                      .update();
                  return created;
                });
    return new Enrolment(Totp.base32(secret), Totp.uri(ISSUER, username, secret));
  }

  /**
   * Confirms the set-up with a first code from the app: the recovery codes (shown once), or empty
   * when the code is wrong (or over the limit: {@code waitSeconds}).
   */
  @Transactional
  public Confirmation confirm(UUID staffId, UUID officeId, String typed) {
    long wait = attempts.take(staffId.toString());
    if (wait > 0) {
      return new Confirmation(new Check(false, wait), List.of());
    }
    Optional<Pending> pending =
        jdbc.sql(
                "select secret, last_step from staff_second_factor where staff_id = ? and confirmed_at is null for update")
            .param(staffId)
            .query(
                (rs, i) ->
                    new Pending(
                        sealing.open(rs.getBytes(1), staffId.toString()), rs.getLong("last_step")))
            .optional();
    String code = digits(typed);
    long step =
        pending.isEmpty() || code == null
            ? -1
            : Totp.matchingStep(pending.get().secret(), code, clock.instant());
    if (step < 0) {
      return new Confirmation(Check.WRONG, List.of());
    }
    attempts.giveBack(staffId.toString());
    Instant now = clock.instant();
    jdbc.sql(
            "update staff_second_factor set confirmed_at = ?, last_step = ?, last_used_at = ? where staff_id = ?")
        .params(Timestamp.from(now), step, Timestamp.from(now), staffId)
        .update();
    List<String> codes = replaceRecoveryCodes(staffId);
    audit.record(officeId, "staff.secondFactorEnrolled", "staff", staffId, Map.of());
    return new Confirmation(Check.OK, codes);
  }

  /** The outcome of a set-up, with the new recovery codes when it succeeded. */
  public record Confirmation(Check check, List<String> recoveryCodes) {}

  private record Pending(byte[] secret, long lastStep) {}

  // ---- sign-in ---------------------------------------------------------------------------------

  /** Checks a code from the app at sign-in; a code already used (or older) is wrong. */
  @Transactional
  public Check verify(UUID staffId, String typed) {
    long wait = attempts.take(staffId.toString());
    if (wait > 0) {
      return new Check(false, wait);
    }
    Optional<Pending> factor =
        jdbc.sql(
                "select secret, last_step from staff_second_factor where staff_id = ? and confirmed_at is not null for update")
            .param(staffId)
            .query(
                (rs, i) ->
                    new Pending(
                        sealing.open(rs.getBytes(1), staffId.toString()), rs.getLong("last_step")))
            .optional();
    String code = digits(typed);
    if (factor.isEmpty() || code == null) {
      return Check.WRONG;
    }
    long step = Totp.matchingStep(factor.get().secret(), code, clock.instant());
    if (step < 0 || step <= factor.get().lastStep()) {
      return Check.WRONG;
    }
    jdbc.sql("update staff_second_factor set last_step = ?, last_used_at = ? where staff_id = ?")
        .params(step, Timestamp.from(clock.instant()), staffId)
        .update();
    attempts.giveBack(staffId.toString());
    return Check.OK;
  }

  /** Signs in with a recovery code instead of the app; each code works once (audited). */
  @Transactional
  public Check useRecoveryCode(UUID staffId, UUID officeId, String typed) {
    long wait = attempts.take(staffId.toString());
    if (wait > 0) {
      return new Check(false, wait);
    }
    String code = recoveryCode(typed);
    if (code == null || confirmedAt(staffId).isEmpty()) {
      return Check.WRONG;
    }
    int used =
        jdbc.sql(
                """
                update staff_recovery_code set used_at = ?
                where staff_id = ? and code_hash = ? and used_at is null
                """)
            .params(Timestamp.from(clock.instant()), staffId, hash(code))
            .update();
    if (used == 0) {
      return Check.WRONG;
    }
    attempts.giveBack(staffId.toString());
    audit.record(
        officeId,
        "staff.recoveryCodeUsed",
        "staff",
        staffId,
        Map.of("left", recoveryCodesLeft(staffId)));
    return Check.OK;
  }

  // ---- the signed-in officer -------------------------------------------------------------------

  /**
   * New recovery codes for a signed-in officer, who proves they still have the app with a current
   * code; the old codes stop working.
   */
  @Transactional
  public Confirmation newRecoveryCodes(UUID staffId, UUID officeId, String typed) {
    Check check = verify(staffId, typed);
    if (!check.ok()) {
      return new Confirmation(check, List.of());
    }
    List<String> codes = replaceRecoveryCodes(staffId);
    audit.record(officeId, "staff.recoveryCodesReplaced", "staff", staffId, Map.of());
    return new Confirmation(Check.OK, codes);
  }

  // ---- the regency administrator ----------------------------------------------------------------

  /** The second factor of these accounts, all of one regency. */
  public List<Status> ofRegency(List<Staff> staff) {
    if (staff.isEmpty()) {
      return List.of();
    }
    // one query for all the accounts of the regency, not one per account
    record Row(Instant confirmedAt, Instant lastUsedAt, int left) {}
    Map<UUID, Row> rows = new java.util.HashMap<>();
    jdbc.sql(
            """
            select f.staff_id, f.confirmed_at, f.last_used_at,
              (select count(*) from staff_recovery_code r
               where r.staff_id = f.staff_id and r.used_at is null) as left_codes
            from staff_second_factor f join staff s on s.id = f.staff_id
            where s.regency_id = ? and f.confirmed_at is not null
            """)
        .param(staff.get(0).regencyId())
        .query(
            rs -> {
              Timestamp used = rs.getTimestamp("last_used_at");
              rows.put(
                  rs.getObject("staff_id", UUID.class),
                  new Row(
                      rs.getTimestamp("confirmed_at").toInstant(),
                      used == null ? null : used.toInstant(),
                      rs.getInt("left_codes")));
            });
    List<Status> list = new ArrayList<>();
    for (Staff s : staff) {
      Row row = rows.get(s.id());
      list.add(
          row == null
              ? new Status(s, required(s.roles()), null, null, 0)
              : new Status(
                  s, required(s.roles()), row.confirmedAt(), row.lastUsedAt(), row.left()));
    }
    return list;
  }

  /**
   * Removes an account's authenticator and recovery codes (the officer lost the phone and the
   * codes) and ends its sessions: the officer sets up a new one at the next sign-in. Audited.
   */
  @Transactional
  public boolean reset(Staff staff) {
    int removed =
        jdbc.sql("delete from staff_second_factor where staff_id = ?").param(staff.id()).update();
    jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staff.id()).update();
    if (removed == 0) {
      return false;
    }
    audit.record(
        staff.officeId(),
        "staff.secondFactorReset",
        "staff",
        staff.id(),
        Map.of("username", staff.username()));
    sessions.endAll(staff.username(), null);
    return true;
  }

  // ---- the demo --------------------------------------------------------------------------------

  /** Sets up an authenticator with a known secret (the demo's accounts), already confirmed. */
  @Transactional
  public void enrolWithSecret(UUID staffId, byte[] secret) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into staff_second_factor (staff_id, secret, created_at, confirmed_at)
            values (?, ?, ?, ?) on conflict (staff_id) do nothing
            """)
        .params(
            staffId,
            sealing.seal(secret, staffId.toString()),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /** Whether the account's confirmed authenticator has this secret (the demo's codes page). */
  public boolean hasSecret(UUID staffId, byte[] secret) {
    return jdbc.sql(
            "select secret from staff_second_factor where staff_id = ? and confirmed_at is not null")
        .param(staffId)
        .query((rs, i) -> sealing.open(rs.getBytes(1), staffId.toString()))
        .optional()
        .map(stored -> MessageDigest.isEqual(stored, secret))
        .orElse(false);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private List<String> replaceRecoveryCodes(UUID staffId) {
    jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staffId).update();
    List<String> codes = new ArrayList<>();
    while (codes.size() < RECOVERY_CODES) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        if (i == 5) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      String text = code.toString();
      if (!codes.contains(text)) {
        codes.add(text);
        jdbc.sql("insert into staff_recovery_code (staff_id, code_hash) values (?, ?)")
            .params(staffId, hash(recoveryCode(text)))
            .update();
      }
    }
    return codes;
  }

  /** Six digits as typed (spaces allowed, as apps show "123 456"), or null. */
  static String digits(String typed) {
    if (typed == null || typed.length() > 20) {
      return null;
    }
    String digits = typed.replaceAll("[\\s\\u00a0-]", "");
    return digits.matches("[0-9]{" + Totp.DIGITS + "}") ? digits : null;
  }

  /** A recovery code as typed, in its stored form (lower case, no spaces or dash), or null. */
  static String recoveryCode(String typed) {
    if (typed == null || typed.length() > 40) {
      return null;
    }
    String code = typed.replaceAll("[\\s\\u00a0-]", "").toLowerCase(Locale.ROOT);
    return code.matches("[a-z0-9]{10}") ? code : null;
  }

  private static byte[] hash(String code) {
    return Sha256.of(code);
  }
}
