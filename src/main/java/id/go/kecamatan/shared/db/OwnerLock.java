package id.go.kecamatan.shared.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the application that started the embedded PostgreSQL of a data directory is alive: the
 * embedded library locks {@code epg-lock} there for as long as its JVM runs, and the operating
 * system releases the lock when that JVM ends, also with {@code kill -9}.
 *
 * <p>The probe keeps its channel open for the life of the JVM: on Linux, closing any descriptor of
 * a file drops every lock the process holds on it, so closing the probe would silently unlock a
 * server this JVM runs on the same directory.
 */
final class OwnerLock {

  static final String FILE = "epg-lock";

  private static final Map<Path, Probe> PROBES = new HashMap<>();

  private OwnerLock() {}

  /** True while a live process, this JVM included, holds the data directory's lock. */
  static synchronized boolean held(Path dataDir) throws IOException {
    FileChannel probe = probe(dataDir.resolve(FILE).toAbsolutePath().normalize());
    try {
      FileLock lock = probe.tryLock();
      if (lock == null) {
        return true; // another process holds it
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException ownedByThisJvm) {
      return true;
    }
  }

  /**
   * The probe's channel on the lock file, opened once per file. A data directory that was deleted
   * and made again (a clean test database) has a new lock file: the channel on the old one is
   * closed (it holds no lock on the new file) and a new one opened.
   */
  private static FileChannel probe(Path lockFile) throws IOException {
    Object fileKey = fileKey(lockFile);
    Probe known = PROBES.get(lockFile);
    if (known != null && fileKey != null && fileKey.equals(known.fileKey())) {
      return known.channel();
    }
    FileChannel opened =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    Probe replaced = PROBES.put(lockFile, new Probe(opened, fileKey(lockFile)));
    if (replaced != null) {
      replaced.channel().close();
    }
    return opened;
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readAttributes(file, BasicFileAttributes.class).fileKey()
        : null;
  }

  private record Probe(FileChannel channel, Object fileKey) {}
}
