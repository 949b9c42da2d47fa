package id.go.kecamatan.content;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.CampaignTag;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-service kiosks (anjungan mandiri) of the offices. An office administrator adds a device
 * and gets a one-time code (valid {@link #CODE_VALIDITY}); typed on the device at {@code /kios},
 * the code enables it: the device gets a random token in a cookie, of which only the SHA-256 is
 * stored. A request carrying a current token is a kiosk request for its office; revoking the device
 * ends that at its next request. Neither code nor token says anything about a resident.
 */
@Service
public class Kiosks {

  /** The cookie that marks an enabled kiosk. */
  public static final String COOKIE = "KIOS";

  /** How long an enabling code can be used. */
  public static final Duration CODE_VALIDITY = Duration.ofMinutes(30);

  public static final int MIN_IDLE_MINUTES = 1;
  public static final int MAX_IDLE_MINUTES = 30;
  public static final int DEFAULT_IDLE_MINUTES = 3;
  public static final int MAX_LABEL = 80;

  /** The length of an enabling code, written in two groups of four. */
  static final int CODE_LENGTH = 8;

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String COLUMNS =
      "id, office_id, label, idle_seconds, code_expires_at, token_hash is not null as enabled,"
          + " created_at, created_by, enabled_at, last_seen_on, revoked_at";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  Kiosks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new device with its one-time enabling code ({@code ABCD-EFGH}), shown once. */
  public record Added(UUID id, String code, FieldErrors errors) {}

  /** An enabled device as a request sees it. */
  public record Session(UUID deviceId, UUID officeId, int idleSeconds) {}

  /**
   * Adds a device to an office, refused when the label is missing, too long or not plain text, or
   * the idle time is not a whole number of minutes in range. Audited.
   */
  @Transactional
  public Added add(UUID officeId, String label, String idleMinutes) {
    FieldErrors errors = new FieldErrors();
    String clean = FieldErrors.clean(label);
    errors.text("label", clean, MAX_LABEL);
    Integer minutes =
        errors.integer("idleMinutes", idleMinutes, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES, true);
    if (errors.any()) {
      return new Added(null, null, errors);
    }
    Officer officer = CurrentOfficer.require();
    UUID id = UUID.randomUUID();
    String code = newCode();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into kiosk_device (id, office_id, label, idle_seconds, code_hash,
              code_expires_at, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            clean,
            minutes * 60,
            sha256(normalise(code)),
            Timestamp.from(now.plus(CODE_VALIDITY)),
            Timestamp.from(now),
            officer.fullName() + " (" + officer.username() + ")")
        .update();
    audit.record(
        officeId,
        "kiosk.added",
        "kiosk_device",
        id,
        AuditTrail.changes(Map.of(), Map.of("label", clean, "idle_seconds", minutes * 60)));
    return new Added(id, code.substring(0, 4) + "-" + code.substring(4), errors);
  }

  /**
   * Enables the device of a current enabling code (used once): its token, for the cookie; empty
   * when the code is unknown, used, expired or its device revoked.
   */
  @Transactional
  public Optional<String> enable(String code) {
    String normal = normalise(code);
    if (normal.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    String token = newToken();
    Instant now = clock.instant();
    List<UUID> enabled =
        jdbc.sql(
                """
                update kiosk_device set token_hash = ?, enabled_at = ?, code_hash = null,
                  code_expires_at = null
                where code_hash = ? and code_expires_at > ? and revoked_at is null
                returning id
                """)
            .params(sha256(token), Timestamp.from(now), sha256(normal), Timestamp.from(now))
            .query(UUID.class)
            .list();
    return enabled.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The enabled, not revoked device of a token; marks the day it was last seen. */
  public Optional<Session> session(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    String hash = sha256(token);
    Optional<Session> session =
        jdbc.sql(
                "select id, office_id, idle_seconds from kiosk_device where token_hash = ?"
                    + " and revoked_at is null")
            .params(hash)
            .query(
                (rs, i) ->
                    new Session(
                        rs.getObject("id", UUID.class),
                        rs.getObject("office_id", UUID.class),
                        rs.getInt("idle_seconds")))
            .optional();
    session.ifPresent(
        s ->
            jdbc.sql(
                    "update kiosk_device set last_seen_on = ? where id = ?"
                        + " and last_seen_on is distinct from ?")
                .params(Date.valueOf(today()), s.deviceId(), Date.valueOf(today()))
                .update());
    return session;
  }

  /** An office's devices, newest first, revoked ones included. */
  public List<KioskDevice> list(UUID officeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from kiosk_device where office_id = ? order by revoked_at nulls first,"
                + " created_at desc")
        .params(officeId)
        .query(Kiosks::row)
        .list();
  }

  /** Revokes one of the office's devices: it is an ordinary browser from its next request. */
  @Transactional
  public void revoke(UUID officeId, UUID id) {
    KioskDevice device =
        list(officeId).stream()
            .filter(d -> d.id().equals(id))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    if (device.revokedAt() != null) {
      return;
    }
    Officer officer = CurrentOfficer.require();
    jdbc.sql(
            """
            update kiosk_device set revoked_at = ?, revoked_by = ?, token_hash = null,
              code_hash = null, code_expires_at = null
            where id = ? and office_id = ?
            """)
        .params(
            Timestamp.from(clock.instant()),
            officer.fullName() + " (" + officer.username() + ")",
            id,
            officeId)
        .update();
    audit.record(
        officeId,
        "kiosk.revoked",
        "kiosk_device",
        id,
        AuditTrail.changes(Map.of("revoked", false), Map.of("revoked", true)));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WIB));
  }

  /** The code as typed: upper case, without spaces and dashes. */
  static String normalise(String code) {
    return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
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
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KioskDevice row(ResultSet rs, int i) throws SQLException {
    Timestamp expires = rs.getTimestamp("code_expires_at");
    Timestamp enabled = rs.getTimestamp("enabled_at");
    Date seen = rs.getDate("last_seen_on");
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new KioskDevice(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("label"),
        rs.getInt("idle_seconds"),
        expires == null ? null : expires.toInstant(),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        enabled == null ? null : enabled.toInstant(),
        seen == null ? null : seen.toLocalDate(),
        revoked == null ? null : revoked.toInstant());
  }
}
