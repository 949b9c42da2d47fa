package id.go.kecamatan.application;

import id.go.kecamatan.shared.web.CampaignTag;
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
 * @param channel {@code ONLINE} for a resident's own draft; {@code COUNTER} or {@code VILLAGE} for
 *     a draft an officer fills in for a resident (assisted intake), which has no use for its resume
 *     code and is opened only by officers of its office
 * @param assistedBy the officer of an assisted draft, otherwise {@code null}
 * @param campaign the short code of the poster or message the resident came from ({@link
 *     id.go.kecamatan.shared.web.CampaignTag}), or {@code null}; carried into {@link DraftStarted}
 *     and {@link DraftSubmitted} so the code's figures count it
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
    Instant expiresAt,
    Channel channel,
    AssistingOfficer assistedBy,
    String campaign) {

  public Draft {
    campaign = CampaignTag.orNull(campaign);
    files = files == null ? Map.of() : Map.copyOf(files);
    channel = channel == null ? Channel.ONLINE : channel;
    if (channel.assisted() != (assistedBy != null)) {
      throw new IllegalArgumentException("An assisted channel goes with its officer");
    }
  }

  /** Whether an officer fills in this draft for a resident (counter or village office). */
  public boolean assisted() {
    return channel.assisted();
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
