package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under one directory: {@code <root>/<first two characters of the key>/<key>}. A
 * blob is written to {@code <root>/.incoming/}, forced to disk, then renamed atomically into place,
 * so a key never names half a file. Leftovers of a crash in {@code .incoming} older than a day are
 * removed at start-up, and by {@link OrphanBlobSweep} while the node runs, with the blobs that no
 * document names (their transaction never committed).
 */
public class FileSystemBlobStore implements BlobStore, SweepableStore {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Path incoming;

  public FileSystemBlobStore(Path root) {
    try {
      this.root = Files.createDirectories(root).toRealPath();
      this.incoming = Files.createDirectories(this.root.resolve(".incoming"));
      removeLeftovers(incoming, Duration.ofDays(1));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the document directory " + root, e);
    }
  }

  @Override
  public String put(InputStream content) throws IOException {
    Path temp = Files.createTempFile(incoming, "blob-", ".part");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.transferTo(out);
        out.flush();
        channel.force(true);
      }
      String key = newKey();
      Path target = path(key);
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!valid(key)) {
      throw new NoSuchFileException(String.valueOf(key));
    }
    return Files.newInputStream(path(key));
  }

  @Override
  public boolean delete(String key) throws IOException {
    return valid(key) && Files.deleteIfExists(path(key));
  }

  @Override
  public boolean exists(String key) {
    return valid(key) && Files.isRegularFile(path(key));
  }

  @Override
  public String put(InputStream content, long length) throws IOException {
    return put(new ExactLength(content, length));
  }

  @Override
  public String put(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in, Files.size(file));
    }
  }

  @Override
  public void probe() throws IOException {
    if (!Files.isDirectory(root) || !Files.isWritable(incoming)) {
      throw new IOException("The document directory is not writable");
    }
  }

  @Override
  public void keysStoredBefore(Instant instant, int size, Page page) throws IOException {
    List<String> keys = keysStoredBefore(instant);
    for (int from = 0; from < keys.size(); from += size) {
      page.accept(keys.subList(from, Math.min(keys.size(), from + size)));
    }
  }

  @Override
  public int removeAll(List<String> keys) throws IOException {
    int removed = 0;
    for (String key : keys) {
      if (delete(key)) {
        removed++;
      }
    }
    return removed;
  }

  /** The keys stored, for maintenance and tests. */
  public Stream<String> keys() throws IOException {
    try (Stream<Path> files = Files.walk(root, 2)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(incoming))
          .map(p -> p.getFileName().toString())
          .filter(FileSystemBlobStore::valid)
          .toList()
          .stream();
    }
  }

  /**
   * The keys of blobs last written before the instant (a blob is never changed, so that is when it
   * was stored), for the sweep of blobs without a document.
   */
  public List<String> keysStoredBefore(Instant instant) throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (!p.getParent().equals(incoming) && valid(name) && Files.isRegularFile(p)) {
          try {
            if (Files.getLastModifiedTime(p).toInstant().isBefore(instant)) {
              keys.add(name);
            }
          } catch (NoSuchFileException gone) {
            // deleted meanwhile
          }
        }
      }
    }
    return keys;
  }

  /** Removes the half-written files of {@code .incoming} last written before the instant. */
  @Override
  public int removePartsBefore(Instant instant) throws IOException {
    int removed = 0;
    try (Stream<Path> files = Files.list(incoming)) {
      for (Path file : files.toList()) {
        try {
          if (Files.isRegularFile(file)
              && Files.getLastModifiedTime(file).toInstant().isBefore(instant)
              && Files.deleteIfExists(file)) {
            removed++;
          }
        } catch (NoSuchFileException gone) {
          // renamed into place or deleted meanwhile
        }
      }
    }
    return removed;
  }

  private Path path(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  private static boolean valid(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static void removeLeftovers(Path dir, Duration olderThan) throws IOException {
    Instant limit = Instant.now().minus(olderThan);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file)
            && Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
