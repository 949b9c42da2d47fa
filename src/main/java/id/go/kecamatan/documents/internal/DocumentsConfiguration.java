package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filesystem blob store under {@code layanan.documents.dir}, unless another one is given. */
@Configuration
@EnableConfigurationProperties(DocumentsProperties.class)
class DocumentsConfiguration {

  @Bean
  @ConditionalOnMissingBean(BlobStore.class)
  FileSystemBlobStore fileSystemBlobStore(DocumentsProperties properties) {
    return new FileSystemBlobStore(properties.dir().resolve("blobs"));
  }

  @Bean
  Intake intake(DocumentsProperties properties, BlobStore blobs) {
    return new Intake(properties, blobs);
  }
}
