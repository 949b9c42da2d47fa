package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the filesystem store, and what only a directory can get wrong. */
class FileSystemBlobStoreTests extends BlobStoreContract {

  @TempDir Path dir;
  FileSystemBlobStore store;

  @BeforeEach
  void newStore() {
    store = new FileSystemBlobStore(dir.resolve("blobs"));
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void pathsOutsideTheStoreAreNeverReached() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "rahasia");
    for (String key : new String[] {"../secret.txt", "../../secret.txt"}) {
      assertThat(store.exists(key)).isFalse();
      assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
      assertThat(store.delete(key)).isFalse();
    }
    assertThat(dir.resolve("secret.txt")).exists();
  }

  @Test
  void aFailedWriteLeavesNoHalfFileBehind() throws IOException {
    InputStream failing = new Failing(100_000);

    assertThatThrownBy(() -> store.put(failing)).hasMessage("connection reset");

    try (Stream<String> keys = store.keys();
        Stream<Path> incoming = Files.list(dir.resolve("blobs").resolve(".incoming"))) {
      assertThat(keys).isEmpty();
      assertThat(incoming).isEmpty();
    }
  }

  @Test
  void aDirectoryThatCannotBeWrittenFailsTheProbe() throws IOException {
    store.probe();
    Path incoming = dir.resolve("blobs").resolve(".incoming");
    Files.delete(incoming);
    assertThatThrownBy(store::probe).hasMessageContaining("not writable");
  }
}
