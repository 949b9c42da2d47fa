package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The blob store chosen by {@code layanan.documents.store}: {@code filesystem} (the default) under
 * {@code layanan.documents.dir}, or {@code s3} in the bucket of {@code layanan.documents.s3.*}.
 * Another bean of type {@link BlobStore} replaces both.
 */
@Configuration
@EnableConfigurationProperties({DocumentsProperties.class, S3Properties.class})
class DocumentsConfiguration {

  @Bean
  @ConditionalOnMissingBean(BlobStore.class)
  @ConditionalOnProperty(
      name = "layanan.documents.store",
      havingValue = "filesystem",
      matchIfMissing = true)
  FileSystemBlobStore fileSystemBlobStore(DocumentsProperties properties) {
    return new FileSystemBlobStore(properties.dir().resolve("blobs"));
  }

  @Bean
  @ConditionalOnMissingBean(BlobStore.class)
  @ConditionalOnProperty(name = "layanan.documents.store", havingValue = "s3")
  S3BlobStore s3BlobStore(S3Properties properties) {
    return new S3BlobStore(properties);
  }

  @Bean
  Intake intake(DocumentsProperties properties, BlobStore blobs) {
    return new Intake(properties, blobs);
  }
}
