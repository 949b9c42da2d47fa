package id.go.kecamatan.letters.internal.signing;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signers' stored keys ({@code signing_key}), always looked up within an office. */
@Repository
public class SigningKeyStore {

  /**
   * A signer's stored key.
   *
   * @param sealedKey the PKCS#8 private key sealed under the passphrase ({@link KeySealing})
   */
  public record StoredKey(
      UUID staffId,
      UUID officeId,
      X509Certificate certificate,
      byte[] sealedKey,
      Instant createdAt,
      Instant replacedAt) {}

  private final JdbcClient jdbc;

  SigningKeyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The context a signer's key is sealed with: it cannot be moved to another signer's row. */
  public static String sealingContext(UUID staffId) {
    return "signing-key:" + staffId;
  }

  public Optional<StoredKey> find(UUID officeId, UUID staffId) {
    return jdbc.sql(
            """
            select staff_id, office_id, certificate, sealed_key, created_at, replaced_at
            from signing_key where office_id = ? and staff_id = ?
            """)
        .params(officeId, staffId)
        .query(
            (rs, i) ->
                new StoredKey(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    CertificateAuthority.certificate(rs.getBytes(3)),
                    rs.getBytes(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /**
   * Stores a new key, or replaces the signer's key.
   *
   * @return whether a key was replaced
   */
  public boolean save(
      UUID officeId, UUID staffId, X509Certificate certificate, byte[] sealedKey, Instant now) {
    return jdbc.sql(
            """
            insert into signing_key (staff_id, office_id, certificate, sealed_key, created_at)
            values (?, ?, ?, ?, ?)
            on conflict (staff_id) do update
              set certificate = excluded.certificate, sealed_key = excluded.sealed_key,
                  replaced_at = excluded.created_at
              where signing_key.office_id = excluded.office_id
            returning replaced_at is not null
            """)
        .params(
            staffId,
            officeId,
            CertificateAuthority.encoded(certificate),
            sealedKey,
            Timestamp.from(now))
        .query(Boolean.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException("The signer belongs to another office"));
  }

  public Optional<String> nik(UUID officeId, UUID staffId) {
    return jdbc.sql("select nik from signing_remote_identity where office_id = ? and staff_id = ?")
        .params(officeId, staffId)
        .query(String.class)
        .optional();
  }

  public void saveNik(UUID officeId, UUID staffId, String nik, Instant now) {
    jdbc.sql(
            """
            insert into signing_remote_identity (staff_id, office_id, nik, updated_at)
            values (?, ?, ?, ?)
            on conflict (staff_id) do update set nik = excluded.nik, updated_at = excluded.updated_at
              where signing_remote_identity.office_id = excluded.office_id
            """)
        .params(staffId, officeId, nik, Timestamp.from(now))
        .update();
  }
}
