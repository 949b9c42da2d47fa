package id.go.kecamatan.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A resident's complaints across every office, found by the phone number or the e-mail address
 * given on them, for the resident portal once the resident proved they own the contact (a one-time
 * code), as {@code application.ResidentApplications} finds their applications: phone numbers
 * compared by their national digits ({@code 0812-...}, {@code +62 812...} and {@code 62812...}
 * match), e-mail addresses without regard to case. A complaint whose contact was removed after
 * closing (retention) is no longer found.
 */
@Service
public class ResidentComplaints {

  /** How many complaints (the newest) the portal lists at most. */
  public static final int MAX_LISTED = 50;

  private static final String NATIONAL_PHONE =
      "regexp_replace(regexp_replace(c.phone, '[^0-9]', '', 'g'), '^(62|0)0?', '')";

  private final JdbcClient jdbc;

  ResidentComplaints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One of the resident's complaints as the portal lists it. */
  public record ResidentComplaint(
      String trackingCode,
      String officeName,
      Kind kind,
      String categoryName,
      ComplaintStatus status,
      Instant receivedAt,
      LocalDate due,
      LocalDate replyDue) {}

  /**
   * The complaints with this contact, newest first, at most {@value #MAX_LISTED}.
   *
   * @param contact a phone number in international form ({@code 62812...}) or an e-mail address
   */
  public List<ResidentComplaint> ofContact(String contact) {
    boolean email = contact.contains("@");
    String key =
        email
            ? contact.toLowerCase(Locale.ROOT)
            : contact.replaceAll("[^0-9]", "").replaceFirst("^(62|0)0?", "");
    if (key.isBlank()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select c.tracking_code, o.name, c.kind, cat.name, c.status, c.received_at, c.due,
                   c.reply_due
            from complaint c
              join office o on o.id = c.office_id
              join complaint_category cat on cat.id = c.category_id
            where %s = ?
            order by c.received_at desc, c.tracking_code
            limit %d
            """
                .formatted(email ? "lower(c.email)" : NATIONAL_PHONE, MAX_LISTED))
        .param(key)
        .query(
            (rs, i) ->
                new ResidentComplaint(
                    rs.getString(1),
                    rs.getString(2),
                    Kind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    ComplaintStatus.valueOf(rs.getString(5)),
                    rs.getTimestamp(6).toInstant(),
                    rs.getObject(7, LocalDate.class),
                    rs.getObject(8, LocalDate.class)))
        .list();
  }
}
