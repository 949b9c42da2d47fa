package id.go.kecamatan.documents.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of {@code layanan.documents.s3}, read when {@code layanan.documents.store=s3}.
 *
 * @param endpoint the S3 API's address; blank for AWS itself, or e.g. {@code https://s3.example.id}
 *     for MinIO, Ceph, Garage or a provider's S3-compatible storage
 * @param region the region the bucket lives in (S3-compatible servers mostly take any name)
 * @param bucket the bucket; it must exist, the application never creates one
 * @param prefix put before every key ({@code blobs/4f0c...}), so the bucket can hold other things
 * @param pathStyle {@code https://host/bucket/key} instead of {@code https://bucket.host/key} (most
 *     S3-compatible servers want it)
 * @param accessKey with {@code secretKey}; blank: the SDK's usual chain (environment {@code
 *     AWS_ACCESS_KEY_ID}, profile, the machine's role)
 * @param secretKey see {@code accessKey}
 * @param serverSideEncryption {@code none}, {@code AES256} (keys kept by the store) or {@code
 *     aws:kms}
 * @param kmsKeyId the KMS key for {@code aws:kms}; blank: the bucket's default key
 * @param partSize a stream of unknown length is sent in parts of this size (at least 5 MB; one part
 *     is held in memory at a time)
 * @param timeout how long connecting and each read may take
 */
@ConfigurationProperties("layanan.documents.s3")
public record S3Properties(
    URI endpoint,
    @DefaultValue("us-east-1") String region,
    String bucket,
    @DefaultValue("blobs/") String prefix,
    @DefaultValue("false") boolean pathStyle,
    String accessKey,
    String secretKey,
    @DefaultValue("none") String serverSideEncryption,
    String kmsKeyId,
    @DefaultValue("8MB") DataSize partSize,
    @DefaultValue("30s") Duration timeout) {}
