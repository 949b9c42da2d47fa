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
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under one directory: {@code <root>/<first two characters of the key>/<key>}. A
 * blob is written to {@code <root>/.incoming/}, forced to disk, then renamed atomically into place,
 * so a key never names half a file. Leftovers of a crash in {@code .incoming} older than a day are
 * removed at start-up.
 */
public class FileSystemBlobStore implements BlobStore {

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
