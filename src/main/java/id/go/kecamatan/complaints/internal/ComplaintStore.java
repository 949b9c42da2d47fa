package id.go.kecamatan.complaints.internal;

import id.go.kecamatan.complaints.Channel;
import id.go.kecamatan.complaints.Complaint;
import id.go.kecamatan.complaints.ComplaintDetails;
import id.go.kecamatan.complaints.ComplaintStatus;
import id.go.kecamatan.complaints.Kind;
import id.go.kecamatan.complaints.Privacy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores complaints: the row with its clocks, the status history and the thread, both only ever
 * appended. Every read and write names the office (tenant isolation); only the look-up by tracking
 * code for the reporter does not, as the code itself is the key.
 */
@Repository
public class ComplaintStore {

  private final JdbcClient jdbc;

  ComplaintStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a new complaint carries besides its clocks. */
  public record NewComplaint(
      String trackingCode,
      Kind kind,
      UUID categoryId,
      String description,
      UUID villageId,
      String place,
      LocalDate occurredOn,
      Privacy privacy,
      String reporterName,
      String phone,
      String email,
      String secretHash,
      Channel channel,
      String assistedBy,
      String applicationCode,
      UUID assigneeId) {}

  public void insert(Complaint c, NewComplaint n, java.time.Instant receivedAt) {
    String digits = n.phone() == null ? "" : n.phone().replaceAll("\\D", "");
    jdbc.sql(
            """
            insert into complaint (id, office_id, tracking_code, kind, category_id, description,
              village_id, place, occurred_on, privacy, reporter_name, phone, email, phone_last4,
              secret_hash, channel, assisted_by, application_code, status, received_at, received_on,
              verify_due, due, assignee_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.id(),
            c.officeId(),
            n.trackingCode(),
            n.kind().name(),
            n.categoryId(),
            n.description(),
            n.villageId(),
            n.place(),
            n.occurredOn(),
            n.privacy().name(),
            n.reporterName(),
            n.phone(),
            n.email(),
            digits.length() >= 4 ? digits.substring(digits.length() - 4) : null,
            n.secretHash(),
            n.channel().name(),
            n.assistedBy(),
            n.applicationCode(),
            c.status().name(),
            Timestamp.from(receivedAt),
            c.receivedOn(),
            c.verifyDue(),
            c.due(),
            n.assigneeId())
        .update();
    appendPending(c);
  }

  public void attach(UUID complaintId, UUID documentOfficeId, UUID documentId, int position) {
    jdbc.sql(
            "insert into complaint_attachment (complaint_id, document_office_id, document_id, position) values (?, ?, ?, ?)")
        .params(complaintId, documentOfficeId, documentId, position)
        .update();
  }

  /** The complaint of the office, locked for a change until the transaction ends. */
  public Optional<Complaint> lock(UUID officeId, UUID id) {
    return jdbc.sql(
            """
            select id, office_id, received_on, version, status, verify_due, answer_due, days_left,
                   reply_due
            from complaint where office_id = ? and id = ? for update
            """)
        .params(officeId, id)
        .query(ComplaintStore::aggregate)
        .optional();
  }

  /** The ids of the office's complaints in a status, for the scheduled job. */
  public List<UUID> inStatus(ComplaintStatus status, LocalDate replyDueBefore) {
    return jdbc.sql("select id from complaint where status = ? and reply_due < ? order by id")
        .params(status.name(), replyDueBefore)
        .query(UUID.class)
        .list();
  }

  /** The office of a complaint (for the scheduled job, which works across offices). */
  public Optional<UUID> officeOf(UUID id) {
    return jdbc.sql("select office_id from complaint where id = ?")
        .param(id)
        .query(UUID.class)
        .optional();
  }

  /**
   * Stores the complaint's status and clocks and appends its pending steps and entries, if nobody
   * changed it since it was read (its version).
   *
   * @return false when another change came first (nothing stored)
   */
  public boolean save(Complaint c) {
    List<Complaint.StatusChange> steps = c.pendingChanges();
    Timestamp at =
        steps.isEmpty()
            ? (c.pendingEntries().isEmpty() ? null : Timestamp.from(c.pendingEntries().get(0).at()))
            : Timestamp.from(steps.get(steps.size() - 1).at());
    int updated =
        jdbc.sql(
                """
                update complaint set status = ?, verify_due = ?, answer_due = ?, days_left = ?,
                  reply_due = ?, due = ?, version = version + 1,
                  answered_at = case when ? = 'ANSWERED' and answered_at is null then cast(? as timestamptz) else answered_at end,
                  closed_at = case when ? in ('CLOSED', 'REJECTED', 'NOT_OUR_AUTHORITY', 'DUPLICATE') then coalesce(closed_at, cast(? as timestamptz)) else null end
                where id = ? and office_id = ? and version = ?
                """)
            .params(
                c.status().name(),
                c.verifyDue(),
                c.answerDue(),
                c.daysLeft(),
                c.replyDue(),
                c.due(),
                c.status().name(),
                at,
                c.status().name(),
                at,
                c.id(),
                c.officeId(),
                c.version())
            .update();
    if (updated == 0) {
      return false;
    }
    appendPending(c);
    return true;
  }

  public void set(UUID officeId, UUID id, String column, Object value) {
    if (!List.of("assignee_id", "duplicate_of", "outside_channel").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.sql("update complaint set " + column + " = ? where id = ? and office_id = ?")
        .params(value, id, officeId)
        .update();
  }

  /** Moves a complaint to another office (a forward): its thread, history and clock go with it. */
  public void move(UUID fromOffice, UUID id, UUID toOffice) {
    jdbc.sql(
            "update complaint set office_id = ?, assignee_id = null, village_id = null where id = ? and office_id = ?")
        .params(toOffice, id, fromOffice)
        .update();
  }

  private void appendPending(Complaint c) {
    for (Complaint.StatusChange s : c.pendingChanges()) {
      jdbc.sql(
              "insert into complaint_status_change (complaint_id, from_status, to_status, at, actor, reason) values (?, ?, ?, ?, ?, ?)")
          .params(
              c.id(),
              s.from() == null ? null : s.from().name(),
              s.to().name(),
              Timestamp.from(s.at()),
              s.actor(),
              s.reason())
          .update();
    }
    for (Complaint.Entry e : c.pendingEntries()) {
      jdbc.sql(
              "insert into complaint_entry (complaint_id, at, kind, public, author, text) values (?, ?, ?, ?, ?, ?)")
          .params(
              c.id(),
              Timestamp.from(e.at()),
              e.kind().name(),
              e.visibleToReporter(),
              e.author(),
              e.text())
          .update();
    }
  }

  private static final String DETAILS =
      """
      select c.id, c.office_id, o.name, c.tracking_code, c.kind, c.category_id, cat.name,
             cat.expectation, c.description, v.name, c.place, c.occurred_on, c.privacy,
             c.reporter_name, c.phone, c.email, c.channel, c.assisted_by, c.application_code,
             c.status, c.received_at, c.verify_due, c.answer_due, c.days_left, c.reply_due, c.due,
             c.assignee_id, st.full_name, c.outside_channel, c.version
      from complaint c
        join office o on o.id = c.office_id
        join complaint_category cat on cat.id = c.category_id
        left join village v on v.id = c.village_id
        left join staff st on st.id = c.assignee_id
      """;

  /** A complaint of the office with its thread, history and attachments. */
  public Optional<ComplaintDetails> details(UUID officeId, UUID id) {
    return jdbc.sql(DETAILS + " where c.office_id = ? and c.id = ?")
        .params(officeId, id)
        .query(this::details)
        .optional();
  }

  /** A complaint by its tracking code, whatever its office now is. */
  public Optional<ComplaintDetails> byCode(String trackingCode) {
    return jdbc.sql(DETAILS + " where c.tracking_code = ?")
        .param(trackingCode)
        .query(this::details)
        .optional();
  }

  /** The secret's hash and the phone's last four digits of a complaint, by its code. */
  public record Keys(UUID id, String secretHash, String phoneLast4) {}

  public Optional<Keys> keys(String trackingCode) {
    return jdbc.sql("select id, secret_hash, phone_last4 from complaint where tracking_code = ?")
        .param(trackingCode)
        .query((rs, i) -> new Keys(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }

  private ComplaintDetails details(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    List<ComplaintDetails.Entry> thread =
        jdbc.sql(
                "select id, kind, public, at, author, text from complaint_entry where complaint_id = ? order by id")
            .param(id)
            .query(
                (r, i) ->
                    new ComplaintDetails.Entry(
                        r.getLong(1),
                        Complaint.EntryKind.valueOf(r.getString(2)),
                        r.getBoolean(3),
                        r.getTimestamp(4).toInstant(),
                        r.getString(5),
                        r.getString(6)))
            .list();
    List<Complaint.StatusChange> history =
        jdbc.sql(
                "select from_status, to_status, at, actor, reason from complaint_status_change where complaint_id = ? order by id")
            .param(id)
            .query(
                (r, i) ->
                    new Complaint.StatusChange(
                        r.getString(1) == null ? null : ComplaintStatus.valueOf(r.getString(1)),
                        ComplaintStatus.valueOf(r.getString(2)),
                        r.getTimestamp(3).toInstant(),
                        r.getString(4),
                        r.getString(5)))
            .list();
    List<ComplaintDetails.Attachment> attachments =
        jdbc.sql(
                """
                select d.id, d.office_id, d.name, d.content_type from complaint_attachment a
                  join document d on d.id = a.document_id and d.office_id = a.document_office_id
                where a.complaint_id = ? order by a.position
                """)
            .param(id)
            .query(
                (r, i) ->
                    new ComplaintDetails.Attachment(
                        r.getObject(1, UUID.class),
                        r.getObject(2, UUID.class),
                        r.getString(3),
                        r.getString(4)))
            .list();
    return new ComplaintDetails(
        id,
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        Kind.valueOf(rs.getString(5)),
        rs.getObject(6, UUID.class),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getObject(12, LocalDate.class),
        Privacy.valueOf(rs.getString(13)),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        Channel.valueOf(rs.getString(17)),
        rs.getString(18),
        rs.getString(19),
        ComplaintStatus.valueOf(rs.getString(20)),
        rs.getTimestamp(21).toInstant(),
        rs.getObject(22, LocalDate.class),
        rs.getObject(23, LocalDate.class),
        (Integer) rs.getObject(24),
        rs.getObject(25, LocalDate.class),
        rs.getObject(26, LocalDate.class),
        rs.getObject(27, UUID.class),
        rs.getString(28),
        rs.getString(29),
        rs.getInt(30),
        thread,
        history,
        attachments);
  }

  private static Complaint aggregate(ResultSet rs, int row) throws SQLException {
    return Complaint.restore(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, LocalDate.class),
        rs.getInt(4),
        ComplaintStatus.valueOf(rs.getString(5)),
        rs.getObject(6, LocalDate.class),
        rs.getObject(7, LocalDate.class),
        (Integer) rs.getObject(8),
        rs.getObject(9, LocalDate.class));
  }
}
