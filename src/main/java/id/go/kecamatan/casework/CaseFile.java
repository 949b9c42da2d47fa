package id.go.kecamatan.casework;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything an officer sees of one application: the applicant, the answers under the labels of the
 * service's form, each requirement with its files and its current check, the history of the checks,
 * the internal notes and who works on it.
 *
 * @param removedRequirementFiles the files the applicant sent for requirements the administrator
 *     has since removed from the service: shown to be opened, not checked, not needed to approve
 * @param finishedAt when it was approved or rejected, else {@code null}
 * @param metDeadline whether it was finished on or before its deadline, else {@code null}
 * @param firstCheck the first check when the service has a second check, else {@code null}
 */
public record CaseFile(
    Application application,
    ServiceType service,
    String villageName,
    List<Answer> answers,
    List<Item> items,
    List<Document> removedRequirementFiles,
    List<Check> checks,
    List<Note> notes,
    UUID assigneeId,
    String assigneeName,
    Instant finishedAt,
    Boolean metDeadline,
    FirstCheck firstCheck) {

  /**
   * The first check of an application whose service has a second check: the officer who approved it
   * first, and when.
   */
  public record FirstCheck(UUID staffId, Instant at, String by) {}

  /**
   * Whether the application waits for its second check (menunggu pemeriksaan kedua): in review, its
   * service has a second check and the first is recorded.
   */
  public boolean awaitingSecondCheck() {
    return firstCheck != null
        && service.hasSecondCheck()
        && application.status() == id.go.kecamatan.application.ApplicationStatus.IN_REVIEW;
  }

  /** One answer: the question as the form asks it and the answer as given. */
  public record Answer(String label, String value) {}

  /** A requirement with the documents kept for it and its current (latest) check, if any. */
  public record Item(Requirement requirement, List<Document> documents, Check check) {

    public boolean accepted() {
      return check != null && check.accepted();
    }

    public boolean rejected() {
      return check != null && !check.accepted();
    }
  }

  /** A check of one requirement: accepted, or rejected with the reason the resident reads. */
  public record Check(
      UUID requirementId,
      String requirementName,
      boolean accepted,
      String reason,
      Instant at,
      String by) {}

  /** An internal note of an officer; never shown to the resident. */
  public record Note(String body, Instant at, String by) {}

  /** Whether every requirement with files is accepted (and at least one has files). */
  public boolean readyToApprove() {
    List<Item> withFiles = items.stream().filter(i -> !i.documents().isEmpty()).toList();
    return !withFiles.isEmpty() && withFiles.stream().allMatch(Item::accepted);
  }

  /** Whether any requirement is currently rejected. */
  public boolean anyRejected() {
    return items.stream().anyMatch(Item::rejected);
  }
}
