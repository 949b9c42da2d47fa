package id.go.kecamatan.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.documents.BlobStore;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.internal.InlineFileMove;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterFixtures.Issued;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters issued while their PDFs were kept in the database move to the blob store with the same
 * SHA-256, checked after the move; the resident, the office and the verification page see the same
 * file as before; a PDF that does not match its recorded hash is left where it is.
 */
@IntegrationTest
class LetterPdfMoveIntegrationTests {

  @LocalServerPort int port;
  @Autowired InlineFileMove move;
  @Autowired LetterRepository letters;
  @Autowired BlobStore blobs;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired VerificationLimiter limiter;

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  private Map<String, Object> row(Issued letter) {
    return jdbc.sql("select pdf is not null as in_row, pdf_key, sha256 from letter where id = ?")
        .param(letter.id())
        .query()
        .singleRow();
  }

  @Test
  void oldLettersMoveToTheBlobStoreKeepingTheirHashAndStillVerify() throws Exception {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc, letters);
    // two letters as issued before V98: the signed PDF in the row
    Issued first = fixtures.issue(CaseworkFixtures.unique("Sri Wahyuni"));
    Issued second = fixtures.issue(CaseworkFixtures.unique("Agus Salim"));
    assertThat(row(first).get("in_row")).isEqualTo(true);
    assertThat(row(first).get("pdf_key")).isNull();

    InlineFileMove.Moved moved = move.moveAll();

    assertThat(moved.moved()).isGreaterThanOrEqualTo(2);
    for (Issued letter : new Issued[] {first, second}) {
      Map<String, Object> after = row(letter);
      assertThat(after.get("in_row")).as("bytea cleared").isEqualTo(false);
      String key = (String) after.get("pdf_key");
      assertThat(key).matches("[0-9a-f]{32}");
      byte[] stored;
      try (InputStream in = blobs.open(key)) {
        stored = in.readAllBytes();
      }
      assertThat(stored).isEqualTo(letter.pdf());
      assertThat(GeneratedFiles.sha256(stored)).isEqualTo(letter.sha256());
      assertThat(letters.pdf(letter.application().officeId(), letter.id()))
          .hasValueSatisfying(pdf -> assertThat(pdf).isEqualTo(letter.pdf()));
    }
    // the verification page and the comparison by upload read the moved file
    WebClient visitor = new WebClient(port);
    String path = "/v/" + first.code();
    assertThat(visitor.get(path).body()).contains("Surat asli dan berlaku", first.sha256());
    HttpResponse<String> same =
        visitor.upload(path, "berkas", "surat.pdf", "application/pdf", first.pdf());
    assertThat(same.body()).contains("sama persis");
    // a second run finds nothing left to move
    assertThat(move.moveAll().moved()).isZero();
  }

  @Test
  void aPdfThatDoesNotMatchItsRecordedHashStaysInItsRow() {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc, letters);
    Issued letter = fixtures.issue(CaseworkFixtures.unique("Rina Marlina"));
    String wrong = "0".repeat(64);
    jdbc.sql("update letter set sha256 = ? where id = ?").params(wrong, letter.id()).update();

    InlineFileMove.Moved moved = move.moveAll();

    assertThat(moved.kept()).isGreaterThanOrEqualTo(1);
    assertThat(row(letter).get("in_row")).isEqualTo(true);
    assertThat(row(letter).get("pdf_key")).isNull();
    // once the record is right again, the next run moves it
    jdbc.sql("update letter set sha256 = ? where id = ?")
        .params(letter.sha256(), letter.id())
        .update();
    assertThat(move.moveAll().kept()).isZero();
    assertThat(row(letter).get("pdf_key")).isNotNull();
  }
}
