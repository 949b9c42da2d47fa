package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.InlineFiles;
import id.go.kecamatan.documents.InlineFiles.Column;
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
 * Moves the files that rows kept in the database from before they were kept in the blob store (the
 * signed PDFs of letters before V98, the monthly reports before V127; see {@link InlineFiles}):
 * each is stored in the blob store, read back from there and its SHA-256 compared with the one the
 * row records; only then does one conditional update point the row at the blob and clear its {@code
 * bytea}. A file whose bytes do not match the recorded SHA-256, or that the store does not give
 * back intact, stays in its row (logged by table and id); the file is served from wherever it is.
 * Runs right after start-up and then every hour ({@code layanan.documents.inline-move-every}), on
 * one node at a time (ShedLock), {@value #BATCH} rows per query; a second node doing the same finds
 * the rows already moved and removes its copy.
 */
@Component
public class InlineFileMove {

  private static final Logger log = LoggerFactory.getLogger(InlineFileMove.class);
  static final int BATCH = 20;

  private final JdbcClient jdbc;
  private final GeneratedFiles files;
  private final List<InlineFiles> modules;

  InlineFileMove(JdbcClient jdbc, GeneratedFiles files, List<InlineFiles> modules) {
    this.jdbc = jdbc;
    this.files = files;
    this.modules = modules;
  }

  /** What a run did: files moved, and files left in their rows because a check failed. */
  public record Moved(int moved, int kept) {

    Moved plus(Moved other) {
      return new Moved(moved + other.moved, kept + other.kept);
    }
  }

  @Scheduled(
      initialDelayString = "${layanan.documents.inline-move-first:PT0S}",
      fixedDelayString = "${layanan.documents.inline-move-every:PT1H}")
  @SchedulerLock(name = "inline-file-move", lockAtMostFor = "PT1H")
  public void run() {
    for (InlineFiles module : modules) {
      for (Column column : module.inlineColumns()) {
        try {
          Moved moved = moveAll(column);
          if (moved.moved() + moved.kept() > 0) {
            log.info(
                "Moved {} files of {}.{} from the database to the blob store; {} stay in the"
                    + " database",
                moved.moved(),
                column.table(),
                column.bytes(),
                moved.kept());
          }
        } catch (RuntimeException e) {
          log.warn(
              "Moving the files of {}.{} to the blob store failed: {}",
              column.table(),
              column.bytes(),
              e.toString());
        }
      }
    }
  }

  /** Moves every file still in a row, of every module. */
  public Moved moveAll() {
    Moved total = new Moved(0, 0);
    for (InlineFiles module : modules) {
      for (Column column : module.inlineColumns()) {
        total = total.plus(moveAll(column));
      }
    }
    return total;
  }

  private record Row(UUID id, byte[] bytes, String sha256) {}

  /** Moves every file still in the rows of one column. */
  Moved moveAll(Column column) {
    List<UUID> skipped = new ArrayList<>();
    int moved = 0;
    int kept = 0;
    while (true) {
      List<Row> rows =
          jdbc.sql(
                  "select id, %s, %s from %s where %s is not null and id <> all(:skipped) order by %s limit :batch"
                      .formatted(
                          column.bytes(),
                          column.sha256(),
                          column.table(),
                          column.bytes(),
                          column.order()))
              .param("skipped", skipped.toArray(UUID[]::new))
              .param("batch", BATCH)
              .query(
                  (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)))
              .list();
      if (rows.isEmpty()) {
        return new Moved(moved, kept);
      }
      for (Row row : rows) {
        switch (move(column, row)) {
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

  private Outcome move(Column column, Row row) {
    String recorded = row.sha256() == null ? "" : row.sha256().strip();
    if (!GeneratedFiles.sha256(row.bytes()).equals(recorded)) {
      log.error(
          "{} {}: the file in {} does not match its recorded SHA-256; not moved",
          column.table(),
          row.id(),
          column.bytes());
      return Outcome.KEPT;
    }
    GeneratedFiles.Stored stored = files.store(row.bytes());
    String readBack;
    try {
      readBack = GeneratedFiles.sha256(files.read(stored.key()));
    } catch (RuntimeException e) {
      readBack = "unreadable: " + e;
    }
    if (!readBack.equals(recorded)) {
      log.error(
          "{} {}: the blob store did not give the file of {} back intact; not moved",
          column.table(),
          row.id(),
          column.bytes());
      files.remove(stored.key());
      return Outcome.KEPT;
    }
    int updated =
        jdbc.sql(
                "update %s set %s = ?, %s = null where id = ? and %s is not null"
                    .formatted(column.table(), column.key(), column.bytes(), column.bytes()))
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
