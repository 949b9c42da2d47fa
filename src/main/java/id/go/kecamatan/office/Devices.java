package id.go.kecamatan.office;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.CampaignTag;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The devices an office sets up in its rooms (perangkat kantor): the self-service kiosk (anjungan
 * mandiri) and the queue's ticket kiosk (anjungan tiket). One mechanism pairs either with the
 * browser standing there (ADR 0029): an office administrator adds a device and gets a one-time code
 * (8 characters of the tracking-code alphabet, written {@code ABCD-EFGH}, valid {@link
 * #CODE_VALIDITY}); typed on the device, it gives the device a random 256-bit token for a cookie.
 * Only the SHA-256 of code and token is stored ({@code kiosk_device}). A device is found by its
 * token only for its purpose; revoking it ends it at its next request. Adding, enabling and
 * revoking are audited.
 */
@Service
public class Devices {

  /** What a device is for; a code or token of one purpose never opens another. */
  public enum Purpose {
    /** The self-service kiosk of the public site ({@code /kios}). */
    SELF_SERVICE("kiosk"),
    /** The queue's ticket kiosk ({@code /kecamatan/<slug>/antrean/ambil}). */
    TICKETS("counter.kiosk");

    private final String audit;

    Purpose(String audit) {
      this.audit = audit;
    }
  }

  /** How long an enabling code can be used. */
  public static final Duration CODE_VALIDITY = Duration.ofMinutes(30);

  /** The length of an enabling code, written in two groups of four. */
  public static final int CODE_LENGTH = 8;

  /**
   * A device as its administrator sees it.
   *
   * @param idleSeconds the self-service kiosk's idle time, null for a ticket kiosk
   * @param codeValid whether its enabling code can still be used (not enabled yet, not expired)
   * @param enabled whether a device holds its token
   */
  public record Device(
      UUID id,
      UUID officeId,
      Purpose purpose,
      String label,
      Integer idleSeconds,
      boolean codeValid,
      boolean enabled,
      Instant createdAt,
      String createdBy,
      Instant enabledAt,
      LocalDate lastSeenOn,
      Instant revokedAt) {

    public int idleMinutes() {
      return idleSeconds == null ? 0 : idleSeconds / 60;
    }
  }

  /** A device just added, with its one-time enabling code ({@code ABCD-EFGH}), shown once. */
  public record Added(UUID id, String code, Instant expiresAt) {}

  /** An enabled device as a request sees it. */
  public record Session(UUID deviceId, UUID officeId, Integer idleSeconds) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String COLUMNS =
      "id, office_id, purpose, label, idle_seconds, code_expires_at, token_hash is not null as"
          + " enabled, created_at, created_by, enabled_at, last_seen_on, revoked_at";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  Devices(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Adds a device to an office with its enabling code. The caller has checked the label (plain
   * text) and the idle time.
   *
   * @param idleSeconds the self-service kiosk's idle time, null for a ticket kiosk
   */
  @Transactional
  public Added add(UUID officeId, Purpose purpose, String label, Integer idleSeconds) {
    UUID id = UUID.randomUUID();
    String code = newCode();
    Instant now = clock.instant();
    Instant expires = now.plus(CODE_VALIDITY);
    jdbc.sql(
            """
            insert into kiosk_device (id, office_id, purpose, label, idle_seconds, code_hash,
              code_expires_at, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            purpose.name(),
            label,
            idleSeconds,
            sha256(code),
            Timestamp.from(expires),
            Timestamp.from(now),
            actor())
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("label", label);
    if (idleSeconds != null) {
      after.put("idle_seconds", idleSeconds);
    }
    audit.record(
        officeId,
        purpose.audit + ".added",
        "kiosk_device",
        id,
        AuditTrail.changes(Map.of(), after));
    return new Added(id, code.substring(0, 4) + "-" + code.substring(4), expires);
  }

  /**
   * Enables the device of a current enabling code of this purpose (used once): its token, for the
   * cookie; empty when the code is unknown, used, expired, of another purpose or office, or its
   * device revoked.
   *
   * @param officeId the office the device must belong to, or null for any office
   */
  @Transactional
  public Optional<String> enable(Purpose purpose, UUID officeId, String code) {
    String normal = normalise(code);
    if (normal.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    String token = newToken();
    Instant now = clock.instant();
    Optional<UUID[]> enabled =
        jdbc.sql(
                """
                update kiosk_device set token_hash = ?, enabled_at = ?, code_hash = null,
                  code_expires_at = null
                where code_hash = ? and code_expires_at > ? and revoked_at is null
                  and purpose = ? and (cast(? as uuid) is null or office_id = ?)
                returning id, office_id
                """)
            .params(
                sha256(token),
                Timestamp.from(now),
                sha256(normal),
                Timestamp.from(now),
                purpose.name(),
                officeId,
                officeId)
            .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
            .optional();
    enabled.ifPresent(
        d -> audit.record(d[1], purpose.audit + ".enabled", "kiosk_device", d[0], Map.of()));
    return enabled.map(d -> token);
  }

  /**
   * The enabled, not revoked device of this purpose with this token; marks the day it was last
   * seen.
   *
   * @param officeId the office the device must belong to, or null for any office
   */
  public Optional<Session> session(Purpose purpose, UUID officeId, String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    Optional<Session> session =
        jdbc.sql(
                """
                select id, office_id, idle_seconds from kiosk_device
                where token_hash = ? and purpose = ? and revoked_at is null
                  and (cast(? as uuid) is null or office_id = ?)
                """)
            .params(sha256(token), purpose.name(), officeId, officeId)
            .query(
                (rs, i) ->
                    new Session(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, Integer.class)))
            .optional();
    LocalDate today = LocalDate.now(clock);
    session.ifPresent(
        s ->
            jdbc.sql(
                    "update kiosk_device set last_seen_on = ? where id = ?"
                        + " and last_seen_on is distinct from ?")
                .params(Date.valueOf(today), s.deviceId(), Date.valueOf(today))
                .update());
    return session;
  }

  /** An office's devices of this purpose, newest first, revoked ones last. */
  public List<Device> list(UUID officeId, Purpose purpose) {
    Instant now = clock.instant();
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from kiosk_device where office_id = ? and purpose = ?"
                + " order by revoked_at nulls first, created_at desc")
        .params(officeId, purpose.name())
        .query((rs, i) -> row(rs, now))
        .list();
  }

  /**
   * Revokes one of the office's devices of this purpose: it is an ordinary browser from its next
   * request.
   *
   * @return false when the office has no such device or it was revoked before
   */
  @Transactional
  public boolean revoke(UUID officeId, Purpose purpose, UUID id) {
    int revoked =
        jdbc.sql(
                """
                update kiosk_device set revoked_at = ?, revoked_by = ?, token_hash = null,
                  code_hash = null, code_expires_at = null
                where id = ? and office_id = ? and purpose = ? and revoked_at is null
                """)
            .params(Timestamp.from(clock.instant()), actor(), id, officeId, purpose.name())
            .update();
    if (revoked > 0) {
      audit.record(
          officeId,
          purpose.audit + ".revoked",
          "kiosk_device",
          id,
          AuditTrail.changes(Map.of("revoked", false), Map.of("revoked", true)));
    }
    return revoked > 0;
  }

  /** The code as typed: upper case, without spaces and dashes. */
  public static String normalise(String code) {
    return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
  }

  private static String actor() {
    return CurrentOfficer.get()
        .map(o -> o.fullName() + " (" + o.username() + ")")
        .orElse(AuditTrail.SYSTEM);
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(CampaignTag.ALPHABET.charAt(RANDOM.nextInt(CampaignTag.ALPHABET.length())));
    }
    return code.toString();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String text) {
    return Sha256.hex(text);
  }

  private static Device row(ResultSet rs, Instant now) throws SQLException {
    Timestamp expires = rs.getTimestamp("code_expires_at");
    Timestamp enabled = rs.getTimestamp("enabled_at");
    Date seen = rs.getDate("last_seen_on");
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new Device(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        Purpose.valueOf(rs.getString("purpose")),
        rs.getString("label"),
        rs.getObject("idle_seconds", Integer.class),
        expires != null && expires.toInstant().isAfter(now),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        enabled == null ? null : enabled.toInstant(),
        seen == null ? null : seen.toLocalDate(),
        revoked == null ? null : revoked.toInstant());
  }
}
