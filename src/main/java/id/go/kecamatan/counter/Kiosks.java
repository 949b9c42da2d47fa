package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kiosk devices (anjungan): an officer adds a device and gets a six-digit code valid for {@value
 * #CODE_MINUTES} minutes; typed on the device's kiosk page, it gives the device a secret token kept
 * in a cookie (stored here only hashed). Only an enabled device takes tickets from the kiosk page,
 * and its tickets are rate limited per device, not per address, so a busy office behind one NAT
 * address is never stopped.
 */
@Service("ticketKiosks")
public class Kiosks {

  static final int CODE_MINUTES = 15;

  /** A device as the set-up page lists it. */
  public record Device(
      UUID id,
      String name,
      Instant createdAt,
      Instant enabledAt,
      Instant revokedAt,
      boolean pairing) {

    public boolean enabled() {
      return enabledAt != null && revokedAt == null;
    }
  }

  /** A device just added, with its one-time code (shown once). */
  public record Pairing(UUID id, String code, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  Kiosks(JdbcClient jdbc, Clock clock, AuditTrail audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  public List<Device> of(UUID officeId) {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            select id, name, created_at, enabled_at, revoked_at, pairing_expires_at
            from ticket_kiosk where office_id = ? order by created_at
            """)
        .param(officeId)
        .query(
            (rs, i) -> {
              Timestamp expires = rs.getTimestamp(6);
              return new Device(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                  rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                  expires != null && expires.toInstant().isAfter(now));
            })
        .list();
  }

  /** Adds a device and gives its code, or the name's error. */
  @Transactional
  public Outcome<Pairing> add(UUID officeId, String rawName) {
    FieldErrors errors = new FieldErrors();
    String name = FieldErrors.clean(rawName);
    errors.text("name", name, 60);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = UUID.randomUUID();
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    Instant now = clock.instant();
    Instant expires = now.plus(Duration.ofMinutes(CODE_MINUTES));
    jdbc.sql(
            """
            insert into ticket_kiosk (id, office_id, name, pairing_code_hash, pairing_expires_at,
              enabled_by, created_at) values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            name,
            hash(officeId + ":" + code),
            Timestamp.from(expires),
            CurrentOfficer.get().map(o -> o.staffId()).orElse(null),
            Timestamp.from(now))
        .update();
    audit.record(officeId, "counter.kiosk.added", "ticket_kiosk", id, Map.of("name", name));
    return Outcome.done(new Pairing(id, code, expires));
  }

  /**
   * Enables the device whose code this is: answers the device's new secret token, once; empty for a
   * wrong or expired code.
   */
  @Transactional
  public Optional<String> pair(UUID officeId, String code) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return Optional.empty();
    }
    String token = token();
    Instant now = clock.instant();
    Optional<UUID> device =
        jdbc.sql(
                """
                update ticket_kiosk set token_hash = ?, enabled_at = ?, pairing_code_hash = null,
                  pairing_expires_at = null
                where office_id = ? and pairing_code_hash = ? and pairing_expires_at > ?
                  and revoked_at is null
                returning id
                """)
            .params(
                hash(token),
                Timestamp.from(now),
                officeId,
                hash(officeId + ":" + code.strip()),
                Timestamp.from(now))
            .query(UUID.class)
            .optional();
    device.ifPresent(
        id -> audit.record(officeId, "counter.kiosk.enabled", "ticket_kiosk", id, Map.of()));
    return device.map(id -> token);
  }

  /** The enabled device of this office with this token. */
  public Optional<UUID> device(UUID officeId, String token) {
    if (token == null || token.length() < 20 || token.length() > 64) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select id from ticket_kiosk where office_id = ? and token_hash = ?
              and enabled_at is not null and revoked_at is null
            """)
        .params(officeId, hash(token))
        .query(UUID.class)
        .optional();
  }

  /** Switches a device off for good. */
  @Transactional
  public boolean revoke(UUID officeId, UUID deviceId) {
    int updated =
        jdbc.sql(
                """
                update ticket_kiosk set revoked_at = ?, token_hash = null, pairing_code_hash = null
                where id = ? and office_id = ? and revoked_at is null
                """)
            .params(Timestamp.from(clock.instant()), deviceId, officeId)
            .update();
    if (updated > 0) {
      audit.record(officeId, "counter.kiosk.revoked", "ticket_kiosk", deviceId, Map.of());
    }
    return updated > 0;
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
