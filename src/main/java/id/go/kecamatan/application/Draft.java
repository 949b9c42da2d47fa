package id.go.kecamatan.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draft (draf permohonan): an online application a resident is still filling in, saved at every
 * step. Identity and answers are kept as typed (null until their step was saved once), so a
 * resident who comes back sees what they wrote, mistakes included; they are checked again when the
 * draft is submitted.
 *
 * @param resumeCode the code to open the draft again on any device (kode lanjutkan), 8 characters
 * @param files the stored documents per requirement id, in upload order
 * @param applicationId the application it became, or null while not submitted
 */
public record Draft(
    UUID id,
    UUID officeId,
    UUID serviceId,
    String resumeCode,
    ApplicantForm identity,
    Map<String, List<String>> answers,
    Map<UUID, List<UUID>> files,
    ApplicationId applicationId,
    Instant updatedAt,
    Instant expiresAt) {

  public Draft {
    files = files == null ? Map.of() : Map.copyOf(files);
  }

  public boolean submitted() {
    return applicationId != null;
  }

  /** The resume code as shown, in two groups: {@code ABCD-EFGH}. */
  public String displayedResumeCode() {
    return resumeCode.substring(0, 4) + "-" + resumeCode.substring(4);
  }

  /** The files of one requirement. */
  public List<UUID> files(UUID requirementId) {
    return files.getOrDefault(requirementId, List.of());
  }

  /** Every file of the draft. */
  public List<UUID> allFiles() {
    return files.values().stream().flatMap(List::stream).toList();
  }
}
