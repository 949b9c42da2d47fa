package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.OutgoingMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code notification} and {@code notification_attempt} tables. */
class NotificationStore {

  /** A message waiting to be sent, locked by the current transaction. */
  record Pending(
      UUID id, Channel channel, String recipient, String subject, String text, int attempts) {}

  private static final String PENDING_COLUMNS =
      "select id, channel, recipient, subject, text, attempts from notification ";

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the message, due at once, or held back as the fallback of another; empty when the same
   * key was stored before for the same channel and recipient.
   *
   * @param fallbackFor the message this one stands in for if it fails for good; null for none
   */
  Optional<UUID> insert(OutgoingMessage message, Instant now, UUID fallbackFor) {
    UUID id = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                """
                insert into notification (id, office_id, kind, channel, recipient, subject, text,
                  idempotency_key, status, attempts, next_attempt_at, created_at, fallback_for)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                on conflict (channel, recipient, idempotency_key) do nothing
                """)
            .params(
                id,
                message.officeId(),
                message.kind(),
                message.to().channel().name(),
                message.to().address(),
                message.subject(),
                message.text(),
                message.idempotencyKey(),
                fallbackFor == null ? "PENDING" : "HELD",
                Timestamp.from(now),
                Timestamp.from(now),
                fallbackFor)
            .update();
    return inserted == 1 ? Optional.of(id) : Optional.empty();
  }

  /** The message due first that no other transaction holds, locked; empty when none is due. */
  Optional<Pending> lockNextDue(Instant now) {
    return jdbc.sql(
            PENDING_COLUMNS
                + """
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit 1 for update skip locked
                """)
        .param(Timestamp.from(now))
        .query(NotificationStore::pending)
        .optional();
  }

  /** This message, locked, if it is still pending and due and no other transaction holds it. */
  Optional<Pending> lockIfDue(UUID id, Instant now) {
    return jdbc.sql(
            PENDING_COLUMNS
                + """
                where id = ? and status = 'PENDING' and next_attempt_at <= ?
                for update skip locked
                """)
        .params(id, Timestamp.from(now))
        .query(NotificationStore::pending)
        .optional();
  }

  /**
   * Marks the message sent, records the attempt and drops its fallback (not needed: the message
   * arrived), in one statement.
   */
  void markSent(UUID id, int attempts, Instant at, MessageGateway.Via via) {
    jdbc.sql(
            """
            with updated as (
              update notification set status = 'SENT', sent_via = ?, attempts = ?, sent_at = ?,
                last_error = null where id = ? returning id),
            attempt as (
              insert into notification_attempt (notification_id, at, ok, error)
              select id, ?, true, null from updated)
            delete from notification where fallback_for = ? and status = 'HELD'
            """)
        .params(via.name(), attempts, Timestamp.from(at), id, Timestamp.from(at), id)
        .update();
  }

  /** The next attempt's time, with this attempt recorded, in one statement. */
  void retryAt(UUID id, int attempts, Instant next, Instant at, String error) {
    jdbc.sql(
            """
            with updated as (
              update notification set attempts = ?, next_attempt_at = ?, last_error = ?
              where id = ? returning id)
            insert into notification_attempt (notification_id, at, ok, error)
            select id, ?, false, ? from updated
            """)
        .params(attempts, Timestamp.from(next), error, id, Timestamp.from(at), error)
        .update();
  }

  /** Marks the message failed for good, with this attempt recorded, in one statement. */
  void markFailed(UUID id, int attempts, Instant at, String error) {
    jdbc.sql(
            """
            with updated as (
              update notification set status = 'FAILED', attempts = ?, last_error = ?
              where id = ? returning id)
            insert into notification_attempt (notification_id, at, ok, error)
            select id, ?, false, ? from updated
            """)
        .params(attempts, error, id, Timestamp.from(at), error)
        .update();
  }

  /** What an office's message is, for deciding whether it may be sent again. */
  record Stored(String kind, Channel channel, String status) {}

  /** The office's message with this id; empty for another office's or an unknown one. */
  Optional<Stored> ofOffice(UUID officeId, UUID id) {
    return jdbc.sql("select kind, channel, status from notification where id = ? and office_id = ?")
        .params(id, officeId)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getString("kind"),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("status")))
        .optional();
  }

  /**
   * Puts a failed message of the office back in the queue, due now; its attempts stay counted, so
   * the next failure fails it again at once. Returns whether it was failed (and is pending now).
   */
  boolean requeueFailed(UUID officeId, UUID id, Instant now) {
    return jdbc.sql(
                """
                update notification set status = 'PENDING', next_attempt_at = ?
                where id = ? and office_id = ? and status = 'FAILED'
                """)
            .params(Timestamp.from(now), id, officeId)
            .update()
        == 1;
  }

  /** Makes the fallback of a failed message due now; returns how many there were (0 or 1). */
  int releaseFallback(UUID id, Instant now) {
    return jdbc.sql(
            """
            update notification set status = 'PENDING', next_attempt_at = ?
            where fallback_for = ? and status = 'HELD'
            """)
        .params(Timestamp.from(now), id)
        .update();
  }

  /**
   * Deletes up to {@code limit} sent or failed messages of any kind and office written before
   * {@code before}, oldest first, with their attempts (on delete cascade); rows another transaction
   * holds are skipped. Pending messages are never deleted.
   *
   * @return how many were deleted; fewer than {@code limit} when no more are due
   */
  int deleteFinishedBefore(Instant before, int limit) {
    // the predicate matches the partial index notification_finished (V46) word for word
    return jdbc.sql(
            """
            delete from notification where id in (
              select id from notification
              where status in ('SENT', 'FAILED') and created_at < ?
              order by created_at limit ? for update skip locked)
            """)
        .params(Timestamp.from(before), limit)
        .update();
  }

  /**
   * As {@link #deleteFinishedBefore}, for the portal's sign-in code messages only (kind {@value
   * OneTimeCodeMessages#KIND}).
   */
  int deleteFinishedOneTimeCodesBefore(Instant before, int limit) {
    // the kind is a constant in the text, not a parameter, so that the planner can use the partial
    // index notification_finished_otp (V46), which names it
    return jdbc.sql(
            """
            delete from notification where id in (
              select id from notification
              where kind = '%s' and status in ('SENT', 'FAILED') and created_at < ?
              order by created_at limit ? for update skip locked)
            """
                .formatted(OneTimeCodeMessages.KIND))
        .params(Timestamp.from(before), limit)
        .update();
  }

  private static Pending pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Pending(
        rs.getObject("id", UUID.class),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("text"),
        rs.getInt("attempts"));
  }
}
