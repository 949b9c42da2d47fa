package id.go.kecamatan.documents.internal;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory for photos' pixels and JPEG bytes ({@link TurboJpeg}), kept between photos instead
 * of allocated and freed for each (ADR 0043). A photo's buffers are megabytes each (a 2,000 × 1,500
 * photo's pixels 9 MB); the C allocator hands such blocks to whichever of its arenas the request's
 * thread uses and, once freed, keeps most of them in that arena: with forty request threads taking
 * turns at the photos, a node held some 140-220 MiB of such freed memory it never gave back. Kept
 * here, the same few buffers serve every photo: a node holds what the photos being worked on at
 * once need, up to {@code keptBytes}, and no more.
 *
 * <p>Sizes are rounded up to whole mebibytes so that photos of about the same size share buffers. A
 * buffer is taken by one job at a time; what the previous photo left in it is overwritten before it
 * is read (callers read only what they wrote). Thread-safe.
 */
final class NativeBuffers {

  private static final long MEBIBYTE = 1024L * 1024;

  private final long keptBytes;
  private final List<Memory> free = new ArrayList<>(); // guarded by this
  private long freeBytes; // guarded by this

  /**
   * @param keptBytes how much memory the buffers given back may hold together; a buffer given back
   *     beyond it is freed
   */
  NativeBuffers(long keptBytes) {
    this.keptBytes = Math.max(0, keptBytes);
  }

  /**
   * A buffer of at least {@code bytes}, the smallest kept one that is large enough, or a new one.
   */
  Lease take(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a buffer of " + bytes + " bytes");
    }
    synchronized (this) {
      Memory best = null;
      for (Memory memory : free) {
        if (memory.size() >= bytes && (best == null || memory.size() < best.size())) {
          best = memory;
        }
      }
      if (best != null) {
        free.remove(best);
        freeBytes -= best.size();
        return new Lease(best);
      }
    }
    return new Lease(new Memory((bytes + MEBIBYTE - 1) / MEBIBYTE * MEBIBYTE));
  }

  private void giveBack(Memory memory) {
    synchronized (this) {
      if (freeBytes + memory.size() <= keptBytes) {
        free.add(memory);
        freeBytes += memory.size();
        return;
      }
    }
    memory.close();
  }

  /** The memory the buffers given back hold now. */
  synchronized long keptNow() {
    return freeBytes;
  }

  /** A buffer taken; closing it gives it back (once). */
  final class Lease implements AutoCloseable {
    private final Memory memory;
    private boolean closed;

    private Lease(Memory memory) {
      this.memory = memory;
    }

    /** The buffer; it may be larger than asked for. */
    Memory memory() {
      return memory;
    }

    /** Its first {@code length} bytes as a buffer of Java's. */
    ByteBuffer bytes(long length) {
      if (length > memory.size()) {
        throw new IndexOutOfBoundsException(length + " bytes of a buffer of " + memory.size());
      }
      return memory.getByteBuffer(0, length);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        giveBack(memory);
      }
    }
  }
}
