package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office administrator's view of the office's messages, newest first: status, channel, masked
 * recipient, attempts and the last error; the full text only of messages that went to the message
 * log (what a resident would have received in the demo), never of those a gateway delivered, and
 * never of a portal sign-in message (kind {@value OneTimeCodeMessages#KIND}): its code or magic
 * link would let an officer sign in as the resident. The text of those is not even read from the
 * database here, so no page, filter or later view built on this class can show it.
 */
public class MessageLog {

  public static final int PAGE_SIZE = 50;

  /** Which messages to list: all, by status, or those delivered to the log. */
  public enum Filter {
    ALL,
    PENDING,
    SENT,
    FAILED,
    /** Fallbacks held back until the first message fails for good. */
    HELD,
    LOG;

    /** The filter of a request parameter; empty when the value is not one. */
    public static Optional<Filter> parse(String value) {
      if (value == null || value.isEmpty()) {
        return Optional.of(ALL);
      }
      for (Filter filter : values()) {
        if (filter != ALL && filter.name().equals(value)) {
          return Optional.of(filter);
        }
      }
      return Optional.empty();
    }
  }

  /** One message as the administrator sees it. */
  public record Entry(
      UUID id,
      String kind,
      Channel channel,
      String maskedRecipient,
      String status,
      MessageGateway.Via via,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt,
      String subject,
      String text,
      boolean appointmentCode) {

    public boolean inLog() {
      return via == MessageGateway.Via.LOG;
    }

    /**
     * A one-time code (a portal sign-in or a booking's confirmation), whose text (code, magic link)
     * no officer may read.
     */
    public boolean signInCode() {
      return kind.equals(OneTimeCodeMessages.KIND);
    }

    /**
     * The label of the message's kind in the log: a booking's confirmation code is told apart from
     * a portal sign-in code (both of kind {@code otp}).
     */
    public String kindLabel() {
      return appointmentCode ? kind + ".appointment" : kind;
    }

    /** A failed message the administrator may send again; never a portal sign-in code. */
    public boolean resendable() {
      return status.equals("FAILED") && !kind.equals(OneTimeCodeMessages.KIND);
    }
  }

  /** One page of messages and whether there is another after it. */
  public record Listing(List<Entry> entries, int page, boolean hasNext) {}

  private final JdbcClient jdbc;

  MessageLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The office's messages matching the filter, newest first; {@code page} counts from 1. */
  public Listing list(UUID officeId, Filter filter, int page) {
    String condition =
        switch (filter) {
          case ALL -> "";
          case LOG -> " and sent_via = 'LOG'";
          default -> " and status = :status";
        };
    var query =
        jdbc.sql(
                """
                select id, kind, channel, recipient, status, sent_via, attempts, last_error,
                  created_at, sent_at, idempotency_key,
                  case when kind = :signInCode then null else subject end as subject,
                  case when kind = :signInCode then null else text end as text
                from notification where office_id = :office"""
                    + condition
                    + " order by created_at desc, id desc limit :limit offset :offset")
            .param("office", officeId)
            .param("signInCode", OneTimeCodeMessages.KIND)
            .param("limit", PAGE_SIZE + 1)
            .param("offset", (long) (page - 1) * PAGE_SIZE);
    if (!condition.isEmpty() && filter != Filter.LOG) {
      query = query.param("status", filter.name());
    }
    List<Entry> rows = new ArrayList<>(query.query(MessageLog::entry).list());
    boolean hasNext = rows.size() > PAGE_SIZE;
    return new Listing(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, hasNext);
  }

  /** All but the last four characters hidden: {@code ••••••••7890}. */
  static String mask(String recipient) {
    int shown = Math.min(4, recipient.length() / 2);
    return "•".repeat(Math.min(8, recipient.length() - shown))
        + recipient.substring(recipient.length() - shown);
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    String via = rs.getString("sent_via");
    MessageGateway.Via sentVia = via == null ? null : MessageGateway.Via.valueOf(via);
    boolean inLog = sentVia == MessageGateway.Via.LOG;
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new Entry(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        Channel.valueOf(rs.getString("channel")),
        mask(rs.getString("recipient")),
        rs.getString("status"),
        sentVia,
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        sentAt == null ? null : sentAt.toInstant(),
        inLog ? rs.getString("subject") : null,
        inLog ? rs.getString("text") : null,
        isAppointmentCode(rs.getString("kind"), rs.getString("idempotency_key")));
  }

  /** The key a booking's one-time code is written with ({@code AppointmentMessages}). */
  static final String APPOINTMENT_CODE_KEY = "appointment-otp:";

  static boolean isAppointmentCode(String kind, String idempotencyKey) {
    return OneTimeCodeMessages.KIND.equals(kind)
        && idempotencyKey != null
        && idempotencyKey.startsWith(APPOINTMENT_CODE_KEY);
  }
}
