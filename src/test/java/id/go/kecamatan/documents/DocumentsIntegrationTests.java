package id.go.kecamatan.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Storing, finding, serving and deleting documents on the real database, office by office. */
@IntegrationTest
class DocumentsIntegrationTests {

  @Autowired Documents documents;
  @Autowired BlobStore blobs;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  UUID jetis;
  UUID purwokerto;

  @BeforeEach
  void offices() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    purwokerto =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
  }

  @Test
  void aStoredPdfIsFoundServedAndDeletedByItsOfficeOnly() throws IOException {
    byte[] pdf = TestFiles.pdf(1);

    Outcome<Document> outcome =
        documents.store(
            jetis, Slot.empty("pengantar"), upload("../../Surat Pengantar RT.pdf", pdf));

    assertThat(outcome.ok()).isTrue();
    Document document = outcome.value();
    assertThat(document.officeId()).isEqualTo(jetis);
    assertThat(document.name()).isEqualTo("Surat Pengantar RT.pdf");
    assertThat(document.contentType()).isEqualTo("application/pdf");
    assertThat(document.size()).isEqualTo(pdf.length);
    assertThat(document.hasThumbnail()).isFalse();
    assertThat(documents.find(jetis, document.id())).contains(document);
    assertThat(documents.findAll(jetis, List.of(document.id(), UUID.randomUUID())))
        .containsExactly(document);
    try (InputStream in = documents.open(jetis, document.id())) {
      assertThat(in.readAllBytes()).isEqualTo(pdf);
    }

    // another office sees nothing of it
    assertThat(documents.find(purwokerto, document.id())).isEmpty();
    assertThat(documents.findAll(purwokerto, List.of(document.id()))).isEmpty();
    assertThatThrownBy(() -> documents.open(purwokerto, document.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> documents.download(purwokerto, document.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(documents.delete(purwokerto, document.id())).isFalse();
    assertThat(documents.find(jetis, document.id())).isPresent();

    String key = blobKey(document.id());
    assertThat(documents.delete(jetis, document.id())).isTrue();
    assertThat(documents.find(jetis, document.id())).isEmpty();
    assertThat(blobs.exists(key)).isFalse();
  }

  @Test
  void aPhotoIsStoredWithItsThumbnailAndBothGoWhenDeleted() throws IOException {
    Outcome<Document> outcome =
        documents.store(
            jetis,
            Slot.empty("foto"),
            upload("IMG_2041.jpeg", TestFiles.jpegWithExif(TestFiles.photo(600, 300), 6)));

    Document photo = outcome.value();
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    assertThat(photo.name()).isEqualTo("IMG_2041.jpg");
    assertThat(photo.width()).isEqualTo(300);
    assertThat(photo.height()).isEqualTo(600);
    assertThat(photo.hasThumbnail()).isTrue();
    String thumbnailKey =
        jdbc.sql("select thumbnail_key from document where id = ?")
            .param(photo.id())
            .query(String.class)
            .single();
    ResponseEntity<InputStreamResource> thumbnail = documents.thumbnail(jetis, photo.id());
    assertThat(thumbnail.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(thumbnail.getHeaders().getContentDisposition().isInline()).isTrue();

    documents.delete(jetis, photo.id());

    assertThat(blobs.exists(thumbnailKey)).isFalse();
  }

  @Test
  void aDownloadIsAnAttachmentThatBrowsersDoNotSniff() throws IOException {
    Document document =
        documents
            .store(jetis, Slot.empty("kk"), upload("Kartu Keluarga \"asli\".pdf", TestFiles.pdf(1)))
            .value();

    ResponseEntity<InputStreamResource> response = documents.download(jetis, document.id());

    HttpHeaders headers = response.getHeaders();
    assertThat(headers.getContentDisposition().isAttachment()).isTrue();
    assertThat(headers.getContentDisposition().getFilename())
        .isEqualTo("Kartu Keluarga _asli_.pdf");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getContentType()).hasToString("application/pdf");
    assertThat(headers.getContentLength()).isEqualTo(document.size());
    assertThat(headers.getCacheControl()).contains("no-store");
    try (InputStream in = response.getBody().getInputStream()) {
      assertThat(in.readAllBytes()).hasSize((int) document.size());
    }
  }

  @Test
  void aRefusedUploadIsAnErrorOfItsFieldAndStoresNothing() {
    long rows = rows();

    Outcome<Document> outcome =
        documents.store(jetis, Slot.empty("ktp"), upload("ktp.pdf", TestFiles.elf()));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.errors().get("ktp").key()).isEqualTo("documents.error.type");
    assertThat(rows()).isEqualTo(rows);
  }

  @Test
  void aDocumentStoredInATransactionThatRollsBackLeavesNoBlob() {
    String[] key = new String[1];

    transactions.executeWithoutResult(
        status -> {
          Document document =
              documents.store(jetis, Slot.empty("f"), upload("x.pdf", TestFiles.pdf(1))).value();
          key[0] = blobKey(document.id());
          assertThat(blobs.exists(key[0])).isTrue();
          status.setRollbackOnly();
        });

    assertThat(blobs.exists(key[0])).isFalse();
  }

  @Test
  void aDeletionThatRollsBackKeepsTheBlob() {
    Document document =
        documents.store(jetis, Slot.empty("f"), upload("y.pdf", TestFiles.pdf(1))).value();
    String key = blobKey(document.id());

    transactions.executeWithoutResult(
        status -> {
          assertThat(documents.delete(jetis, document.id())).isTrue();
          status.setRollbackOnly();
        });

    assertThat(documents.find(jetis, document.id())).isPresent();
    assertThat(blobs.exists(key)).isTrue();
  }

  @Test
  void theLimitsComeFromTheConfiguration() {
    DocumentLimits limits = documents.limits();

    assertThat(limits.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(limits.maxFilesPerSlot()).isEqualTo(5);
    assertThat(limits.maxBytesPerApplication()).isEqualTo(40L * 1024 * 1024);
    assertThat(limits.slotFull(5)).isTrue();
    assertThat(limits.exceedsApplication(40L * 1024 * 1024 - 1, 2)).isTrue();
  }

  private long rows() {
    return jdbc.sql("select count(*) from document").query(Long.class).single();
  }

  private String blobKey(UUID id) {
    return jdbc.sql("select blob_key from document where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private static Upload upload(String name, byte[] bytes) {
    return new Upload(name, "application/octet-stream", new ByteArrayInputStream(bytes));
  }
}
