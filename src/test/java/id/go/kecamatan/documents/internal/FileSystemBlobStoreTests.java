package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests {

  @TempDir Path dir;

  @Test
  void storesUnderAGeneratedKeyAndReadsBack() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(dir);

    String key = store.put(new ByteArrayInputStream("isi berkas".getBytes(StandardCharsets.UTF_8)));

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(store.exists(key)).isTrue();
    try (InputStream in = store.open(key)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("isi berkas");
    }
    assertThat(store.put(new ByteArrayInputStream(new byte[] {1}))).isNotEqualTo(key);
  }

  @Test
  void deletingRemovesTheBlobAndIsIdempotent() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(dir);
    String key = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThat(store.delete(key)).isTrue();
    assertThat(store.delete(key)).isFalse();
    assertThat(store.exists(key)).isFalse();
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void keysThatAreNotKeysReachNothing() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "rahasia");
    FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));

    for (String key :
        new String[] {
          "../secret.txt", "..", "", null, "ABCDEF0123456789ABCDEF0123456789", "/etc/passwd"
        }) {
      assertThat(store.exists(key)).isFalse();
      assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
      assertThat(store.delete(key)).isFalse();
    }
    assertThat(dir.resolve("secret.txt")).exists();
  }

  @Test
  void aStreamThatFailsHalfWayLeavesNothingUnderAnyKey() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(dir);
    InputStream failing =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ > 100_000) {
              throw new IOException("connection reset");
            }
            return 'x';
          }
        };

    assertThatThrownBy(() -> store.put(failing)).hasMessage("connection reset");

    try (Stream<String> keys = store.keys();
        Stream<Path> incoming = Files.list(dir.resolve(".incoming"))) {
      assertThat(keys).isEmpty();
      assertThat(incoming).isEmpty();
    }
  }
}
