package id.go.kecamatan.counter.internal;

import id.go.kecamatan.counter.Priority;
import id.go.kecamatan.counter.Ticket;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** Reads tickets from the {@code ticket} table. */
public final class TicketRows {

  private TicketRows() {}

  public static final String COLUMNS =
      """
      t.id, t.office_id, t.group_id, t.day, t.number, t.label, t.secret, t.source,
      t.appointment_code, t.scheduled_at, t.priority, t.holder_label,
      (t.contact_phone is not null or t.contact_email is not null), t.wait_outside, t.status,
      t.issued_at, t.queued_at, t.desk_id, t.target_desk_id, t.calls, t.first_called_at,
      t.last_called_at, t.serving_at, t.finished_at, t.requeues, t.outcome, t.application_id,
      t.application_code
      """;

  public static Ticket ticket(ResultSet rs, int row) throws SQLException {
    String priority = rs.getString(11);
    return new Ticket(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getObject(4, LocalDate.class),
        rs.getInt(5),
        rs.getString(6),
        rs.getString(7),
        TicketSource.valueOf(rs.getString(8)),
        rs.getString(9),
        rs.getObject(10, LocalDateTime.class),
        priority == null ? null : Priority.valueOf(priority),
        rs.getString(12),
        rs.getBoolean(13),
        rs.getBoolean(14),
        TicketStatus.valueOf(rs.getString(15)),
        instant(rs.getTimestamp(16)),
        instant(rs.getTimestamp(17)),
        rs.getObject(18, UUID.class),
        rs.getObject(19, UUID.class),
        rs.getInt(20),
        instant(rs.getTimestamp(21)),
        instant(rs.getTimestamp(22)),
        instant(rs.getTimestamp(23)),
        instant(rs.getTimestamp(24)),
        rs.getInt(25),
        rs.getString(26),
        rs.getObject(27, UUID.class),
        rs.getString(28));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
