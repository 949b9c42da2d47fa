package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The blob store in the health of the node ({@code blobStore}, part of readiness): the document
 * directory is writable, or the bucket answers. A node that cannot store or read documents and
 * letters takes no requests; its liveness stays untouched (restarting it would not help).
 */
@Component("blobStore")
class BlobStoreHealth implements HealthIndicator {

  private final BlobStore blobs;

  BlobStoreHealth(BlobStore blobs) {
    this.blobs = blobs;
  }

  @Override
  public Health health() {
    try {
      blobs.probe();
      return Health.up().build();
    } catch (IOException | RuntimeException e) {
      // the message names the bucket or directory, never credentials; details are not exposed
      return Health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
