package id.go.kecamatan.documents.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** A blob store whose orphans {@link OrphanBlobSweep} can find: both stores of this module. */
interface SweepableStore {

  /** Receives one page of keys; may delete them. */
  @FunctionalInterface
  interface Page {
    void accept(List<String> keys) throws IOException;
  }

  /**
   * Hands the keys of the blobs stored before the instant to {@code page}, at most {@code size} at
   * a time, so that a store of millions of blobs is walked without holding all its keys.
   */
  void keysStoredBefore(Instant instant, int size, Page page) throws IOException;

  /**
   * Removes the blobs under these keys (a page from {@link #keysStoredBefore}).
   *
   * @return how many were removed (or asked to be, where the store does not say)
   */
  int removeAll(List<String> keys) throws IOException;

  /**
   * Removes what uploads that never finished left before the instant (half-written files,
   * unfinished multipart uploads).
   *
   * @return how many were removed
   */
  int removePartsBefore(Instant instant) throws IOException;
}
