package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.documents.BlobStore;
import id.go.kecamatan.documents.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob store contract on the S3 store, against a real S3 server (S3Proxy) started by the test,
 * a new bucket per test; and what only object storage can get wrong: the key layout in the bucket,
 * unfinished multipart uploads, a bucket that is away.
 */
class S3BlobStoreIntegrationTests extends BlobStoreContract {

  static S3ProxyServer server;

  S3BlobStore store;
  String bucket;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void newBucket() {
    bucket = "uji-" + UUID.randomUUID().toString().substring(0, 8);
    server.createBucket(bucket);
    store = new S3BlobStore(properties(bucket, "none"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  BlobStore store() {
    return store;
  }

  private S3Properties properties(String bucket, String encryption) {
    return new S3Properties(
        server.endpoint(),
        S3ProxyServer.REGION,
        bucket,
        "blobs/",
        true,
        S3ProxyServer.ACCESS_KEY,
        S3ProxyServer.SECRET_KEY,
        encryption,
        null,
        DataSize.ofMegabytes(5),
        Duration.ofSeconds(5));
  }

  @Test
  void objectsAreNamedByTheKeyAloneUnderThePrefix() throws IOException {
    String key = store.put(new ByteArrayInputStream("KTP Budi Santoso".getBytes()), 16);

    try (S3Client s3 = server.client()) {
      List<String> names =
          s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
      assertThat(names).containsExactly("blobs/" + key);
    }
  }

  @Test
  void unfinishedMultipartUploadsAreRemovedBySweepingTheirParts() throws IOException {
    try (S3Client s3 = server.client()) {
      // a node died in the middle of a large upload
      String upload =
          s3.createMultipartUpload(r -> r.bucket(bucket).key("blobs/" + "a".repeat(32))).uploadId();
      assertThat(upload).isNotBlank();
      assertThat(store.removePartsBefore(Instant.now().minus(Duration.ofHours(1)))).isZero();
      assertThat(store.removePartsBefore(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo(1);
      assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
    }
  }

  @Test
  void serverSideEncryptionIsAskedForOnEveryWrite() throws IOException {
    try (S3BlobStore encrypted = new S3BlobStore(properties(bucket, "AES256"))) {
      String small = encrypted.put(new ByteArrayInputStream(new byte[] {1, 2}), 2);
      String large = encrypted.put(new Pattern(LARGE));
      try (InputStream in = encrypted.open(small)) {
        assertThat(in.readAllBytes()).containsExactly(1, 2);
      }
      assertThat(encrypted.exists(large)).isTrue();
    }
    assertThatThrownBy(() -> new S3BlobStore(properties(bucket, "rot13")))
        .hasMessageContaining("none, AES256 or aws:kms");
  }

  @Test
  void aBucketThatIsMissingOrAwayFailsTheProbeWithoutSecrets() {
    try (S3BlobStore missing = new S3BlobStore(properties("tidak-ada", "none"))) {
      assertThatThrownBy(missing::probe)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tidak-ada")
          .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
    }
    S3Properties away =
        new S3Properties(
            URI.create("http://127.0.0.1:9"),
            S3ProxyServer.REGION,
            bucket,
            "blobs/",
            true,
            S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY,
            "none",
            null,
            DataSize.ofMegabytes(5),
            Duration.ofSeconds(2));
    try (S3BlobStore unreachable = new S3BlobStore(away)) {
      assertThatThrownBy(unreachable::probe)
          .isInstanceOf(IOException.class)
          .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
      assertThatThrownBy(() -> unreachable.put(new ByteArrayInputStream(new byte[] {1}), 1))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void settingsThatCannotWorkAreRefusedAtOnce() {
    assertThatThrownBy(() -> new S3BlobStore(properties(" ", "none")))
        .hasMessageContaining("layanan.documents.s3.bucket is required");
    assertThatThrownBy(
            () ->
                new S3BlobStore(
                    new S3Properties(
                        server.endpoint(),
                        S3ProxyServer.REGION,
                        bucket,
                        "blobs/",
                        true,
                        S3ProxyServer.ACCESS_KEY,
                        null,
                        "none",
                        null,
                        DataSize.ofMegabytes(5),
                        Duration.ofSeconds(5))))
        .hasMessageContaining("set both or neither");
    assertThatThrownBy(
            () ->
                new S3BlobStore(
                    new S3Properties(
                        server.endpoint(),
                        S3ProxyServer.REGION,
                        bucket,
                        "blobs/",
                        true,
                        null,
                        null,
                        "none",
                        null,
                        DataSize.ofMegabytes(1),
                        Duration.ofSeconds(5))))
        .hasMessageContaining("part-size");
  }
}
