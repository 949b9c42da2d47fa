package id.go.kecamatan.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the letter (surat) issued for an application was revoked (dicabut). The {@code letters}
 * module answers it: it reads applications, so this module cannot read letters; every view of an
 * application's status asks through this port so that none keeps saying "issued" after a
 * revocation.
 */
public interface LetterRevocations {

  /** The revocation of the letter of one office's application; empty while it is valid or none. */
  Optional<Revocation> of(UUID officeId, ApplicationId applicationId);

  /**
   * A revoked letter.
   *
   * @param at when the office admin revoked it
   * @param reason why, in the office admin's words
   */
  record Revocation(Instant at, String reason) {}
}
