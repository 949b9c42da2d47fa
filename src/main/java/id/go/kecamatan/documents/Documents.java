package id.go.kecamatan.documents;

import id.go.kecamatan.documents.internal.FileNames;
import id.go.kecamatan.documents.internal.Intake;
import id.go.kecamatan.documents.internal.Refusal;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents (berkas) of an office: storing an upload, finding, opening, serving and deleting it.
 * Every method takes the office and never sees another office's documents: an id of another office
 * behaves like an unknown id.
 *
 * <p>Blobs and rows are kept in step with the caller's transaction, if there is one: the blobs of a
 * document stored in a transaction that rolls back are removed, and the blobs of a deleted document
 * are removed only once the deletion has committed.
 */
@Service
public class Documents {

  private static final Logger log = LoggerFactory.getLogger(Documents.class);

  private static final String COLUMNS =
      "id, office_id, name, content_type, size_bytes, sha256, width, height, thumbnail_key is not null as has_thumbnail, created_at";

  private final JdbcClient jdbc;
  private final Intake intake;
  private final BlobStore blobs;
  private final Clock clock;

  Documents(JdbcClient jdbc, Intake intake, BlobStore blobs, Clock clock) {
    this.jdbc = jdbc;
    this.intake = intake;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** The limits every upload is checked against, for forms and for checks before uploading. */
  public DocumentLimits limits() {
    return intake.limits();
  }

  /**
   * Stores one upload for a slot of an application, or says why not, as an error of the slot's
   * field (a message key of {@code messages/documents}). What decides is the file's content, never
   * its name or declared type:
   *
   * <ul>
   *   <li>at most {@link DocumentLimits#maxFileBytes()} are read; the stream is never held in
   *       memory;
   *   <li>JPEG, PNG, WebP and HEIC/HEIF photos are re-encoded (upright, longest side capped, no
   *       metadata at all) with a thumbnail; PDFs must open without a password and are kept byte
   *       for byte; anything else is refused;
   *   <li>the slot may hold at most {@link DocumentLimits#maxFilesPerSlot()} documents and the
   *       application at most {@link DocumentLimits#maxBytesPerApplication()} bytes as stored.
   * </ul>
   *
   * Error keys: {@code documents.error.noFile}, {@code .empty}, {@code .tooBig}, {@code .type},
   * {@code .password}, {@code .unreadable}, {@code .dimensions}, {@code .depth}, {@code .heic},
   * {@code .busy}, {@code .tooMany}, {@code .total}, {@code .failed}. A refused upload leaves
   * nothing stored.
   *
   * @param officeId the office the document belongs to
   */
  public Outcome<Document> store(UUID officeId, Slot slot, Upload upload) {
    Outcome<StagedDocument> staged = stage(slot, upload);
    if (!staged.ok()) {
      return Outcome.failed(staged.errors());
    }
    return Outcome.done(record(officeId, List.of(staged.value())).get(0));
  }

  /**
   * Takes an upload into the blob store as {@link #store} does, with the same checks and error
   * keys, but makes no document of it yet and touches no database: the decoding, re-encoding,
   * hashing and writing run without a connection. Hand the result to {@link #record} in the
   * transaction that keeps it, or to {@link #discard} when it is not kept.
   */
  public Outcome<StagedDocument> stage(Slot slot, Upload upload) {
    Intake.Accepted accepted;
    try {
      accepted = intake.take(upload, slot);
    } catch (Refusal refusal) {
      return Outcome.failed(new FieldErrors().reject(slot.field(), refusal.key(), refusal.args()));
    }
    String name = FileNames.clean(upload.originalName());
    if (!"pdf".equals(accepted.extension())) {
      name = FileNames.withExtension(name, accepted.extension());
    }
    return Outcome.done(new StagedDocument(accepted, name));
  }

  /**
   * Makes documents of this office of staged uploads, in one statement, in the caller's transaction
   * if there is one: when it rolls back (or the statement fails), the staged blobs are removed.
   * Each staged upload is recorded at most once.
   *
   * @return the documents, in the order given
   */
  public List<Document> record(UUID officeId, List<StagedDocument> staged) {
    if (staged.isEmpty()) {
      return List.of();
    }
    // as PostgreSQL keeps it (microseconds), so the document returned equals the one read later
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Document> documents = new ArrayList<>(staged.size());
    List<Object> params = new ArrayList<>(staged.size() * 11);
    StringBuilder rows = new StringBuilder();
    for (StagedDocument s : staged) {
      Intake.Accepted a = s.accepted;
      UUID id = UUID.randomUUID();
      rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      params.addAll(
          Arrays.asList(
              id,
              officeId,
              a.blobKey(),
              a.thumbnailKey(),
              s.name,
              a.contentType(),
              a.size(),
              a.sha256(),
              a.width(),
              a.height(),
              Timestamp.from(now)));
      documents.add(
          new Document(
              id,
              officeId,
              s.name,
              a.contentType(),
              a.size(),
              a.sha256(),
              a.width(),
              a.height(),
              a.thumbnailKey() != null,
              now));
    }
    try {
      jdbc.sql(
              """
              insert into document (id, office_id, blob_key, thumbnail_key, name, content_type,
                size_bytes, sha256, width, height, created_at)
              values\s"""
                  + rows)
          .params(params)
          .update();
    } catch (RuntimeException e) {
      discard(staged);
      throw e;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                discard(staged);
              }
            }
          });
    }
    return documents;
  }

  /**
   * Removes the blobs of staged uploads that will not become documents (the submission they came
   * with was refused or failed). Harmless for blobs removed already.
   */
  public void discard(Collection<StagedDocument> staged) {
    for (StagedDocument s : staged) {
      removeBlobs(s.accepted.blobKey(), s.accepted.thumbnailKey());
    }
  }

  /**
   * Redraws an uploaded picture that is kept outside the document store (an office logo) as a PNG
   * of at most {@code maxSide} pixels on its longest side, or says why not, as an error of {@code
   * field}. The same rules hold as for photos: the type is decided by content (JPEG or PNG), the
   * header's dimensions and colour depth are checked before any pixel is decoded (a decompression
   * bomb is refused), and the work takes its turn in the process-wide bound on image work.
   *
   * <p>Error keys: {@code documents.error.type}, {@code .dimensions}, {@code .depth}, {@code
   * .unreadable}, {@code .busy}, {@code .failed}.
   */
  public Outcome<Picture> picture(String field, byte[] bytes, int maxSide) {
    try {
      var redrawn = intake.redrawPicture(bytes, maxSide);
      return Outcome.done(new Picture(redrawn.bytes(), redrawn.width(), redrawn.height()));
    } catch (Refusal refusal) {
      return Outcome.failed(new FieldErrors().reject(field, refusal.key(), refusal.args()));
    }
  }

  /** A document of this office; empty for an unknown id or another office's. */
  public Optional<Document> find(UUID officeId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from document where office_id = ? and id = ?")
        .params(officeId, id)
        .query(Documents::document)
        .optional();
  }

  /** The documents of this office among the ids, oldest first; others' ids are left out. */
  public List<Document> findAll(UUID officeId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from document where office_id = :office and id = any(:ids) order by created_at, id")
        .param("office", officeId)
        .param("ids", ids.toArray(UUID[]::new))
        .query(Documents::document)
        .list();
  }

  /**
   * The stored bytes of a document; the caller closes the stream.
   *
   * @throws NotFoundException for an unknown id, another office's, or a missing blob
   */
  public InputStream open(UUID officeId, UUID id) {
    return openKey(key(officeId, id, "blob_key"));
  }

  /**
   * The thumbnail of a photo (same type as the photo); the caller closes the stream.
   *
   * @throws NotFoundException for an unknown id, another office's, or a PDF
   */
  public InputStream openThumbnail(UUID officeId, UUID id) {
    return openKey(key(officeId, id, "thumbnail_key"));
  }

  /**
   * The document as a download for staff ({@code Content-Disposition: attachment}), see {@link
   * DocumentResponses#attachment}.
   *
   * @throws NotFoundException for an unknown id or another office's
   */
  public ResponseEntity<InputStreamResource> download(UUID officeId, UUID id) {
    Document document = find(officeId, id).orElseThrow(NotFoundException::new);
    return DocumentResponses.attachment(document, open(officeId, id));
  }

  /**
   * The thumbnail of a photo shown inline, see {@link DocumentResponses#thumbnail}.
   *
   * @throws NotFoundException for an unknown id, another office's, or a PDF
   */
  public ResponseEntity<InputStreamResource> thumbnail(UUID officeId, UUID id) {
    Document document = find(officeId, id).orElseThrow(NotFoundException::new);
    return DocumentResponses.thumbnail(document, openThumbnail(officeId, id));
  }

  /**
   * Deletes a document: its row, its blob and its thumbnail (the blobs after the caller's
   * transaction commits, if there is one). For the purge of abandoned drafts and for a resident
   * removing a file before submitting.
   *
   * @return false when there was no such document of this office
   */
  public boolean delete(UUID officeId, UUID id) {
    Optional<String[]> keys =
        jdbc.sql(
                "delete from document where office_id = ? and id = ? returning blob_key, thumbnail_key")
            .params(officeId, id)
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (keys.isEmpty()) {
      return false;
    }
    String[] k = keys.get();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              removeBlobs(k[0], k[1]);
            }
          });
    } else {
      removeBlobs(k[0], k[1]);
    }
    return true;
  }

  private String key(UUID officeId, UUID id, String column) {
    // The column is one of two constants of this class, never user input.
    return jdbc.sql(
            "select "
                + column
                + " from document where office_id = ? and id = ? and "
                + column
                + " is not null")
        .params(officeId, id)
        .query(String.class)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  private InputStream openKey(String key) {
    try {
      return blobs.open(key);
    } catch (IOException e) {
      throw new NotFoundException();
    }
  }

  private void removeBlobs(String... keys) {
    Stream.of(keys)
        .filter(k -> k != null)
        .forEach(
            k -> {
              try {
                blobs.delete(k);
              } catch (IOException e) {
                // An orphan blob is harmless and holds no row; it is logged by key only.
                log.warn("Could not delete blob {}", k, e);
              }
            });
  }

  private static Document document(ResultSet rs, int row) throws SQLException {
    return new Document(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        (Integer) rs.getObject("width"),
        (Integer) rs.getObject("height"),
        rs.getBoolean("has_thumbnail"),
        rs.getTimestamp("created_at").toInstant());
  }
}
