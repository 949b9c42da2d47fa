package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobReferences;
import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash or a rolled-back request leaves in the blob store: blobs that no module's
 * rows name (every {@link BlobReferences}: documents and their thumbnails, signed letters) and
 * half-written uploads ({@code .part} files, unfinished S3 multipart uploads), both only when older
 * than {@code layanan.documents.orphan-age} (an hour), so that a blob written for a request still
 * running is never taken. A blob is written before its row's transaction commits; when that
 * transaction rolls back or the node dies, nothing else would remove it. Runs every hour ({@code
 * layanan.documents.sweep-cron}) on one node at a time, on either store: the store's keys are
 * listed a page of {@value #BATCH} at a time and each page is checked against the database in one
 * query per module, so memory stays bounded however many blobs there are.
 */
@Component
class OrphanBlobSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanBlobSweep.class);
  static final int BATCH = 500;

  private final BlobStore blobs;
  private final List<BlobReferences> references;
  private final Clock clock;
  private final Duration age;

  OrphanBlobSweep(
      BlobStore blobs,
      List<BlobReferences> references,
      Clock clock,
      @Value("${layanan.documents.orphan-age:PT1H}") Duration age) {
    if (age.compareTo(Duration.ofMinutes(10)) < 0) {
      throw new IllegalStateException(
          "layanan.documents.orphan-age must be at least 10 minutes (an upload in progress): "
              + age);
    }
    this.blobs = blobs;
    this.references = List.copyOf(references);
    this.clock = clock;
    this.age = age;
  }

  @Scheduled(cron = "${layanan.documents.sweep-cron:0 40 * * * *}")
  @SchedulerLock(name = "document-orphan-sweep", lockAtMostFor = "PT1H")
  public void run() {
    if (!(blobs instanceof SweepableStore)) {
      return;
    }
    try {
      Swept swept = sweep(clock.instant().minus(age));
      if (swept.blobs() + swept.parts() > 0) {
        log.info(
            "Removed {} blobs without a document and {} half-written files",
            swept.blobs(),
            swept.parts());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Sweeping the blob store failed: {}", e.toString());
    }
  }

  record Swept(int blobs, int parts) {}

  /** Removes the orphans written before the instant. */
  Swept sweep(Instant before) throws IOException {
    return sweep((SweepableStore) blobs, references, before);
  }

  /** The sweep of one store against the modules' references (also for the stores' own tests). */
  static Swept sweep(SweepableStore store, List<BlobReferences> references, Instant before)
      throws IOException {
    int[] removed = {0};
    store.keysStoredBefore(
        before,
        BATCH,
        page -> {
          Set<String> orphans = new HashSet<>(page);
          for (BlobReferences module : references) {
            orphans.removeAll(module.held(page));
          }
          removed[0] += store.removeAll(new ArrayList<>(orphans));
        });
    return new Swept(removed[0], store.removePartsBefore(before));
  }
}
