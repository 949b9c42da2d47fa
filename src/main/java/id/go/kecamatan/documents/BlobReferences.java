package id.go.kecamatan.documents;

import java.util.Collection;
import java.util.Set;

/**
 * A module that keeps blob keys in its own rows (documents, signed letters) says which keys it
 * still holds, so that the sweep of orphan blobs never removes one of them. Every module that
 * stores blobs implements it as a bean; the sweep removes a blob only when no implementation holds
 * it.
 */
public interface BlobReferences {

  /** Those of the keys that a row of this module names (a batch of at most a few hundred). */
  Set<String> held(Collection<String> keys);
}
