package id.go.kecamatan.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A resident's applications and open drafts across every office, found by the phone number or the
 * e-mail address given on them, for the resident portal once the resident has proved they own the
 * contact (a one-time code). The one place where a query spans offices: the resident, not an
 * office, is the owner. Phone numbers are compared by their national digits, so {@code 0812-...},
 * {@code +62 812...} and {@code 62812...} match; e-mail addresses without regard to case.
 */
@Service
public class ResidentApplications {

  /** The national digits of a stored phone number: no separators, no 62 or 0 prefix. */
  private static final String NATIONAL_PHONE =
      "regexp_replace(regexp_replace(%s, '[^0-9]', '', 'g'), '^(62|0)0?', '')";

  private final JdbcClient jdbc;

  ResidentApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One of the resident's applications, as the portal lists it. */
  public record ResidentApplication(
      String trackingCode,
      UUID officeId,
      String officeName,
      String serviceName,
      ApplicationStatus status,
      Instant submittedAt,
      LocalDate deadline) {}

  /** One of the resident's drafts not yet submitted nor expired. */
  public record ResidentDraft(
      UUID id, String officeName, String serviceName, Instant updatedAt, Instant expiresAt) {}

  /** How many applications (the newest) and drafts the portal lists at most. */
  public static final int MAX_LISTED = 200;

  /**
   * The applications with this contact, newest first, at most {@value #MAX_LISTED}.
   *
   * @param contact a phone number in international form ({@code 62812...}) or an e-mail address
   */
  public List<ResidentApplication> ofContact(String contact) {
    return jdbc.sql(
            """
            select a.tracking_code, a.office_id, o.name as office_name, s.name as service_name,
                   a.status, a.submitted_at, a.deadline
            from application a
            join office o on o.id = a.office_id
            join service_type s on s.id = a.service_id and s.office_id = a.office_id
            where %s
            order by a.submitted_at desc, a.tracking_code
            limit %d
            """
                .formatted(matches(contact, "a.phone", "a.email"), MAX_LISTED))
        .param(key(contact))
        .query(
            (rs, i) ->
                new ResidentApplication(
                    rs.getString("tracking_code"),
                    rs.getObject("office_id", UUID.class),
                    rs.getString("office_name"),
                    rs.getString("service_name"),
                    ApplicationStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("submitted_at").toInstant(),
                    rs.getObject("deadline", LocalDate.class)))
        .list();
  }

  /** The office of the contact's most recent application, empty when it has none. */
  public Optional<UUID> latestOffice(String contact) {
    return jdbc.sql(
            """
            select a.office_id from application a where %s
            order by a.submitted_at desc limit 1
            """
                .formatted(matches(contact, "a.phone", "a.email")))
        .param(key(contact))
        .query(UUID.class)
        .optional();
  }

  /** The contact's drafts that are neither submitted nor expired at this instant, newest first. */
  public List<ResidentDraft> draftsOfContact(String contact, Instant now) {
    return jdbc.sql(
            """
            select d.id, o.name as office_name, s.name as service_name, d.updated_at, d.expires_at
            from application_draft d
            join office o on o.id = d.office_id
            join service_type s on s.id = d.service_id and s.office_id = d.office_id
            where d.application_id is null and d.expires_at > ? and %s
            order by d.updated_at desc
            limit 50
            """
                .formatted(matches(contact, "d.identity->>'phone'", "d.identity->>'email'")))
        .param(Timestamp.from(now))
        .param(key(contact))
        .query(
            (rs, i) ->
                new ResidentDraft(
                    rs.getObject("id", UUID.class),
                    rs.getString("office_name"),
                    rs.getString("service_name"),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant()))
        .list();
  }

  static boolean isEmail(String contact) {
    return contact.contains("@");
  }

  static String matches(String contact, String phoneColumn, String emailColumn) {
    return isEmail(contact)
        ? "lower(" + emailColumn + ") = ?"
        : NATIONAL_PHONE.formatted(phoneColumn) + " = ?";
  }

  static String key(String contact) {
    if (isEmail(contact)) {
      return contact.toLowerCase(java.util.Locale.ROOT);
    }
    String digits = contact.replaceAll("[^0-9]", "");
    return digits.replaceFirst("^(62|0)0?", "");
  }
}
