package id.go.kecamatan.letters.internal;

import id.go.kecamatan.documents.GeneratedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the signed PDFs of letters issued before they were kept in the blob store (migration V98)
 * out of the database: each is stored in the blob store, read back from there and its SHA-256
 * compared with the one recorded at signing; only then does one conditional update point the row at
 * the blob and clear its {@code bytea}. A PDF whose bytes do not match the recorded SHA-256, or
 * that the store does not give back intact, stays in its row (and is logged by letter id); the
 * letter is served from wherever it is. Runs right after start-up and then every hour ({@code
 * layanan.letters.pdf-move-every}), on one node at a time (ShedLock), {@value #BATCH} letters per
 * query; a second node doing the same finds the rows already moved and removes its copy.
 */
@Component
public class LetterPdfMove {

  private static final Logger log = LoggerFactory.getLogger(LetterPdfMove.class);
  static final int BATCH = 20;

  private final JdbcClient jdbc;
  private final GeneratedFiles files;

  LetterPdfMove(JdbcClient jdbc, GeneratedFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  /** What a run did: letters moved, and letters left in their rows because a check failed. */
  public record Moved(int moved, int kept) {}

  @Scheduled(
      initialDelayString = "${layanan.letters.pdf-move-first:PT0S}",
      fixedDelayString = "${layanan.letters.pdf-move-every:PT1H}")
  @SchedulerLock(name = "letter-pdf-move", lockAtMostFor = "PT1H")
  public void run() {
    try {
      Moved moved = moveAll();
      if (moved.moved() + moved.kept() > 0) {
        log.info(
            "Moved {} letter PDFs from the database to the blob store; {} stay in the database",
            moved.moved(),
            moved.kept());
      }
    } catch (RuntimeException e) {
      log.warn("Moving letter PDFs to the blob store failed: {}", e.toString());
    }
  }

  private record Row(UUID id, byte[] pdf, String sha256) {}

  /** Moves every letter PDF still in the database. */
  public Moved moveAll() {
    List<UUID> skipped = new ArrayList<>();
    int moved = 0;
    int kept = 0;
    while (true) {
      List<Row> rows =
          jdbc.sql(
                  """
                  select id, pdf, sha256 from letter
                  where pdf is not null and id <> all(:skipped)
                  order by signed_at limit :batch
                  """)
              .param("skipped", skipped.toArray(UUID[]::new))
              .param("batch", BATCH)
              .query(
                  (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)))
              .list();
      if (rows.isEmpty()) {
        return new Moved(moved, kept);
      }
      for (Row row : rows) {
        switch (move(row)) {
          case MOVED -> moved++;
          case KEPT -> {
            kept++;
            skipped.add(row.id());
          }
          case TAKEN -> skipped.add(row.id());
        }
      }
    }
  }

  private enum Outcome {
    MOVED,
    KEPT,
    TAKEN
  }

  private Outcome move(Row row) {
    String recorded = row.sha256().strip();
    if (!GeneratedFiles.sha256(row.pdf()).equals(recorded)) {
      log.error(
          "Letter {}: the PDF in the database does not match its recorded SHA-256; not moved",
          row.id());
      return Outcome.KEPT;
    }
    GeneratedFiles.Stored stored = files.store(row.pdf());
    String readBack;
    try {
      readBack = GeneratedFiles.sha256(files.read(stored.key()));
    } catch (RuntimeException e) {
      readBack = "unreadable: " + e;
    }
    if (!readBack.equals(recorded)) {
      log.error("Letter {}: the blob store did not give the PDF back intact; not moved", row.id());
      files.remove(stored.key());
      return Outcome.KEPT;
    }
    int updated =
        jdbc.sql("update letter set pdf_key = ?, pdf = null where id = ? and pdf is not null")
            .params(stored.key(), row.id())
            .update();
    if (updated == 0) {
      // moved meanwhile by another run
      files.remove(stored.key());
      return Outcome.TAKEN;
    }
    return Outcome.MOVED;
  }
}
