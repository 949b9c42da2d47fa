package id.go.kecamatan.documents;

import id.go.kecamatan.shared.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files the system makes (signed letters) kept in the same blob store as the uploads, so that every
 * node reads them from the filesystem or the bucket instead of the database. The caller keeps the
 * returned key in its own row and names it through a {@link BlobReferences} bean; a file stored in
 * a transaction that rolls back is removed again, and one left by a crash is removed by the sweep
 * of orphan blobs.
 */
@Service
public class GeneratedFiles {

  private static final Logger log = LoggerFactory.getLogger(GeneratedFiles.class);

  /** Where a file was stored and the SHA-256 of what the store holds. */
  public record Stored(String key, String sha256) {}

  private final BlobStore blobs;

  GeneratedFiles(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * Stores the bytes under a new key; within a transaction the file is removed again if that
   * transaction does not commit.
   *
   * @throws UncheckedIOException when the store fails (nothing is stored then)
   */
  public Stored store(byte[] bytes) {
    String key;
    try {
      key = blobs.put(new ByteArrayInputStream(bytes), bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                remove(key);
              }
            }
          });
    }
    return new Stored(key, sha256(bytes));
  }

  /**
   * The stored bytes, read whole (generated files are small: a signed letter is some hundred KB).
   *
   * @throws UncheckedIOException when nothing is stored under the key or the store fails
   */
  public byte[] read(String key) {
    try (InputStream in = blobs.open(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a file, at once (a file of no row, or one whose row is gone). */
  public void remove(String key) {
    try {
      blobs.delete(key);
    } catch (IOException | RuntimeException e) {
      // the sweep of orphan blobs takes it later; logged by key only
      log.warn("Could not delete blob {}: {}", key, e.toString());
    }
  }

  /** The SHA-256 of the bytes, in lowercase hex. */
  public static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
