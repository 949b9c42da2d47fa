package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a node killed between writing a blob and committing its document leaves behind (a blob no
 * row names, a half-written {@code .part} file) is removed by the sweep once it is an hour old;
 * committed documents, and blobs of requests that may still be running, stay.
 */
@IntegrationTest
class OrphanBlobSweepIntegrationTests {

  @Autowired OrphanBlobSweep sweep;
  @Autowired FileSystemBlobStore blobs;
  @Autowired Documents documents;
  @Autowired Intake intake;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired DocumentsProperties properties;

  @Test
  void blobsWithoutADocumentAndStalePartsAreSweptOnceAnHourOld() throws Exception {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    Instant twoHoursAgo = clock.instant().minus(Duration.ofHours(2));

    // the node dies between the blob write and the commit: the intake wrote the blob (and a
    // thumbnail for a photo), the transaction holding its row never commits, no rollback runs
    Intake.Accepted photo =
        intake.take(
            new Upload(
                "foto.jpg",
                "image/jpeg",
                new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(800, 600)))),
            Slot.empty("foto"));
    assertThat(photo.thumbnailKey()).isNotNull();
    String killedPdf = blobs.put(new ByteArrayInputStream(TestFiles.pdf(1)));
    // a committed document, old as well
    Document kept =
        transactions.execute(
            tx ->
                documents
                    .store(
                        jetis,
                        Slot.empty("ktp"),
                        new Upload(
                            "ktp.pdf",
                            "application/pdf",
                            new ByteArrayInputStream(TestFiles.pdf(1))))
                    .value());
    String keptKey =
        jdbc.sql("select blob_key from document where id = ?")
            .param(kept.id())
            .query(String.class)
            .single();
    // a request still running: its blob was written a minute ago
    String running = blobs.put(new ByteArrayInputStream(TestFiles.pdf(1)));
    Path incoming = properties.dir().resolve("blobs").resolve(".incoming");
    Path stalePart = Files.createTempFile(incoming, "blob-", ".part");
    Path freshPart = Files.createTempFile(incoming, "blob-", ".part");
    // a signed letter of the demo data: its PDF lives in the blob store, named by its letter row
    String letterKey =
        jdbc.sql("select pdf_key from letter where pdf_key is not null limit 1")
            .query(String.class)
            .single();
    for (String key :
        List.of(photo.blobKey(), photo.thumbnailKey(), killedPdf, keptKey, letterKey)) {
      age(blob(key), twoHoursAgo);
    }
    age(stalePart, twoHoursAgo);

    sweep.run();

    assertThat(blobs.exists(photo.blobKey())).isFalse();
    assertThat(blobs.exists(photo.thumbnailKey())).isFalse();
    assertThat(blobs.exists(killedPdf)).isFalse();
    assertThat(Files.exists(stalePart)).isFalse();
    assertThat(blobs.exists(keptKey)).as("a committed document").isTrue();
    assertThat(blobs.exists(letterKey)).as("a signed letter").isTrue();
    assertThat(documents.open(jetis, kept.id()).readAllBytes()).isNotEmpty();
    assertThat(blobs.exists(running)).as("younger than an hour").isTrue();
    assertThat(Files.exists(freshPart)).isTrue();

    // in batches: more orphans than one batch holds are all swept
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < OrphanBlobSweep.BATCH + 3; i++) {
      String key = blobs.put(new ByteArrayInputStream(new byte[] {(byte) i}));
      age(blob(key), twoHoursAgo);
      many.add(key);
    }
    assertThat(sweep.sweep(clock.instant().minus(Duration.ofHours(1))).blobs())
        .isGreaterThanOrEqualTo(many.size());
    assertThat(many).noneMatch(blobs::exists);
    assertThat(blobs.exists(keptKey)).isTrue();

    Files.deleteIfExists(freshPart);
    blobs.delete(running);
  }

  private Path blob(String key) {
    return properties.dir().resolve("blobs").resolve(key.substring(0, 2)).resolve(key);
  }

  private static void age(Path file, Instant at) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(at));
  }
}
