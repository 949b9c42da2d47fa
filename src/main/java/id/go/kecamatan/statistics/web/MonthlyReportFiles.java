package id.go.kecamatan.statistics.web;

import id.go.kecamatan.documents.BlobReferences;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.InlineFiles;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the files of the published monthly reports live (V127): in the blob store through {@link
 * GeneratedFiles}, named by {@code stat_report.xlsx_key} and {@code .pdf_key} with their SHA-256;
 * versions published before V127 keep theirs in the row until they are moved. Tells the sweep of
 * orphan blobs which blobs the reports hold, and the move of inline files which columns to move.
 */
@Component
class MonthlyReportFiles implements BlobReferences, InlineFiles {

  /** The two files of a version, in the store, with their SHA-256 (stored at once: see insert). */
  record Stored(GeneratedFiles.Stored xlsx, GeneratedFiles.Stored pdf) {}

  private final JdbcClient jdbc;
  private final GeneratedFiles files;

  MonthlyReportFiles(JdbcClient jdbc, GeneratedFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  /**
   * Stores a new version's files; within the publishing transaction they are removed again if it
   * does not commit.
   */
  Stored store(byte[] xlsx, byte[] pdf) {
    return new Stored(files.store(xlsx), files.store(pdf));
  }

  /** Stores a file that replaces a version's PDF (the signed one). */
  GeneratedFiles.Stored store(byte[] pdf) {
    return files.store(pdf);
  }

  /**
   * The file of a version found by the condition ({@code where}: a clause of ours with positional
   * parameters), from the store or, for a version not moved yet, from its row.
   */
  Optional<byte[]> read(String format, String where, Object... params) {
    String column = format.equals("pdf") ? "pdf" : "xlsx";
    record InRow(byte[] bytes, String key) {}
    return jdbc.sql("select %s, %s_key from stat_report where %s".formatted(column, column, where))
        .params(params)
        .query((rs, i) -> new InRow(rs.getBytes(1), rs.getString(2)))
        .optional()
        .map(row -> row.key() == null ? row.bytes() : files.read(row.key()));
  }

  @Override
  public Set<String> held(Collection<String> keys) {
    String[] array = keys.toArray(String[]::new);
    return new HashSet<>(
        jdbc.sql(
                """
                select xlsx_key from stat_report where xlsx_key = any(cast(:keys as text[]))
                union select pdf_key from stat_report where pdf_key = any(cast(:keys as text[]))
                """)
            .param("keys", array)
            .query(String.class)
            .list());
  }

  @Override
  public List<Column> inlineColumns() {
    return List.of(
        new Column("stat_report", "xlsx", "xlsx_key", "xlsx_sha256", "published_at"),
        new Column("stat_report", "pdf", "pdf_key", "pdf_sha256", "published_at"));
  }
}
