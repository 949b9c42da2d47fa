package id.go.kecamatan.letters.internal;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.internal.numbering.LetterNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued letters ({@code letter}, written at signing) with their application's tracking code
 * and status. Every query of one office's letters filters by {@code office_id}; only the public
 * verification looks a letter up by its unguessable code alone.
 */
@Repository
public class LetterRepository {

  private static final String COLUMNS =
      """
      l.id, l.office_id, l.application_id, a.tracking_code, a.status, l.number,
      l.verification_code, l.sha256, l.service_name, l.applicant_name, l.letter_date, l.signed_at,
      l.signer_name, l.signer_nip, l.signer_position, l.revoked_at,
      (select s.full_name from staff s where s.id = l.revoked_by), l.revocation_reason, l.scans,
      l.last_scanned_at
      """;

  private static final String FROM =
      " from letter l join application a on a.id = l.application_id and a.office_id = l.office_id ";

  private final JdbcClient jdbc;
  private final GeneratedFiles files;

  LetterRepository(JdbcClient jdbc, GeneratedFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  /** The letter with this verification code, without counting a scan. */
  public Optional<IssuedLetter> byCode(String code) {
    return jdbc.sql("select " + COLUMNS + FROM + "where l.verification_code = ?")
        .param(code)
        .query(LetterRepository::row)
        .optional();
  }

  /**
   * Counts one opening of the verification page (one atomic update, safe under concurrent scans)
   * and returns the letter as it is afterwards.
   */
  public Optional<IssuedLetter> scan(String code, Instant at) {
    int updated =
        jdbc.sql(
                "update letter set scans = scans + 1, last_scanned_at = ? "
                    + "where verification_code = ?")
            .params(Timestamp.from(at), code)
            .update();
    return updated == 0 ? Optional.empty() : byCode(code);
  }

  public Optional<IssuedLetter> byId(UUID officeId, UUID id) {
    return jdbc.sql("select " + COLUMNS + FROM + "where l.office_id = ? and l.id = ?")
        .params(officeId, id)
        .query(LetterRepository::row)
        .optional();
  }

  public Optional<IssuedLetter> byApplication(UUID officeId, UUID applicationId) {
    return jdbc.sql("select " + COLUMNS + FROM + "where l.office_id = ? and l.application_id = ?")
        .params(officeId, applicationId)
        .query(LetterRepository::row)
        .optional();
  }

  /** The letter of the application with this (normalised) tracking code, of any office. */
  public Optional<IssuedLetter> byTrackingCode(String trackingCode) {
    return jdbc.sql("select " + COLUMNS + FROM + "where a.tracking_code = ?")
        .param(trackingCode)
        .query(LetterRepository::row)
        .optional();
  }

  /** The letters of the applications with these (normalised) tracking codes, of any office. */
  public List<IssuedLetter> byTrackingCodes(Collection<String> trackingCodes) {
    if (trackingCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + FROM + "where a.tracking_code in (:codes)")
        .param("codes", trackingCodes)
        .query(LetterRepository::row)
        .list();
  }

  /**
   * The signed PDF of one office's letter, from the blob store (or, for a letter issued before they
   * moved there and not yet moved by {@code documents.internal.InlineFileMove}, from its row).
   */
  public Optional<byte[]> pdf(UUID officeId, UUID id) {
    record Stored(byte[] pdf, String key) {}
    return jdbc.sql("select pdf, pdf_key from letter where office_id = ? and id = ?")
        .params(officeId, id)
        .query((rs, i) -> new Stored(rs.getBytes(1), rs.getString(2)))
        .optional()
        .map(stored -> stored.pdf() != null ? stored.pdf() : files.read(stored.key()));
  }

  /**
   * One page of an office's letters, newest signed first, after the keyset ({@code afterSignedAt},
   * {@code afterId}) when given; {@code limit + 1} rows are read so the caller knows whether more
   * follow.
   *
   * @param search matched as part of the number, as the whole tracking code, or as the start of the
   *     resident's name (case-insensitive); {@code null} for all
   */
  public List<IssuedLetter> page(
      UUID officeId, String search, Instant afterSignedAt, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + FROM + "where l.office_id = :office");
    if (search != null) {
      sql.append(
          """
           and (upper(l.number) like :contains escape '\\'
                or a.tracking_code = :code
                or lower(l.applicant_name) like :prefix escape '\\'
                or lower(l.applicant_name) like :wordPrefix escape '\\')
          """);
    }
    if (afterSignedAt != null && afterId != null) {
      sql.append(" and (l.signed_at, l.id) < (:afterAt, :afterId)");
    }
    sql.append(" order by l.signed_at desc, l.id desc limit :limit");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString()).param("office", officeId).param("limit", limit + 1);
    if (search != null) {
      String like = escapeLike(search);
      statement =
          statement
              .param("contains", "%" + like.toUpperCase(java.util.Locale.ROOT) + "%")
              .param("code", search.toUpperCase(java.util.Locale.ROOT).replace(" ", ""))
              .param("prefix", like.toLowerCase(java.util.Locale.ROOT) + "%")
              .param("wordPrefix", "% " + like.toLowerCase(java.util.Locale.ROOT) + "%");
    }
    if (afterSignedAt != null && afterId != null) {
      statement =
          statement.param("afterAt", Timestamp.from(afterSignedAt)).param("afterId", afterId);
    }
    return statement.query(LetterRepository::row).list();
  }

  /**
   * A letter as its signing records it.
   *
   * @param pdf the signed PDF, already in the blob store
   * @param capacity how the signer signed ({@code Signatory.Capacity}'s name)
   */
  public record NewLetter(
      UUID id,
      UUID officeId,
      UUID applicationId,
      UUID serviceId,
      LetterNumber number,
      String verificationCode,
      GeneratedFiles.Stored pdf,
      String serviceName,
      String applicantName,
      LocalDate letterDate,
      Instant signedAt,
      UUID signedBy,
      String signerName,
      String signerNip,
      String signerPosition,
      String capacity) {}

  /** Records a signed letter (in the transaction that takes its number). */
  public void insert(NewLetter letter) {
    jdbc.sql(
            """
            insert into letter
              (id, office_id, application_id, service_id, number, number_scope,
               number_year, number_sequence, verification_code, sha256, pdf_key, service_name,
               applicant_name, letter_date, signed_at, signed_by, signer_name, signer_nip,
               signer_position, capacity)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            letter.id(),
            letter.officeId(),
            letter.applicationId(),
            letter.serviceId(),
            letter.number().text(),
            letter.number().scope(),
            letter.number().year(),
            letter.number().sequence(),
            letter.verificationCode(),
            letter.pdf().sha256(),
            letter.pdf().key(),
            letter.serviceName(),
            letter.applicantName(),
            java.sql.Date.valueOf(letter.letterDate()),
            Timestamp.from(letter.signedAt()),
            letter.signedBy(),
            letter.signerName(),
            letter.signerNip(),
            letter.signerPosition(),
            letter.capacity())
        .update();
  }

  /**
   * Revokes a letter that is not revoked yet.
   *
   * @return false when it was revoked already (or does not exist in this office)
   */
  public boolean revoke(UUID officeId, UUID id, UUID staffId, String reason, Instant at) {
    return jdbc.sql(
                """
                update letter set revoked_at = ?, revoked_by = ?, revocation_reason = ?
                where office_id = ? and id = ? and revoked_at is null
                """)
            .params(Timestamp.from(at), staffId, reason, officeId, id)
            .update()
        == 1;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static IssuedLetter row(ResultSet rs, int i) throws SQLException {
    return new IssuedLetter(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        ApplicationStatus.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getObject(11, LocalDate.class),
        rs.getTimestamp(12).toInstant(),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        instant(rs.getTimestamp(16)),
        rs.getString(17),
        rs.getString(18),
        rs.getInt(19),
        instant(rs.getTimestamp(20)));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
