package id.go.kecamatan.letters;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which position each signer of an office signs in, set by the office admin: one Camat, and the
 * Sekcam or other officials who sign only while a delegation runs. The name and NIP printed on a
 * letter are those of the staff account.
 */
@Service
public class SignerProfiles {

  /** The longest title or rank. */
  public static final int MAX_TITLE = 120;

  private final JdbcClient jdbc;
  private final StaffAccounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  SignerProfiles(JdbcClient jdbc, StaffAccounts accounts, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The office's active staff with the SIGNER role, with their profile where set. */
  public List<Signer> signers(UUID officeId) {
    Map<UUID, SignerProfile> profiles = new LinkedHashMap<>();
    profiles(officeId).forEach(p -> profiles.put(p.staffId(), p));
    return accounts.staffOf(officeId).stream()
        .filter(s -> s.active() && s.roles().contains(Role.SIGNER))
        .map(s -> new Signer(s, profiles.get(s.id())))
        .toList();
  }

  /** A signer account and its profile ({@code null} until the office admin sets it). */
  public record Signer(Staff staff, SignerProfile profile) {}

  /** The profile of an active signer of this office. */
  public Optional<SignerProfile> profile(UUID officeId, UUID staffId) {
    return profiles(officeId).stream().filter(p -> p.staffId().equals(staffId)).findFirst();
  }

  /** The office's Camat, if a signer holds that position. */
  public Optional<SignerProfile> camat(UUID officeId) {
    return profiles(officeId).stream()
        .filter(p -> p.position() == SignerPosition.CAMAT)
        .findFirst();
  }

  private List<SignerProfile> profiles(UUID officeId) {
    return jdbc.sql(
            """
            select p.staff_id, p.office_id, s.full_name, s.nip, p.position, p.title, p.rank
            from signer_profile p join staff s on s.id = p.staff_id
            where p.office_id = ? and s.office_id = ? and s.active
              and s.roles like '%SIGNER%'
            order by p.position, s.full_name
            """)
        .params(officeId, officeId)
        .query(
            (rs, n) ->
                new SignerProfile(
                    rs.getObject("staff_id", UUID.class),
                    rs.getObject("office_id", UUID.class),
                    rs.getString("full_name"),
                    rs.getString("nip"),
                    SignerPosition.valueOf(rs.getString("position")),
                    rs.getString("title"),
                    rs.getString("rank")))
        .list();
  }

  /**
   * Sets a signer's position (fields {@code position}, {@code title}, {@code rank}). An office has
   * one Camat: naming another moves the position (the previous Camat becomes OTHER until set).
   */
  @Transactional
  public Outcome<SignerProfile> set(
      UUID officeId, UUID staffId, String position, String title, String rank) {
    Staff staff = accounts.get(officeId, staffId);
    FieldErrors errors = new FieldErrors();
    if (!staff.active() || !staff.roles().contains(Role.SIGNER)) {
      errors.reject("position", "letters.signers.error.notSigner");
    }
    SignerPosition chosen = parse(position);
    if (chosen == null) {
      errors.reject("position", "error.required");
    }
    String cleanTitle = FieldErrors.clean(title);
    String cleanRank = FieldErrors.clean(rank);
    errors.text("title", cleanTitle, MAX_TITLE).optionalText("rank", cleanRank, MAX_TITLE);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    // one Camat per office: serialise on the office's profiles
    jdbc.sql("select id from office where id = ? for update").params(officeId).query().listOfRows();
    Optional<SignerProfile> before = profile(officeId, staffId);
    if (chosen == SignerPosition.CAMAT) {
      jdbc.sql(
              """
              update signer_profile set position = 'OTHER', updated_at = ?
              where office_id = ? and position = 'CAMAT' and staff_id <> ?
              """)
          .params(Timestamp.from(clock.instant()), officeId, staffId)
          .update();
    }
    jdbc.sql(
            """
            insert into signer_profile (staff_id, office_id, position, title, rank, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (staff_id) do update set position = excluded.position,
              title = excluded.title, rank = excluded.rank, updated_at = excluded.updated_at
            """)
        .params(
            staffId,
            officeId,
            chosen.name(),
            cleanTitle,
            cleanRank,
            Timestamp.from(clock.instant()))
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("position", chosen.name());
    after.put("title", cleanTitle);
    after.put("rank", cleanRank);
    Map<String, Object> was = new LinkedHashMap<>();
    before.ifPresent(
        p -> {
          was.put("position", p.position().name());
          was.put("title", p.title());
          was.put("rank", p.rank());
        });
    audit.record(
        officeId, "signer-profile.updated", "staff", staffId, AuditTrail.changes(was, after));
    return Outcome.done(profile(officeId, staffId).orElseThrow());
  }

  private static SignerPosition parse(String value) {
    if (value == null) {
      return null;
    }
    for (SignerPosition p : SignerPosition.values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    return null;
  }
}
