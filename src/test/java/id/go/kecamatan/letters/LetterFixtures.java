package id.go.kecamatan.letters;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Approved applications and signed-in officers of the demo offices, for letters tests. */
public final class LetterFixtures {

  /** The passphrase of every demo signer's key. */
  public static final String PASSPHRASE = "Demo-Kecamatan-2026";

  private final CaseworkFixtures casework;
  private final Decisions decisions;
  private final JdbcClient jdbc;

  public LetterFixtures(Applications applications, Decisions decisions, JdbcClient jdbc) {
    this.casework = new CaseworkFixtures(applications, jdbc);
    this.decisions = decisions;
    this.jdbc = jdbc;
  }

  public UUID office(String code) {
    return casework.office(code);
  }

  /** An approved online Domisili application of the office, waiting for its letter. */
  public Application approved(UUID officeId, String name) {
    UUID village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(officeId)
            .query(UUID.class)
            .single();
    Application submitted = casework.domisili(officeId, village, name);
    decisions.startReview(officeId, submitted.id(), "Verifikator");
    return decisions.approve(officeId, submitted.id(), "Verifikator");
  }

  /** The officer of this staff account as Spring Security would see it. */
  public Officer officer(String username) {
    return jdbc.sql(
            """
            select s.id, s.username, s.full_name, s.regency_id, s.office_id, s.village_id, s.roles
            from staff s where s.username = ?
            """)
        .param(username)
        .query(
            (rs, n) ->
                new Officer(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("full_name"),
                    rs.getObject("regency_id", UUID.class),
                    rs.getObject("office_id", UUID.class),
                    rs.getObject("village_id", UUID.class),
                    roles(rs.getString("roles"))))
        .single();
  }

  private static Set<Role> roles(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Role::valueOf)
        .collect(Collectors.toSet());
  }

  /** The letter of an application: number, signer position and PDF. */
  public record IssuedLetter(String number, int sequence, String position, byte[] pdf) {}

  public IssuedLetter letterOf(ApplicationId id) {
    return jdbc.sql(
            "select number, number_sequence, signer_position, pdf from letter where application_id = ?")
        .param(id.value())
        .query(
            (rs, n) ->
                new IssuedLetter(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
        .single();
  }

  /** The highest sequence number issued in the office this year, 0 for none. */
  public int lastSequence(UUID officeId) {
    return jdbc.sql(
            "select coalesce(max(number_sequence), 0) from letter where office_id = ? and number_year = extract(year from now())")
        .param(officeId)
        .query(Integer.class)
        .single();
  }
}
