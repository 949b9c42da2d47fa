package id.go.kecamatan.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal sessions of signed-in residents, one row each, checked on every portal request: a
 * session idle longer than {@code layanan.portal.idle-timeout} (default 30 minutes) or ended (sign
 * out, or sign out everywhere from another device) opens nothing.
 */
@Service
public class PortalSessions {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration idle;

  PortalSessions(
      JdbcClient jdbc, Clock clock, @Value("${layanan.portal.idle-timeout:PT30M}") Duration idle) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.idle = idle;
  }

  /** How long a session may go without a request ({@code layanan.portal.idle-timeout}). */
  public Duration idleTimeout() {
    return idle;
  }

  /** Starts a session for the contact in this HTTP session and returns its id. */
  public UUID start(String contact, String httpSessionId) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into portal_session (id, contact, http_session, created_at, last_seen_at)
            values (?, ?, ?, ?, ?)
            """)
        .params(id, contact, httpSessionId, now, now)
        .update();
    return id;
  }

  /**
   * The contact of a live session, which counts as seen now; empty when the session is unknown,
   * ended or was idle too long (it is ended then).
   */
  @Transactional
  public Optional<String> touch(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<String> live =
        jdbc.sql(
                """
                select contact from portal_session
                where id = ? and ended_at is null and last_seen_at > ?
                """)
            .params(id, Timestamp.from(now.minus(idle)))
            .query(String.class)
            .optional();
    if (live.isPresent()) {
      jdbc.sql("update portal_session set last_seen_at = ? where id = ?")
          .params(Timestamp.from(now), id)
          .update();
    } else {
      end(id);
    }
    return live;
  }

  /** Ends one session. */
  public void end(UUID id) {
    jdbc.sql("update portal_session set ended_at = ? where id = ? and ended_at is null")
        .params(Timestamp.from(clock.instant()), id)
        .update();
  }

  /** Ends every session of the contact and returns their HTTP session ids. */
  @Transactional
  public List<String> endEverywhere(String contact) {
    return jdbc.sql(
            """
            update portal_session set ended_at = ? where contact = ? and ended_at is null
            returning http_session
            """)
        .params(Timestamp.from(clock.instant()), contact)
        .query(String.class)
        .list();
  }

  /**
   * Deletes up to {@code limit} sessions that ended before {@code endedBefore} or were last seen
   * before {@code lastSeenBefore} (idle sessions are never marked ended unless they come back);
   * rows another transaction holds are skipped.
   *
   * @return the HTTP session ids of the deleted rows (fewer than {@code limit} when no more are
   *     due), for the caller to end those browser sessions too
   */
  public List<String> deleteEndedBefore(Instant endedBefore, Instant lastSeenBefore, int limit) {
    return jdbc.sql(
            """
            delete from portal_session where id in (
              select id from portal_session where ended_at < ? or last_seen_at < ?
              limit ? for update skip locked)
            returning http_session
            """)
        .params(Timestamp.from(endedBefore), Timestamp.from(lastSeenBefore), limit)
        .query(String.class)
        .list();
  }
}
