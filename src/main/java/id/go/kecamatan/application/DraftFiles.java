package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.DraftRepository;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files step of a draft ({@link Drafts}): files stored per requirement of the draft's service,
 * within the limits per file, per requirement and per application, and removed one at a time; each
 * change is a save, after which the draft is kept for {@link Drafts#keep()}. Field error keys are
 * those of {@code messages/documents}, on fields {@code files[<requirementId>]}.
 */
@Service
public class DraftFiles {

  private final DraftRepository repository;
  private final Drafts drafts;
  private final Documents documents;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DraftFiles(
      DraftRepository repository,
      Drafts drafts,
      Documents documents,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.repository = repository;
    this.drafts = drafts;
    this.documents = documents;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** The documents of a draft, by id. */
  public Map<UUID, Document> documents(Draft draft) {
    Map<UUID, Document> byId = new LinkedHashMap<>();
    for (Document d : documents.findAll(draft.officeId(), draft.allFiles())) {
      byId.put(d.id(), d);
    }
    return byId;
  }

  /**
   * Stores files for one requirement of the draft's service, within the limits per file, per
   * requirement and per application. When one file is refused none of this upload is kept.
   *
   * @throws NotFoundException when the service has no such requirement
   */
  public Outcome<Draft> addFiles(Draft draft, UUID requirementId, List<Upload> uploads) {
    Drafts.requireOpen(draft);
    ServiceType service = drafts.service(draft);
    if (service.requirements().stream().noneMatch(r -> r.id().equals(requirementId))) {
      throw new NotFoundException();
    }
    String field = RequestUploads.field(requirementId);
    List<Upload> given = uploads.stream().filter(u -> u != null && u.chosen()).toList();
    if (given.isEmpty()) {
      return new Outcome<>(draft, new FieldErrors().reject(field, "documents.error.noFile"));
    }
    return transactions.execute(
        tx -> {
          Draft locked = repository.findForUpdate(draft.id()).orElseThrow(NotFoundException::new);
          Drafts.requireOpen(locked);
          long bytes = 0;
          for (Document d : documents.findAll(locked.officeId(), locked.allFiles())) {
            bytes += d.size();
          }
          int already = locked.files(requirementId).size();
          for (Upload upload : given) {
            Outcome<Document> stored =
                documents.store(locked.officeId(), new Slot(field, already, bytes), upload);
            if (!stored.ok()) {
              tx.setRollbackOnly();
              return new Outcome<>(locked, stored.errors());
            }
            repository.addFile(locked, requirementId, stored.value().id(), already++);
            bytes += stored.value().size();
          }
          Instant now = clock.instant();
          repository.touch(locked, now, now.plus(drafts.keep()));
          return Outcome.done(repository.find(locked.id()).orElseThrow());
        });
  }

  /**
   * Stores the files chosen for several requirements at once (the files step's one form), each
   * requirement like {@link #addFiles}: a requirement whose files are refused keeps none of them,
   * the others are stored. Requirements with no file chosen and ids the service does not have are
   * skipped.
   *
   * @param uploads by requirement id (lower case), as {@code files[<requirementId>]} parts
   * @return the draft afterwards, with the errors of the refused requirements
   */
  public Outcome<Draft> addChosenFiles(Draft draft, Map<String, List<Upload>> uploads) {
    Draft current = draft;
    FieldErrors errors = new FieldErrors();
    for (Requirement r : drafts.service(draft).requirements()) {
      List<Upload> chosen = uploads.getOrDefault(r.id().toString(), List.of());
      if (chosen.isEmpty()) {
        continue;
      }
      Outcome<Draft> stored = addFiles(current, r.id(), chosen);
      current = stored.value();
      errors.addAll(stored.errors());
    }
    return errors.any() ? new Outcome<>(current, errors) : Outcome.done(current);
  }

  /** Removes one file of the draft; false when the draft has no such file. */
  public boolean removeFile(Draft draft, UUID documentId) {
    Drafts.requireOpen(draft);
    return Boolean.TRUE.equals(
        transactions.execute(
            tx -> {
              // not while the same draft is being submitted (it reads the files under this lock)
              Draft locked =
                  repository.findForUpdate(draft.id()).orElseThrow(NotFoundException::new);
              Drafts.requireOpen(locked);
              if (!repository.removeFile(locked, documentId)) {
                return false;
              }
              documents.delete(draft.officeId(), documentId);
              Instant now = clock.instant();
              repository.touch(draft, now, now.plus(drafts.keep()));
              return true;
            }));
  }
}
