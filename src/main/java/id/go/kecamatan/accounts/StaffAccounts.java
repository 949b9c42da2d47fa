package id.go.kecamatan.accounts;

import id.go.kecamatan.accounts.internal.StaffSessions;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts of offices and regencies. Office-level methods filter by the office id. */
@Service
public class StaffAccounts {

  /**
   * Every this many failed sign-ins of an account in a row are recorded in the audit trail, so the
   * office sees someone guessing an officer's password. Nothing is locked: the sign-in limits per
   * address and per user name and address slow the guessing down instead.
   */
  public static final int FAILURES_AUDITED = 5;

  private static final String COLUMNS =
      "id, regency_id, office_id, village_id, username, full_name, nip, email, roles, active, failed_attempts, locked_until, version";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Offices offices;
  private final IdentityNumbers identityNumbers;
  private final AuditTrail audit;
  private final Clock clock;
  private final StaffSessions sessions;

  StaffAccounts(
      JdbcClient jdbc,
      PasswordEncoder encoder,
      Offices offices,
      IdentityNumbers identityNumbers,
      AuditTrail audit,
      Clock clock,
      StaffSessions sessions) {
    this.sessions = sessions;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.offices = offices;
    this.identityNumbers = identityNumbers;
    this.audit = audit;
    this.clock = clock;
  }

  public Optional<Staff> byUsername(String username) {
    if (username != null && username.chars().anyMatch(Character::isISOControl)) {
      // no user name has one, and PostgreSQL refuses a NUL in text
      return Optional.empty();
    }
    return jdbc.sql("select " + COLUMNS + " from staff where lower(username) = lower(?)")
        .param(username == null ? "" : username.strip())
        .query(StaffAccounts::staff)
        .optional();
  }

  /** The password hash, for the sign-in only. */
  public String passwordHashOf(UUID staffId) {
    return passwordHash(staffId).orElseThrow(NotFoundException::new);
  }

  private Optional<String> passwordHash(UUID staffId) {
    return jdbc.sql("select password_hash from staff where id = ?")
        .param(staffId)
        .query(String.class)
        .optional();
  }

  public List<Staff> staffOf(UUID officeId) {
    return jdbc.sql(
            "select " + COLUMNS + " from staff where office_id = ? order by active desc, full_name")
        .param(officeId)
        .query(StaffAccounts::staff)
        .list();
  }

  /** Every account of the regency: its offices' staff and its administrators. */
  public List<Staff> staffOfRegency(UUID regencyId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from staff where regency_id = ? order by office_id nulls first, active desc,"
                + " full_name")
        .param(regencyId)
        .query(StaffAccounts::staff)
        .list();
  }

  /** An account of this regency; {@link NotFoundException} for anyone else. */
  public Staff ofRegency(UUID regencyId, UUID staffId) {
    return jdbc.sql("select " + COLUMNS + " from staff where regency_id = ? and id = ?")
        .params(regencyId, staffId)
        .query(StaffAccounts::staff)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  /** A staff member of this office; {@link NotFoundException} for anyone else. */
  public Staff get(UUID officeId, UUID staffId) {
    return jdbc.sql("select " + COLUMNS + " from staff where office_id = ? and id = ?")
        .params(officeId, staffId)
        .query(StaffAccounts::staff)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  // ---- sign-in bookkeeping --------------------------------------------------------------------

  /**
   * Counts a failed sign-in of the account; every {@value #FAILURES_AUDITED}th in a row is audited.
   */
  @Transactional
  public void recordFailure(String username) {
    byUsername(username)
        .ifPresent(
            staff -> {
              int attempts =
                  jdbc.sql(
                          """
                          update staff set failed_attempts = failed_attempts + 1 where id = ?
                          returning failed_attempts
                          """)
                      .param(staff.id())
                      .query(Integer.class)
                      .single();
              if (attempts % FAILURES_AUDITED == 0) {
                audit.record(
                    staff.officeId(),
                    "staff.signInFailures",
                    "staff",
                    staff.id(),
                    Map.of("username", staff.username(), "failures", attempts));
              }
            });
  }

  @Transactional
  public void recordSuccess(UUID staffId) {
    jdbc.sql(
            "update staff set failed_attempts = 0, locked_until = null where id = ? and (failed_attempts > 0 or locked_until is not null)")
        .param(staffId)
        .update();
  }

  // ---- administration -------------------------------------------------------------------------

  /** Creates a staff account of an office (never a regency administrator). */
  @Transactional
  public Outcome<Staff> create(UUID officeId, StaffForm form) {
    FieldErrors errors = check(officeId, form);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID regencyId = offices.get(officeId).regencyId();
    UUID id = insert(regencyId, officeId, form);
    audit.record(officeId, "staff.created", "staff", id, values(form));
    return Outcome.done(get(officeId, id));
  }

  /** Checks a new account's fields and password without saving anything. */
  public FieldErrors check(UUID officeId, StaffForm form) {
    FieldErrors errors = validate(officeId, form, null);
    PasswordPolicy.check(errors, "password", form.password(), form.username());
    return errors;
  }

  /** Creates a regency administrator (used when a deployment is set up). */
  @Transactional
  public UUID createRegencyAdmin(
      UUID regencyId, String username, String fullName, String password) {
    UUID id =
        insert(
            regencyId,
            null,
            new StaffForm(
                username, fullName, null, null, Set.of(Role.REGENCY_ADMIN), null, password));
    audit.record(
        null, "staff.created", "staff", id, Map.of("username", username, "roles", "REGENCY_ADMIN"));
    return id;
  }

  private UUID insert(UUID regencyId, UUID officeId, StaffForm form) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into staff (id, regency_id, office_id, village_id, username, full_name, nip, email, password_hash, roles)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            regencyId,
            officeId,
            village(form),
            form.username().strip(),
            form.fullName().strip(),
            FieldErrors.clean(IdentityNumbers.normalise(form.nip())),
            FieldErrors.clean(form.email()),
            encoder.encode(form.password()),
            roleText(form.roles()))
        .update();
    return id;
  }

  /**
   * Changes name, NIP, e-mail address, roles and village; a new password is set only when one is
   * typed.
   */
  @Transactional
  public Outcome<Staff> update(UUID officeId, UUID staffId, StaffForm form, UUID actingStaffId) {
    return update(officeId, staffId, form, actingStaffId, null);
  }

  /**
   * {@link #update(UUID, UUID, StaffForm, UUID)} from a form drawn from the account at {@code
   * version} ({@link Staff#version()}): when the account changed since (another administrator's
   * edit, the member's own e-mail address, a deactivation), nothing is saved and the error is
   * {@code error.conflict} on {@code version}, so a form opened before the change does not put back
   * what it showed.
   *
   * @param version the version the form was drawn from, or null not to compare
   */
  @Transactional
  public Outcome<Staff> update(
      UUID officeId, UUID staffId, StaffForm form, UUID actingStaffId, Integer version) {
    Staff before = get(officeId, staffId);
    FieldErrors errors = validate(officeId, form, staffId);
    if (form.password() != null && !form.password().isEmpty()) {
      PasswordPolicy.check(errors, "password", form.password(), form.username());
    }
    if (staffId.equals(actingStaffId) && !form.roles().contains(Role.OFFICE_ADMIN)) {
      errors.reject("roles", "account.error.ownAdminRole");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    int updated =
        jdbc.sql(
                "update staff set username = ?, full_name = ?, nip = ?, email = ?, roles = ?, village_id = ?, version = version + 1 where id = ? and office_id = ? and version = ?")
            .params(
                form.username().strip(),
                form.fullName().strip(),
                FieldErrors.clean(IdentityNumbers.normalise(form.nip())),
                FieldErrors.clean(form.email()),
                roleText(form.roles()),
                village(form),
                staffId,
                officeId,
                version == null ? before.version() : version)
            .update();
    if (updated == 0) {
      return Outcome.failed(new FieldErrors().reject("version", "error.conflict"));
    }
    Map<String, Object> changes = AuditTrail.changes(values(before), values(form));
    if (form.password() != null && !form.password().isEmpty()) {
      jdbc.sql(
              "update staff set password_hash = ?, password_changed_at = now(), failed_attempts = 0, locked_until = null where id = ?")
          .params(encoder.encode(form.password()), staffId)
          .update();
      changes.put("password", "reset");
    }
    audit.record(officeId, "staff.updated", "staff", staffId, changes);
    if (!staffId.equals(actingStaffId)
        && changes.keySet().stream().anyMatch(field -> !field.equals("email"))) {
      // roles, name or password changed: the member signs in again and gets them (the e-mail
      // address is not part of a session)
      sessions.endAll(before.username(), null);
    }
    return Outcome.done(get(officeId, staffId));
  }

  /** Deactivates or reactivates an account; an administrator cannot deactivate themself. */
  @Transactional
  public boolean setActive(UUID officeId, UUID staffId, boolean active, UUID actingStaffId) {
    Staff staff = get(officeId, staffId);
    if (!active && staffId.equals(actingStaffId)) {
      return false;
    }
    jdbc.sql("update staff set active = ?, version = version + 1 where id = ? and office_id = ?")
        .params(active, staffId, officeId)
        .update();
    audit.record(
        officeId,
        active ? "staff.activated" : "staff.deactivated",
        "staff",
        staffId,
        Map.of("username", staff.username()));
    if (!active) {
      sessions.endAll(staff.username(), null);
    }
    return true;
  }

  /**
   * The regency administrator sets a new password for an office administrator or another regency
   * administrator of the regency who cannot sign in (forgotten, or locked after failures): an
   * office's other staff are reset by their office administrator, one's own is changed on "Akun
   * saya". Audited; the account's sessions end, its failures and lock are cleared.
   *
   * @throws NotFoundException for an account of another regency
   */
  @Transactional
  public FieldErrors resetByRegency(
      UUID regencyId, UUID staffId, String fresh, String confirmation, UUID actingStaffId) {
    Staff staff = ofRegency(regencyId, staffId);
    FieldErrors errors = new FieldErrors();
    if (staffId.equals(actingStaffId)) {
      return errors.reject("password", "account.error.resetOwn");
    }
    if (!staff.roles().contains(Role.OFFICE_ADMIN) && !staff.roles().contains(Role.REGENCY_ADMIN)) {
      return errors.reject("password", "account.error.resetByOffice");
    }
    PasswordPolicy.check(errors, "password", fresh, staff.username());
    if (!errors.has("password") && !fresh.equals(confirmation)) {
      errors.reject("confirmation", "account.error.confirmation");
    }
    if (errors.any()) {
      return errors;
    }
    jdbc.sql(
            "update staff set password_hash = ?, password_changed_at = now(), failed_attempts = 0,"
                + " locked_until = null, version = version + 1 where id = ? and regency_id = ?")
        .params(encoder.encode(fresh), staffId, regencyId)
        .update();
    audit.record(
        staff.officeId(),
        "staff.password.reset",
        "staff",
        staffId,
        Map.of("username", staff.username()));
    sessions.endAll(staff.username(), null);
    return errors;
  }

  /**
   * Changes one's own password after checking the current one; other open sessions of the account
   * end, the one with {@code currentSessionId} stays.
   */
  @Transactional
  public FieldErrors changePassword(
      UUID staffId, String current, String fresh, String confirmation, String currentSessionId) {
    FieldErrors errors = new FieldErrors();
    String hash = passwordHash(staffId).orElseThrow(NotFoundException::new);
    Staff staff =
        jdbc.sql("select " + COLUMNS + " from staff where id = ?")
            .param(staffId)
            .query(StaffAccounts::staff)
            .single();
    if (current == null || current.isEmpty()) {
      errors.reject("current", "error.required");
    } else if (!encoder.matches(current, hash)) {
      errors.reject("current", "account.error.currentWrong");
    }
    PasswordPolicy.check(errors, "password", fresh, staff.username());
    if (!errors.has("password") && !fresh.equals(confirmation)) {
      errors.reject("confirmation", "account.error.confirmation");
    }
    if (!errors.has("password") && !errors.has("current") && encoder.matches(fresh, hash)) {
      errors.reject("password", "account.error.samePassword");
    }
    if (errors.any()) {
      return errors;
    }
    jdbc.sql("update staff set password_hash = ?, password_changed_at = now() where id = ?")
        .params(encoder.encode(fresh), staffId)
        .update();
    audit.record(
        staff.officeId(),
        "staff.password.changed",
        "staff",
        staffId,
        Map.of("username", staff.username()));
    sessions.endAll(staff.username(), currentSessionId);
    return errors;
  }

  /**
   * Sets one's own e-mail address (empty: none), checked as on the staff form; audited as a staff
   * change. Sessions stay open: the address is not part of one.
   */
  @Transactional
  public FieldErrors changeOwnEmail(UUID staffId, String email) {
    FieldErrors errors = new FieldErrors().email("email", email);
    if (errors.any()) {
      return errors;
    }
    Staff staff =
        jdbc.sql("select " + COLUMNS + " from staff where id = ?")
            .param(staffId)
            .query(StaffAccounts::staff)
            .optional()
            .orElseThrow(NotFoundException::new);
    String clean = FieldErrors.clean(email);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("email", staff.email());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("email", clean);
    Map<String, Object> changes = AuditTrail.changes(before, after);
    if (changes.isEmpty()) {
      return errors;
    }
    jdbc.sql("update staff set email = ?, version = version + 1 where id = ?")
        .params(clean, staffId)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("username", staff.username());
    details.putAll(changes);
    audit.record(staff.officeId(), "staff.email.changed", "staff", staffId, details);
    return errors;
  }

  private FieldErrors validate(UUID officeId, StaffForm form, UUID existing) {
    FieldErrors errors = new FieldErrors();
    errors.text("username", form.username(), 60);
    if (!errors.has("username") && !form.username().strip().matches("[A-Za-z0-9._-]{3,60}")) {
      errors.reject("username", "account.error.username");
    }
    if (!errors.has("username")) {
      Optional<Staff> same = byUsername(form.username());
      if (same.isPresent() && !same.get().id().equals(existing)) {
        errors.reject("username", "account.error.usernameTaken");
      }
    }
    errors.text("fullName", form.fullName(), 120);
    if (form.nip() != null && !form.nip().isBlank()) {
      identityNumbers.checkNip(form.nip()).stream()
          .findFirst()
          .ifPresent(problem -> errors.reject("nip", "office.error.nip", problem));
    }
    errors.email("email", form.email());
    Set<Role> roles = form.roles() == null ? Set.of() : form.roles();
    if (roles.isEmpty()) {
      errors.reject("roles", "account.error.roles");
    } else if (roles.contains(Role.REGENCY_ADMIN)) {
      errors.reject("roles", "account.error.regencyRole");
    }
    String villageId = FieldErrors.clean(form.villageId());
    if (roles.contains(Role.VILLAGE_OPERATOR)) {
      if (villageId == null) {
        errors.reject("villageId", "account.error.villageRequired");
      } else if (parse(villageId).flatMap(id -> offices.village(officeId, id)).isEmpty()) {
        errors.reject("villageId", "account.error.villageUnknown");
      }
    } else if (villageId != null) {
      errors.reject("villageId", "account.error.villageOnlyOperator");
    }
    return errors;
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static UUID village(StaffForm form) {
    return form.roles() != null && form.roles().contains(Role.VILLAGE_OPERATOR)
        ? parse(FieldErrors.clean(form.villageId())).orElse(null)
        : null;
  }

  private static String roleText(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  private static Map<String, Object> values(StaffForm form) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("username", form.username().strip());
    v.put("fullName", form.fullName().strip());
    v.put("nip", FieldErrors.clean(IdentityNumbers.normalise(form.nip())));
    v.put("email", FieldErrors.clean(form.email()));
    v.put("roles", roleText(form.roles()));
    v.put("villageId", String.valueOf(village(form)));
    return v;
  }

  private static Map<String, Object> values(Staff staff) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("username", staff.username());
    v.put("fullName", staff.fullName());
    v.put("nip", staff.nip());
    v.put("email", staff.email());
    v.put("roles", roleText(staff.roles()));
    v.put("villageId", String.valueOf(staff.villageId()));
    return v;
  }

  private static Staff staff(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(rs.getString("roles").split(","))
        .filter(s -> !s.isBlank())
        .map(Role::valueOf)
        .forEach(roles::add);
    Timestamp locked = rs.getTimestamp("locked_until");
    return new Staff(
        rs.getObject("id", UUID.class),
        rs.getObject("regency_id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getObject("village_id", UUID.class),
        rs.getString("username"),
        rs.getString("full_name"),
        rs.getString("nip"),
        rs.getString("email"),
        roles,
        rs.getBoolean("active"),
        rs.getInt("failed_attempts"),
        locked == null ? null : locked.toInstant(),
        rs.getInt("version"));
  }
}
