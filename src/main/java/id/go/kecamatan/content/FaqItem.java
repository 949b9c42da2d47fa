package id.go.kecamatan.content;

import java.time.Instant;
import java.util.UUID;

/**
 * A frequently asked question (tanya jawab) with its answer: an office's, or its regency's for all
 * its offices ({@code officeId} null).
 *
 * @param serviceCode the code of the service it is about, or null for a general question
 * @param adaptsId for an office's copy of a regency item, the regency item it stands in for
 * @param hidden for a regency item seen by an office, whether that office hides it
 */
public record FaqItem(
    UUID id,
    UUID regencyId,
    UUID officeId,
    String serviceCode,
    String question,
    String answer,
    UUID adaptsId,
    Instant updatedAt,
    String updatedBy,
    int version,
    boolean hidden) {

  /** Whether the regency wrote it, for all its offices. */
  public boolean regencyWide() {
    return officeId == null;
  }
}
