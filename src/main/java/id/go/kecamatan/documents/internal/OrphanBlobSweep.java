package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash or a rolled-back request leaves in the blob store: blobs that no document
 * names ({@code document.blob_key} or {@code thumbnail_key}) and half-written {@code .part} files,
 * both only when older than {@code layanan.documents.orphan-age} (an hour), so that a blob written
 * for a request still running is never taken. A blob is written before its row's transaction
 * commits; when that transaction rolls back or the node dies, nothing else would remove it. Runs
 * every hour ({@code layanan.documents.sweep-cron}) on one node at a time, and checks the keys
 * against the database in batches. Only the file system store is swept (another store keeps its own
 * life-cycle rules).
 */
@Component
class OrphanBlobSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanBlobSweep.class);
  static final int BATCH = 500;

  private final BlobStore blobs;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration age;

  OrphanBlobSweep(
      BlobStore blobs,
      JdbcClient jdbc,
      Clock clock,
      @Value("${layanan.documents.orphan-age:PT1H}") Duration age) {
    if (age.compareTo(Duration.ofMinutes(10)) < 0) {
      throw new IllegalStateException(
          "layanan.documents.orphan-age must be at least 10 minutes (an upload in progress): "
              + age);
    }
    this.blobs = blobs;
    this.jdbc = jdbc;
    this.clock = clock;
    this.age = age;
  }

  @Scheduled(cron = "${layanan.documents.sweep-cron:0 40 * * * *}")
  @SchedulerLock(name = "document-orphan-sweep", lockAtMostFor = "PT1H")
  public void run() {
    if (!(blobs instanceof FileSystemBlobStore)) {
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
    } catch (IOException e) {
      log.warn("Sweeping the blob store failed: {}", e.toString());
    }
  }

  record Swept(int blobs, int parts) {}

  /** Removes the orphans written before the instant. */
  Swept sweep(Instant before) throws IOException {
    FileSystemBlobStore store = (FileSystemBlobStore) blobs;
    List<String> keys = store.keysStoredBefore(before);
    int removed = 0;
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
      List<String> orphans =
          jdbc.sql(
                  """
                  select k from unnest(cast(:keys as text[])) as k
                  where not exists (select 1 from document d where d.blob_key = k)
                    and not exists (select 1 from document d where d.thumbnail_key = k)
                  """)
              .param("keys", batch.toArray(String[]::new))
              .query(String.class)
              .list();
      for (String key : orphans) {
        if (store.delete(key)) {
          removed++;
        }
      }
    }
    return new Swept(removed, store.removePartsBefore(before));
  }
}
