package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Blobs as objects of one bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, Garage),
 * under {@code <prefix><key>}; the key is 128 random bits in hex, never a name or anything a user
 * typed. An object appears only when its upload completes (S3's own guarantee): a stream of known
 * length goes in one request, without being held; one of unknown length in parts of {@code
 * part-size}, one part held at a time, and an unfinished multipart upload is aborted (or, after a
 * crash, removed by {@link OrphanBlobSweep}). Server-side encryption is asked for on every write
 * when configured.
 */
public class S3BlobStore implements BlobStore, SweepableStore, AutoCloseable {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long MIN_PART = 5L * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final ServerSideEncryption encryption;
  private final String kmsKeyId;
  private final int partSize;

  public S3BlobStore(S3Properties properties) {
    if (properties.bucket() == null || properties.bucket().isBlank()) {
      throw new IllegalStateException(
          "layanan.documents.s3.bucket is required with layanan.documents.store=s3");
    }
    this.bucket = properties.bucket();
    this.prefix = properties.prefix() == null ? "" : properties.prefix();
    this.encryption = encryption(properties.serverSideEncryption());
    this.kmsKeyId =
        properties.kmsKeyId() == null || properties.kmsKeyId().isBlank()
            ? null
            : properties.kmsKeyId();
    long part = properties.partSize().toBytes();
    if (part < MIN_PART || part > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "layanan.documents.s3.part-size must be between 5MB and 2GB: " + properties.partSize());
    }
    this.partSize = (int) part;
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(properties.region()))
            .forcePathStyle(properties.pathStyle())
            .credentialsProvider(credentials(properties))
            // many S3-compatible servers do not know the newer trailing checksums
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(properties.timeout())
                    .socketTimeout(properties.timeout()));
    if (properties.endpoint() != null && !properties.endpoint().toString().isBlank()) {
      builder.endpointOverride(properties.endpoint());
    }
    this.s3 = builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Properties properties) {
    boolean access = properties.accessKey() != null && !properties.accessKey().isBlank();
    boolean secret = properties.secretKey() != null && !properties.secretKey().isBlank();
    if (access != secret) {
      throw new IllegalStateException(
          "layanan.documents.s3.access-key and secret-key go together: set both or neither");
    }
    return access
        ? StaticCredentialsProvider.create(
            AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()))
        : DefaultCredentialsProvider.builder().build();
  }

  private static ServerSideEncryption encryption(String setting) {
    String value = setting == null ? "none" : setting.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "none" -> null;
      case "aes256" -> ServerSideEncryption.AES256;
      case "aws:kms" -> ServerSideEncryption.AWS_KMS;
      default ->
          throw new IllegalStateException(
              "layanan.documents.s3.server-side-encryption must be none, AES256 or aws:kms: "
                  + setting);
    };
  }

  @Override
  public String put(InputStream content, long length) throws IOException {
    String key = newKey();
    try {
      InputStream exact = new ExactLength(content, length);
      // up to one part is sent from memory, so that the SDK can send it again after a dropped
      // connection; a longer stream goes as it comes (not retryable past the SDK's buffer)
      RequestBody body =
          length <= partSize
              ? RequestBody.fromBytes(exact.readAllBytes())
              : RequestBody.fromInputStream(exact, length);
      s3.putObject(putRequest(key), body);
    } catch (SdkException e) {
      throw failure("storing in", e);
    } catch (IllegalStateException e) {
      // a retry after the stream was read past what the SDK keeps for a reset
      throw new IOException("Object storage: storing in bucket " + bucket + " failed", e);
    }
    return key;
  }

  @Override
  public String put(InputStream content) throws IOException {
    byte[] part = new byte[partSize];
    int first = content.readNBytes(part, 0, part.length);
    if (first < part.length) {
      return put(new java.io.ByteArrayInputStream(part, 0, first), first);
    }
    String key = newKey();
    String uploadId;
    try {
      CreateMultipartUploadRequest.Builder create =
          CreateMultipartUploadRequest.builder().bucket(bucket).key(prefix + key);
      if (encryption != null) {
        create.serverSideEncryption(encryption).ssekmsKeyId(kmsKeyId);
      }
      uploadId = s3.createMultipartUpload(create.build()).uploadId();
    } catch (SdkException e) {
      throw failure("storing in", e);
    }
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int length = first;
      for (int number = 1; length > 0; number++) {
        final int n = number;
        String etag =
            s3.uploadPart(
                    r -> r.bucket(bucket).key(prefix + key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromInputStream(
                        new java.io.ByteArrayInputStream(part, 0, length), length))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        length = content.readNBytes(part, 0, part.length);
      }
      s3.completeMultipartUpload(
          r ->
              r.bucket(bucket)
                  .key(prefix + key)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
      return key;
    } catch (IOException | RuntimeException e) {
      try {
        s3.abortMultipartUpload(r -> r.bucket(bucket).key(prefix + key).uploadId(uploadId));
      } catch (SdkException abort) {
        e.addSuppressed(abort);
      }
      if (e instanceof SdkException sdk) {
        throw failure("storing in", sdk);
      }
      throw e;
    }
  }

  private PutObjectRequest putRequest(String key) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(prefix + key);
    if (encryption != null) {
      request.serverSideEncryption(encryption).ssekmsKeyId(kmsKeyId);
    }
    return request.build();
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!valid(key)) {
      throw new NoSuchFileException(String.valueOf(key));
    }
    try {
      return s3.getObject(r -> r.bucket(bucket).key(prefix + key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (SdkException e) {
      if (notFound(e)) {
        throw new NoSuchFileException(key);
      }
      throw failure("reading from", e);
    }
  }

  @Override
  public boolean delete(String key) throws IOException {
    if (!exists(key)) {
      return false;
    }
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(prefix + key));
      return true;
    } catch (SdkException e) {
      throw failure("deleting from", e);
    }
  }

  @Override
  public boolean exists(String key) {
    if (!valid(key)) {
      return false;
    }
    try {
      s3.headObject(r -> r.bucket(bucket).key(prefix + key));
      return true;
    } catch (SdkException e) {
      if (notFound(e)) {
        return false;
      }
      throw new IllegalStateException(failure("looking up in", e));
    }
  }

  @Override
  public void probe() throws IOException {
    try {
      s3.headBucket(r -> r.bucket(bucket));
    } catch (SdkException e) {
      throw failure("reaching", e);
    }
  }

  @Override
  public void keysStoredBefore(Instant instant, int size, Page page) throws IOException {
    List<String> keys = new ArrayList<>(size);
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(
                  r -> r.bucket(bucket).prefix(prefix).maxKeys(Math.min(size, 1000)))
              .contents()) {
        String key = object.key().substring(prefix.length());
        if (valid(key) && object.lastModified().isBefore(instant)) {
          keys.add(key);
          if (keys.size() == size) {
            page.accept(List.copyOf(keys));
            keys.clear();
          }
        }
      }
    } catch (SdkException e) {
      throw failure("listing", e);
    }
    if (!keys.isEmpty()) {
      page.accept(List.copyOf(keys));
    }
  }

  /** Removes the keys in one request per thousand; keys that hold nothing are no error. */
  @Override
  public int removeAll(List<String> keys) throws IOException {
    int removed = 0;
    for (int from = 0; from < keys.size(); from += 1000) {
      List<ObjectIdentifier> batch =
          keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
              .filter(S3BlobStore::valid)
              .map(k -> ObjectIdentifier.builder().key(prefix + k).build())
              .toList();
      if (batch.isEmpty()) {
        continue;
      }
      try {
        var answer =
            s3.deleteObjects(
                r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        removed += batch.size() - answer.errors().size();
      } catch (SdkException e) {
        throw failure("deleting from", e);
      }
    }
    return removed;
  }

  @Override
  public int removePartsBefore(Instant instant) throws IOException {
    int removed = 0;
    try {
      for (MultipartUpload upload :
          s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(prefix)).uploads()) {
        if (upload.initiated() != null && upload.initiated().isBefore(instant)) {
          s3.abortMultipartUpload(
              r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
          removed++;
        }
      }
    } catch (SdkException e) {
      throw failure("listing the unfinished uploads in", e);
    }
    return removed;
  }

  @Override
  public void close() {
    s3.close();
  }

  private static boolean notFound(SdkException e) {
    return e instanceof S3Exception s && s.statusCode() == 404;
  }

  /** An I/O failure naming the bucket and the status, never the credentials. */
  private IOException failure(String doing, SdkException e) {
    String status = e instanceof S3Exception s ? " (HTTP " + s.statusCode() + ")" : "";
    return new IOException(
        "Object storage: "
            + doing
            + " bucket "
            + bucket
            + " failed"
            + status
            + ": "
            + e.getMessage(),
        e);
  }

  private static boolean valid(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
