package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.documents.BlobReferences;
import id.go.kecamatan.documents.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every blob store promises ({@link BlobStore}, and the sweep of orphans over it), run against
 * each store: the filesystem ({@link FileSystemBlobStoreTests}) and S3 on a real S3 server ({@link
 * S3BlobStoreIntegrationTests}).
 */
abstract class BlobStoreContract {

  /** A store with nothing in it. */
  abstract BlobStore store();

  /** Bigger than one multipart part of the S3 store under test. */
  static final int LARGE = 12 * 1024 * 1024 + 17;

  Set<String> keys() throws IOException {
    Set<String> keys = new HashSet<>();
    ((SweepableStore) store())
        .keysStoredBefore(Instant.now().plus(Duration.ofDays(1)), 1000, keys::addAll);
    return keys;
  }

  @Test
  void storesUnderAGeneratedKeyAndReadsBack() throws IOException {
    BlobStore store = store();
    byte[] text = "isi berkas".getBytes(StandardCharsets.UTF_8);

    String key = store.put(new ByteArrayInputStream(text));
    String sized = store.put(new ByteArrayInputStream(text), text.length);

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(sized).matches("[0-9a-f]{32}").isNotEqualTo(key);
    assertThat(store.exists(key)).isTrue();
    for (String k : List.of(key, sized)) {
      try (InputStream in = store.open(k)) {
        assertThat(in.readAllBytes()).isEqualTo(text);
      }
    }
    assertThat(keys()).contains(key, sized);
    store.probe();
  }

  @Test
  void aFileIsStoredWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("kerja.bin");
    try (InputStream in = new Pattern(LARGE)) {
      java.nio.file.Files.copy(in, file);
    }
    String key = store().put(file);
    try (InputStream in = store().open(key)) {
      assertThat(in.readAllBytes()).isEqualTo(java.nio.file.Files.readAllBytes(file));
    }
  }

  @Test
  void anEmptyBlobIsABlob() throws IOException {
    BlobStore store = store();
    String key = store.put(new ByteArrayInputStream(new byte[0]), 0);
    try (InputStream in = store.open(key)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void aLargeStreamOfUnknownLengthArrivesWhole() throws Exception {
    BlobStore store = store();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");

    String key = store.put(new DigestInputStream(new Pattern(LARGE), sent));
    String sized =
        store.put(
            new DigestInputStream(new Pattern(LARGE), MessageDigest.getInstance("SHA-256")), LARGE);

    String expected = HexFormat.of().formatHex(sent.digest());
    for (String k : List.of(key, sized)) {
      MessageDigest read = MessageDigest.getInstance("SHA-256");
      long length;
      try (InputStream in = new DigestInputStream(store.open(k), read)) {
        length = in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      assertThat(length).isEqualTo(LARGE);
      assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(expected);
    }
  }

  @Test
  void aStreamThatFailsHalfWayLeavesNothingUnderAnyKey() throws IOException {
    BlobStore store = store();
    Set<String> before = keys();

    assertThatThrownBy(() -> store.put(new Failing(100_000))).hasMessageContaining("reset");
    assertThatThrownBy(() -> store.put(new Failing(LARGE - 1000))).hasMessageContaining("reset");
    assertThatThrownBy(() -> store.put(new Failing(100_000), 200_000))
        .isInstanceOf(IOException.class);
    // fewer bytes than stated
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[10]), 11))
        .isInstanceOf(IOException.class);

    assertThat(keys()).isEqualTo(before);
  }

  @Test
  void deletingRemovesTheBlobAndIsIdempotent() throws IOException {
    BlobStore store = store();
    String key = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);

    assertThat(store.delete(key)).isTrue();
    assertThat(store.delete(key)).isFalse();
    assertThat(store.exists(key)).isFalse();
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
    assertThat(keys()).doesNotContain(key);
  }

  @Test
  void keysThatAreNotKeysReachNothing() throws IOException {
    BlobStore store = store();
    String real = store.put(new ByteArrayInputStream(new byte[] {7}), 1);
    for (String key :
        new String[] {
          "../" + real,
          "..",
          "",
          null,
          real.toUpperCase(),
          real + "/",
          "/etc/passwd",
          real.substring(1),
          "%2e%2e%2f" + real
        }) {
      assertThat(store.exists(key)).as(key).isFalse();
      assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
      assertThat(store.delete(key)).isFalse();
    }
    assertThat(store.exists(real)).isTrue();
  }

  @Test
  void theSweepRemovesOnlyOldBlobsNoModuleHolds() throws IOException {
    BlobStore store = store();
    List<String> orphans = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orphans.add(store.put(new ByteArrayInputStream(new byte[] {(byte) i}), 1));
    }
    String document = store.put(new ByteArrayInputStream(new byte[] {9}), 1);
    String letter = store.put(new ByteArrayInputStream(new byte[] {8}), 1);
    BlobReferences documents = keys -> held(keys, document);
    BlobReferences letters = keys -> held(keys, letter);

    // everything was written just now: nothing is old enough
    OrphanBlobSweep.Swept young =
        OrphanBlobSweep.sweep(
            (SweepableStore) store,
            List.of(documents, letters),
            Instant.now().minus(Duration.ofHours(1)));
    assertThat(young.blobs()).isZero();
    assertThat(orphans).allMatch(store::exists);

    // once old enough (here: a cut-off after they were written), the orphans go
    OrphanBlobSweep.Swept swept =
        OrphanBlobSweep.sweep(
            (SweepableStore) store,
            List.of(documents, letters),
            Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(swept.blobs()).isEqualTo(3);
    assertThat(orphans).noneMatch(store::exists);
    assertThat(store.exists(document)).isTrue();
    assertThat(store.exists(letter)).isTrue();
  }

  private static Set<String> held(java.util.Collection<String> keys, String kept) {
    return keys.contains(kept) ? Set.of(kept) : Set.of();
  }

  /** Deterministic bytes without holding them. */
  static final class Pattern extends InputStream {
    private final long length;
    private long sent;

    Pattern(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return sent < length ? (int) (sent++ * 31 % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - sent);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) (sent++ * 31 % 251);
      }
      return n;
    }
  }

  /** A connection that breaks after some bytes. */
  static final class Failing extends InputStream {
    private final long after;
    private long sent;

    Failing(long after) {
      this.after = after;
    }

    @Override
    public int read() throws IOException {
      if (sent++ >= after) {
        throw new IOException("connection reset");
      }
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (sent >= after) {
        throw new IOException("connection reset");
      }
      int n = (int) Math.min(len, after - sent);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      sent += n;
      return n;
    }
  }
}
