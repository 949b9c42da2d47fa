package id.go.kecamatan.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * Where the bytes of documents live (port): the local filesystem by default, object storage when
 * several nodes serve the application. A blob is written once and never changed; it is named by an
 * opaque key that the store generates, never by anything a user typed.
 */
public interface BlobStore {

  /**
   * Stores every byte of the stream under a new key. The blob appears under its key only when it is
   * complete: a failure or a crash part-way leaves nothing under any key.
   *
   * @param content read to its end; not closed
   * @return the new key: lowercase letters and digits only, unguessable
   * @throws IOException when the bytes could not be stored (nothing is stored then)
   */
  String put(InputStream content) throws IOException;

  /**
   * The bytes stored under a key; the caller closes the stream.
   *
   * @throws NoSuchFileException when nothing is stored under the key, or the key is malformed
   */
  InputStream open(String key) throws IOException;

  /**
   * Removes a blob. Removing a key that holds nothing is not an error.
   *
   * @return whether something was removed
   */
  boolean delete(String key) throws IOException;

  /** Whether something is stored under the key; false for a malformed key. */
  boolean exists(String key);
}
