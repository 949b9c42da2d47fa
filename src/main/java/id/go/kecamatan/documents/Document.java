package id.go.kecamatan.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document (berkas) of an office, as kept: for a photo, the re-encoded image; for a PDF,
 * the bytes exactly as uploaded.
 *
 * @param name the uploaded file name cleaned for display (no path, no control characters, at most
 *     {@value id.go.kecamatan.documents.internal.FileNames#MAX_LENGTH} characters); a photo's
 *     extension follows its stored type
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 * @param size bytes stored
 * @param sha256 lowercase hex SHA-256 of the bytes stored
 * @param width pixels of a photo as stored; null for a PDF
 * @param height pixels of a photo as stored; null for a PDF
 * @param hasThumbnail whether a small preview (longest side 320 px) is kept
 */
public record Document(
    UUID id,
    UUID officeId,
    String name,
    String contentType,
    long size,
    String sha256,
    Integer width,
    Integer height,
    boolean hasThumbnail,
    Instant createdAt) {

  public boolean image() {
    return contentType.startsWith("image/");
  }
}
